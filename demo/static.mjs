// SPDX-License-Identifier: MIT
// Static files for the demo site: URL-prefix mounts, `__KEY__` placeholders in HTML, one CSP on
// every page, and a history-API fallback for the SPA's client-side routes.
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json',
  '.css': 'text/css',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.map': 'application/json',
};

/**
 * Creates `serve(path, res)` over `mounts` (URL prefix → folder; the longest prefix wins).
 * `vars` replaces `__KEY__` in HTML; `csp` goes on every reply; prefixes in `spa` answer a missing,
 * extension-less path with their `index.html` (client-side routes); `missing` maps a prefix to
 * the text of its 404 when its folder is absent (the SPA before it is built).
 */
export function createStatic({ mounts, vars = {}, csp, spa = [], missing = {} }) {
  const sorted = Object.entries(mounts).sort((a, b) => b[0].length - a[0].length);
  const headers = (file) => ({
    'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
    'content-security-policy': csp,
    'cache-control': 'no-store',
  });

  async function read(file) {
    const body = await readFile(file);
    return extname(file) === '.html'
      ? Object.entries(vars).reduce((html, [key, value]) => html.replaceAll(`__${key}__`, value), body.toString())
      : body;
  }

  return async function serve(path, res) {
    const [prefix, dir] = sorted.find(([p]) => path.startsWith(p) || `${path}/` === p) ?? [];
    if (!dir) return void res.writeHead(404, { 'content-type': 'text/plain' }).end('not found\n');
    if (`${path}/` === prefix) return void res.writeHead(301, { location: prefix }).end();
    const file = normalize(join(dir, path.slice(prefix.length)));
    // `normalize` resolves `..`: anything that lands outside the mounted folder is refused.
    if (!(file === dir || file.startsWith(dir + sep))) return void res.writeHead(404).end();
    const target = file.endsWith(sep) || file === dir ? join(file, 'index.html') : file;
    for (const candidate of spa.includes(prefix) && !extname(target) ? [target, join(dir, 'index.html')] : [target]) {
      try {
        const body = await read(candidate);
        return void res.writeHead(200, headers(candidate)).end(body);
      } catch {
        // try the next candidate
      }
    }
    res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end(missing[prefix] ?? 'not found\n');
  };
}
