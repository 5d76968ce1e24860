// Helpers of the browser tests: build and start a dossier server on a free loopback port,
// drive Debian's chromium through playwright-core, run axe-core, save screenshots.
import { spawn, execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import { chromium } from 'playwright-core';

const here = dirname(fileURLToPath(import.meta.url));
export const repo = resolve(here, '..', '..');
export const shared = resolve(repo, '..', 'shared');
export const artifacts = join(here, 'artifacts');
const require = createRequire(import.meta.url);

/** chromiumPath finds Debian's chromium. */
export function chromiumPath() {
  for (const p of [process.env.CHROMIUM, '/usr/bin/chromium', '/usr/bin/chromium-browser']) {
    if (p && existsSync(p)) return p;
  }
  throw new Error('chromium not found: apt-get install -y chromium');
}

/** launch starts headless chromium with no network beyond loopback use. */
export function launch() {
  return chromium.launch({
    executablePath: chromiumPath(),
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
  });
}

function go(args, opts) {
  return execFileSync('go', args, { cwd: repo, stdio: ['ignore', 'pipe', 'pipe'], ...opts }).toString();
}

/**
 * startServer builds dossier (or uses $DOSSIER_BIN), ingests the sample corpus in
 * examples/corpus into a fresh database and runs `dossier serve` on a free loopback
 * port. If the dossier command cannot be built, it falls back to the web package's own
 * test server (internal/web/cmd/testserve) loaded with the seed brief fixture, which is
 * also what {fixture: true} asks for (the hostile fixture's payloads sit in entity names,
 * titles and attributions, where an extractor would not put them). Returns {base, kind, stop}.
 */
export async function startServer(opts) {
  const fixture = Boolean(opts && opts.fixture);
  const dir = mkdtempSync(join(tmpdir(), 'dossier-web-'));
  const db = join(dir, 'web.db');
  let bin = fixture ? '' : process.env.DOSSIER_BIN || '';
  let kind = 'dossier';
  if (!bin && !fixture) {
    // Under CI=true a dossier that does not build is a failure, not a fallback.
    bin = join(dir, 'dossier');
    try {
      go(['build', '-o', bin, './cmd/dossier']);
    } catch (err) {
      if (process.env.CI === 'true') throw new Error('cannot build ./cmd/dossier: ' + String(err.stderr || err));
      bin = '';
      process.stderr.write('browser tests: cannot build ./cmd/dossier, using testserve: ' + String(err.stderr || err).slice(0, 500) + '\n');
    }
  }
  let args;
  if (bin) {
    const corpusDir = existsSync(join(repo, 'examples', 'corpus')) ? join(repo, 'examples', 'corpus') : join(repo, 'examples');
    execFileSync(bin, ['--db', db, 'ingest', corpusDir], { stdio: ['ignore', 'pipe', 'pipe'] });
    args = [bin, ['--db', db, 'serve', '--addr', '127.0.0.1:0']];
  } else {
    kind = 'testserve';
    bin = join(dir, 'testserve');
    go(['build', '-o', bin, './internal/web/cmd/testserve']);
    args = [bin, ['-db', db, '-addr', '127.0.0.1:0', '-shared', shared, '-hostile']];
  }
  const proc = spawn(args[0], args[1], { stdio: ['ignore', 'pipe', 'pipe'] });
  let log = '';
  const base = await new Promise((ok, fail) => {
    const timer = setTimeout(() => fail(new Error('server did not start: ' + log)), 30000);
    const seen = (chunk) => {
      log += chunk.toString();
      const m = /http:\/\/(127\.0\.0\.1:\d+)\//.exec(log);
      if (m) {
        clearTimeout(timer);
        ok('http://' + m[1]);
      }
    };
    proc.stdout.on('data', seen);
    proc.stderr.on('data', seen);
    proc.on('exit', (code) => fail(new Error('server exited with ' + code + ': ' + log)));
  });
  return {
    base,
    kind,
    log: () => log,
    stop: async () => {
      if (proc.exitCode === null) {
        proc.kill('SIGTERM');
        await new Promise((r) => proc.once('exit', r));
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * watch records what must never happen on a page: script errors, console errors
 * (Content-Security-Policy violations are reported there), dialogs.
 */
export function watch(page) {
  const problems = [];
  page.on('pageerror', (e) => problems.push('pageerror: ' + e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push('console: ' + m.text());
  });
  page.on('dialog', async (d) => {
    problems.push('dialog: ' + d.message());
    await d.dismiss();
  });
  return problems;
}

/** open loads a UI path and waits until the view has rendered. */
export async function open(page, base, path) {
  const res = await page.goto(base + path);
  await page.waitForSelector('body[data-ready]', { timeout: 20000 });
  return res;
}

const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/** axe runs axe-core on the page and returns its serious and critical violations. */
export async function axe(page) {
  // Evaluated through the DevTools protocol, so the page's CSP does not apply to it.
  await page.evaluate(axeSource);
  const res = await page.evaluate(async () => {
    // eslint-disable-next-line no-undef
    const r = await axe.run(document, { resultTypes: ['violations'] });
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 3).map((n) => n.target.join(' ')) }));
  });
  return res.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

/** horizontalOverflow returns how many pixels the page scrolls sideways. */
export function horizontalOverflow(page) {
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}

/** shot saves a screenshot under artifacts/. */
export async function shot(page, name) {
  mkdirSync(artifacts, { recursive: true });
  await page.screenshot({ path: join(artifacts, name + '.png'), fullPage: false });
}

/** api fetches a JSON API path from the server. */
export async function api(base, path, init) {
  const res = await fetch(base + '/api/' + path, init);
  const body = await res.json();
  return { status: res.status, body };
}
