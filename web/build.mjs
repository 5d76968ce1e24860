// Bundles the front-end sources in src/ into ../internal/web/assets/dist/, which is
// committed so that `go build` needs no npm. Run with `npm run build` (make assets).
import { build } from 'esbuild';
import { copyFile, mkdir, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const out = join(here, '..', 'internal', 'web', 'assets', 'dist');

await rm(out, { recursive: true, force: true });
await mkdir(out, { recursive: true });
await build({
  entryPoints: { app: join(here, 'src', 'main.js'), style: join(here, 'src', 'style.css') },
  outdir: out,
  bundle: true,
  format: 'esm',
  minify: true,
  target: ['es2020'],
  legalComments: 'linked',
  logLevel: 'warning',
});
// Country shapes (Natural Earth 1:110m via world-atlas), served by the dossier server.
await copyFile(join(here, 'node_modules', 'world-atlas', 'countries-110m.json'), join(out, 'countries-110m.json'));
console.log('assets written to', out);
