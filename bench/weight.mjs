// SPDX-License-Identifier: MIT
// `npm run bench:weight`: raw / gzip -9 / brotli q11 bytes a page loads (a) before any survey
// fires and (b) to show one survey, for Moments and the two competitors, from their dist files.
import { measureBytes } from '../scripts/bytes.mjs';
import { machine, markdownTable, ratio, report } from './lib/results.mjs';
import { rel, requireBuild, sdkFiles } from './lib/sdks.mjs';

requireBuild();
const sdks = sdkFiles();
const rows = [];
for (const sdk of sdks) {
  for (const stage of ['eager', 'shown']) {
    const files = sdk[stage];
    const lowerBound = Boolean(sdk.lowerBound?.[stage]);
    rows.push({
      sdk: sdk.id,
      name: sdk.name,
      stage,
      files: files?.map(rel) ?? [],
      bytes: files ? measureBytes(files) : null,
      lowerBound,
      missing: sdk.missing[stage],
    });
  }
}
const base = Object.fromEntries(rows.filter((r) => r.sdk === 'moments').map((r) => [r.stage, r.bytes]));
const label = { eager: '(a) before any survey', shown: '(b) to show one survey' };
const table = markdownTable(
  ['SDK', 'what the page loads', 'raw B', 'gzip B', 'brotli B', 'gzip × Moments', 'files measured'],
  rows.map((r) => {
    // A lower bound (the rest is loaded from a cloud at run time) is shown as "≥ n".
    const at = (v) => (v === undefined ? 'n/a' : r.lowerBound ? `≥ ${v}` : v);
    const files = r.files.map((f) => `\`${f.replace(/^node_modules\//, '')}\``).join(' + ');
    const gzipRatio = r.bytes ? at(ratio(r.bytes.gzip, base[r.stage].gzip)) : 'n/a';
    return [r.name, label[r.stage], at(r.bytes?.raw), at(r.bytes?.gzip), at(r.bytes?.brotli), gzipRatio, files || 'not in the npm package'];
  }),
);
const notes = rows.filter((r) => r.missing).map((r) => `${r.name}, ${label[r.stage]}: ${r.missing}.`);
notes.push(
  'Seen in `npm run bench:time-to-card`: once a project has surveys, posthog-js fetches `surveys.js` and the survey definitions during start-up on every page view, before any event: for such a project, (a) is in practice (b).',
);
notes.push(
  'Each file is compressed on its own (gzip level 9, brotli quality 11) and the sizes are summed, as a browser fetches them; the same code as `npm run size` (`scripts/bytes.mjs`).',
);
report('weight', { title: 'Weight', table, notes, data: { machine: machine(), rows } });
