import { rollup } from 'rollup';
import configs from '../../rollup.config.mjs';
import { gzipSync } from 'node:zlib';
import { minify } from 'terser';
const idx = Number(process.argv[2] ?? 3);
const cfg = configs[idx];
const bundle = await rollup({ ...cfg, input: process.argv[3] ? { x: process.argv[3] } : cfg.input });
const { output } = await bundle.generate({ format: 'es' });
const rows = [];
for (const chunk of output) for (const [id, m] of Object.entries(chunk.modules ?? {})) {
  if (!m.code) continue;
  const min = (await minify(m.code, { module: true, compress: true, mangle: true })).code ?? '';
  rows.push([min.length, gzipSync(min).length, id.replace(process.cwd() + '/', '')]);
}
rows.sort((a, b) => b[0] - a[0]);
let t = 0; for (const r of rows) t += r[0];
console.log('total raw', t);
for (const r of rows.slice(0, 45)) console.log(r.join('\t'));
