// Bundles src/main.js (with @microsoft/signalr from node_modules) into dist/app.js and copies the static
// shell next to it. Run through `npm run build`.
import { createHash } from 'node:crypto';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('..', import.meta.url));
const dist = `${root}dist/`;

await rm(dist, { recursive: true, force: true });
await mkdir(dist, { recursive: true });

await build({
  absWorkingDir: root,
  entryPoints: ['src/main.js'],
  outfile: 'dist/app.js',
  bundle: true,
  format: 'esm',
  platform: 'browser',
  target: ['es2020'],
  minify: true,
  sourcemap: true,
  logLevel: 'warning',
});

const fingerprint = async (file) =>
  createHash('sha256').update(await readFile(`${dist}${file}`)).digest('hex').slice(0, 12);

const styles = await readFile(`${root}styles.css`);
await writeFile(`${dist}styles.css`, styles);

// The Host serves these files with validators but no cache policy; a content hash in the query string makes
// a browser fetch the new bundle after a deployment instead of running yesterday's code against today's API.
const html = (await readFile(`${root}index.html`, 'utf8'))
  .replace('src="app.js"', `src="app.js?v=${await fingerprint('app.js')}"`)
  .replace('href="styles.css"', `href="styles.css?v=${await fingerprint('styles.css')}"`);
await writeFile(`${dist}index.html`, html);

console.log(`Built ${dist}: index.html, styles.css, app.js`);
