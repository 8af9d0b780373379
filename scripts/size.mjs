// SPDX-License-Identifier: MIT
// `npm run size`: raw, gzip (-9) and brotli bytes of what a storefront page loads, checked
// against size-budget.json. Bytes are deterministic, so CI can fail on them.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { measureBytes as measure, withStaticImports } from './bytes.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const dist = join(root, 'packages/embed/dist');
const budget = JSON.parse(readFileSync(join(root, 'size-budget.json'), 'utf8'));

if (!existsSync(join(dist, 'moments.js'))) {
  console.error('packages/embed/dist/moments.js is missing: run `npm run build` first.');
  process.exit(1);
}

const eagerFiles = [join(dist, 'moments.js')];
const shownFiles = [...eagerFiles, ...withStaticImports(join(dist, 'moments-ui.js'))];
const spaDist = join(root, 'demo/spa/dist');
const rows = [
  { name: 'eager: moments.js (every page view)', files: eagerFiles, limit: budget.eager },
  { name: 'shown: moments.js + UI chunk (one survey shown)', files: shownFiles, limit: budget.shown },
  // What Moments adds to an app bundled with @moments/preact (the SPA demo's Moments chunks).
  { name: 'spa: Moments in the Preact SPA demo', files: ['moments-core.js', 'moments-ui.js'].map((f) => join(spaDist, f)), limit: budget.shown },
];

let over = false;
console.log('bundle                                              raw      gzip    brotli   budget (gzip)');
for (const row of rows) {
  const { raw, gzip, brotli } = measure(row.files);
  const ok = gzip <= row.limit;
  over ||= !ok;
  console.log(
    `${row.name.padEnd(48)} ${String(raw).padStart(7)} ${String(gzip).padStart(9)} ${String(brotli).padStart(9)}   ${row.limit} ${ok ? 'ok' : 'OVER'} (${((gzip / row.limit) * 100).toFixed(0)}%)`,
  );
}
console.log(`files in "shown": ${shownFiles.map((f) => f.slice(dist.length + 1)).join(', ')}`);
console.log('spa: demo/spa/dist/moments-core.js (zod, core, bindings) + moments-ui.js (Lit, the card; loaded on first survey)');
if (over) {
  console.error('A size budget is exceeded (size-budget.json).');
  process.exit(1);
}
