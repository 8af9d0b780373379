// SPDX-License-Identifier: MIT
// `npm run build`: bundles every package with rollup, emits `.d.ts` with tsc, prints the SRI hash.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, readFileSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { rollup } from 'rollup';
import configs from '../rollup.config.mjs';
import { writeCustomElementsManifest } from './custom-elements.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const PACKAGES = ['core', 'elements', 'preact', 'react', 'shopify', 'embed'];

for (const name of PACKAGES) rmSync(`${root}packages/${name}/dist`, { recursive: true, force: true });
rmSync(`${root}demo/spa/dist`, { recursive: true, force: true });
rmSync(`${root}demo/react-spa/dist`, { recursive: true, force: true });
rmSync(`${root}.build`, { recursive: true, force: true });

for (const config of configs) {
  const bundle = await rollup(config);
  const outputs = Array.isArray(config.output) ? config.output : [config.output];
  for (const output of outputs) await bundle.write(output);
  await bundle.close();
}

// typescript@7 (the native compiler, as typescript-7) has no JS API, so declarations come from its binary, then move into each package.
execFileSync(process.execPath, [`${root}node_modules/typescript-7/bin/tsc`, '-p', `${root}tsconfig.build.json`], { stdio: 'inherit' });
for (const name of PACKAGES) {
  const from = `${root}.build/types/${name}/src`;
  if (existsSync(from)) cpSync(from, `${root}packages/${name}/dist/types`, { recursive: true });
}

// The Custom Elements Manifest of `@moments/elements` (its package.json `customElements`), for editors.
writeCustomElementsManifest();

// The SPA demos' pages go next to their bundles, so each `dist` folder is the whole app.
cpSync(`${root}demo/spa/index.html`, `${root}demo/spa/dist/index.html`);
cpSync(`${root}demo/react-spa/index.html`, `${root}demo/react-spa/dist/index.html`);

const script = readFileSync(`${root}packages/embed/dist/moments.js`);
const sri = `sha384-${createHash('sha384').update(script).digest('base64')}`;
console.log(`built packages/embed/dist/moments.js (${script.length} B); integrity="${sri}"`);
