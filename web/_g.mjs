import { chromium } from 'playwright-core';
const base = 'http://127.0.0.1:8769';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless','--no-sandbox','--disable-gpu'] });
const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
for (const lim of [500, 2000]) {
  const t = Date.now();
  const t0 = Date.now();
  const r = await fetch(base + '/api/graph?limit=' + lim); const g = await r.json();
  const api = Date.now() - t0;
  await page.goto(base + '/graph?limit=' + lim);
  await page.waitForSelector('#cy[data-layout-ms]', { timeout: 120000 });
  console.log(lim, 'api', api, 'ms', g.nodes.length, 'nodes', g.edges.length, 'edges; layout', await page.locator('#cy').getAttribute('data-layout-ms'), 'ms; total', Date.now() - t, 'ms');
}
await page.screenshot({ path: '/tmp/I_shots/g2000.png' });
await browser.close();
