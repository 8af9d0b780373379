// SPDX-License-Identifier: MIT
// `npm run size`: raw, gzip (-9) and brotli bytes of what a storefront page loads, checked
// against size-budget.json. Bytes are deterministic, so CI can fail on them.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const root = fileURLToPath(new URL('..', import.meta.url));
const dist = join(root, 'packages/embed/dist');
const budget = JSON.parse(readFileSync(join(root, 'size-budget.json'), 'utf8'));

if (!existsSync(join(dist, 'moments.js'))) {
  console.error('packages/embed/dist/moments.js is missing: run `npm run build` first.');
  process.exit(1);
}

/** A module and every module it imports statically, transitively (what the browser fetches). */
function withStaticImports(file, seen = new Set()) {
  if (seen.has(file)) return seen;
  seen.add(file);
  const code = readFileSync(file, 'utf8');
  for (const [, spec] of code.matchAll(/(?:\bimport|\bfrom)\s*["'](\.{1,2}\/[^"']+)["']/g)) withStaticImports(join(dirname(file), spec), seen);
  return seen;
}

function measure(files) {
  const buffers = files.map((f) => readFileSync(f));
  const sum = (fn) => buffers.reduce((n, b) => n + fn(b), 0);
  return {
    raw: sum((b) => b.length),
    gzip: sum((b) => gzipSync(b, { level: 9 }).length),
    brotli: sum((b) => brotliCompressSync(b, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length),
  };
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
