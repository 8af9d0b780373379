// SPDX-License-Identifier: MIT
// `npm run size`: raw, gzip (-9) and brotli bytes of what a storefront page loads, checked
// against size-budget.json. Bytes are deterministic, so CI can fail on them.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { measureBytes as measure, withStaticImports } from './bytes.mjs';
import { gzipSync } from 'node:zlib';
import { rollup } from 'rollup';
import { minify } from 'terser';

const root = fileURLToPath(new URL('..', import.meta.url));
const dist = join(root, 'packages/embed/dist');
const budget = JSON.parse(readFileSync(join(root, 'size-budget.json'), 'utf8'));

if (!existsSync(join(dist, 'moments.js'))) {
  console.error('packages/embed/dist/moments.js is missing: run `npm run build` first.');
  process.exit(1);
}

const eagerFiles = [join(dist, 'moments.js')];
const shownFiles = [...eagerFiles, ...withStaticImports(join(dist, 'moments-ui.js'))];
const deliveryFiles = [...withStaticImports(join(dist, 'moments-delivery.js'))];
const answeredFiles = [...new Set([...shownFiles, ...deliveryFiles])];
const spaDist = join(root, 'demo/spa/dist');
// English is inline in the UI chunk; any other language loads exactly one `moments-<tag>.js`.
const localeFiles = readdirSync(dist).filter((f) => /^moments-[a-z]{2,3}(-[A-Za-z]+)?\.js$/.test(f) && !/-(ui|delivery)\.js$/.test(f));
const largestLocale = localeFiles.map((f) => join(dist, f)).sort((a, b) => measure([b]).gzip - measure([a]).gzip)[0];
const rows = [
  { name: 'eager: moments.js (every page view)', files: eagerFiles, limit: budget.eager },
  { name: 'shown: moments.js + UI chunk (one survey shown)', files: shownFiles, limit: budget.shown },
  { name: '  of which the UI chunk: moments-ui.js', files: shownFiles.filter((f) => !eagerFiles.includes(f)) },
  // A shopper in another language also loads that language's chunk (one, never all): the same budget.
  ...(largestLocale
    ? [
        {
          name: `shown + largest locale: ${largestLocale.slice(dist.length + 1)}`,
          files: [...shownFiles, largestLocale],
          limit: budget.shown,
        },
      ]
    : []),
  // Not budgeted, reported: the queue + courier chunk loads once there is an answer to store
  // (after the card is shown), or on a later visit when answers wait; never on other page views.
  { name: 'answered: shown + delivery chunk', files: answeredFiles },
  { name: 'returning visit with answers pending', files: [...eagerFiles, ...deliveryFiles] },
  // What Moments adds to an app bundled with @moments/preact (the SPA demo's Moments chunks).
  {
    name: 'spa: Moments in the Preact SPA demo',
    files: ['moments-core.js', 'moments-decide.js', 'moments-ui.js'].map((f) => join(spaDist, f)),
    limit: budget.shown,
  },
];

let over = false;
console.log('bundle                                              raw      gzip    brotli   budget (gzip)');
for (const row of rows) {
  const { raw, gzip, brotli } = measure(row.files);
  const ok = row.limit === undefined || gzip <= row.limit;
  over ||= !ok;
  const verdict =
    row.limit === undefined ? '(not budgeted)' : `${row.limit} ${ok ? 'ok' : 'OVER'} (${((gzip / row.limit) * 100).toFixed(0)}%)`;
  console.log(`${row.name.padEnd(48)} ${String(raw).padStart(7)} ${String(gzip).padStart(9)} ${String(brotli).padStart(9)}   ${verdict}`);
}
console.log(`files in "shown": ${shownFiles.map((f) => f.slice(dist.length + 1)).join(', ')}`);
console.log(`files in the delivery chunk: ${deliveryFiles.map((f) => f.slice(dist.length + 1)).join(', ')}`);
console.log(
  'spa: demo/spa/dist/moments-core.js (core, bindings) + moments-decide.js + moments-ui.js (eligibility, Lit, the card; loaded on the first moment); its moments-delivery.js loads on the first answer',
);
await reportShares();
if (over) {
  console.error('A size budget is exceeded (size-budget.json).');
  process.exit(1);
}

/**
 * Which package each byte of moments.js comes from. Gzip cannot be split by module, so each
 * module's code (as rollup renders it into the bundle) is minified on its own, and a package's
 * share of those minified bytes is applied to the real gzip size: an estimate, good to a few
 * percent, and stable from build to build.
 */
async function reportShares() {
  const { default: configs } = await import('../rollup.config.mjs');
  const eager = configs.find((c) => String(c.input).endsWith('embed/src/index.ts'));
  const bundle = await rollup({ ...eager, onwarn: () => undefined });
  const { output } = await bundle.generate({ format: 'iife' });
  await bundle.close();
  const bytes = {};
  for (const [id, module] of Object.entries(output[0].modules)) {
    if (!module.code) continue;
    const { code } = await minify(module.code, { compress: { unused: false }, mangle: true, toplevel: false });
    const owner = /\/node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(id)?.[1] ?? /\/packages\/([^/]+)\//.exec(id)?.[1] ?? 'other';
    bytes[owner] = (bytes[owner] ?? 0) + code.length;
  }
  const total = Object.values(bytes).reduce((a, b) => a + b, 0);
  const gzip = gzipSync(readFileSync(join(dist, 'moments.js')), { level: 9 }).length;
  const parts = Object.entries(bytes)
    .sort((a, b) => b[1] - a[1])
    .map(
      ([owner, n]) =>
        `${owner === 'core' || owner === 'embed' ? `@moments/${owner}` : owner} ~${Math.round((gzip * n) / total)} B (${((n / total) * 100).toFixed(0)}%)`,
    );
  console.log(`moments.js by package (gzip, estimated): ${parts.join(', ')}`);
}
