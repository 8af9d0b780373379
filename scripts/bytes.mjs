// SPDX-License-Identifier: MIT
// Byte measuring shared by `npm run size` (budgets) and `npm run bench:weight` (comparison), so
// both count bytes the same way: gzip at level 9 and brotli at quality 11, summed per file.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

/** A module and every module it imports statically, transitively (what the browser fetches). */
export function withStaticImports(file, seen = new Set()) {
  if (seen.has(file)) return seen;
  seen.add(file);
  const code = readFileSync(file, 'utf8');
  for (const [, spec] of code.matchAll(/(?:\bimport|\bfrom)\s*["'](\.{1,2}\/[^"']+)["']/g))
    withStaticImports(join(dirname(file), spec), seen);
  return seen;
}

/**
 * Raw, gzip (-9) and brotli (q11) bytes of `files`, each compressed on its own and summed, as a
 * browser fetches them one by one. Returns `{raw, gzip, brotli}` in bytes.
 */
export function measureBytes(files) {
  const buffers = files.map((f) => readFileSync(f));
  const sum = (fn) => buffers.reduce((n, b) => n + fn(b), 0);
  return {
    raw: sum((b) => b.length),
    gzip: sum((b) => gzipSync(b, { level: 9 }).length),
    brotli: sum((b) => brotliCompressSync(b, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length),
  };
}
