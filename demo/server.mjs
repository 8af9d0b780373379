// SPDX-License-Identifier: MIT
// `npm start`: serves the demo pages and the built script on 127.0.0.1, with a local collector
// at /collect. Also imported by the browser tests, which start it on a free port.
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createCollector } from './collector.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.json': 'application/json', '.css': 'text/css', '.svg': 'image/svg+xml' };
/** Strict, as a careful storefront would set it: proves Moments needs no inline code or eval. */
export const STRICT_CSP = "default-src 'self'";

/**
 * Starts the demo server. `dirs` maps URL prefixes to folders (the demo pages at `/`, the built
 * embed at `/moments/`); `csp` is sent on every page; `vars` replaces `__KEY__` placeholders in
 * HTML (tests point a page at a collector on another port). Resolves with `{url, collector, close}`.
 */
export async function startDemoServer({ port = 0, host = '127.0.0.1', csp = STRICT_CSP, dirs = {}, vars = {}, log } = {}) {
  const collector = createCollector({ log });
  const mounts = Object.entries({ '/moments/': join(root, 'packages/embed/dist'), '/spa/': join(root, 'demo/spa/dist'), '/': join(root, 'demo/public'), ...dirs }).sort(
    (a, b) => b[0].length - a[0].length,
  );
  const server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    if (path === '/collect') return collector.handle(req, res);
    if (path === '/collected') return sendCollected(res, collector);
    if (path === '/favicon.ico') return void res.writeHead(204).end();
    const [prefix, dir] = mounts.find(([p]) => path.startsWith(p)) ?? [];
    const file = dir && normalize(join(dir, path.slice(prefix.length) || 'index.html'));
    if (!file || !(file === dir || file.startsWith(dir + sep))) return void res.writeHead(404).end();
    try {
      let body = await readFile(file.endsWith('/') ? join(file, 'index.html') : file);
      if (extname(file) === '.html') body = Object.entries(vars).reduce((html, [key, value]) => html.replaceAll(`__${key}__`, value), body.toString());
      res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'content-security-policy': csp, 'cache-control': 'no-store' });
      res.end(body);
    } catch {
      // Client-side routes (`/spa/tracking`) get their app's index.html, as any SPA host does.
      if (!extname(file) && prefix !== '/') {
        req.url = prefix;
        return void server.emit('request', req, res);
      }
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found\n');
    }
  });
  await new Promise((resolve) => server.listen(port, host, resolve));
  const url = `http://${host}:${server.address().port}`;
  return { url, collector, server, close: () => new Promise((resolve) => server.close(resolve)) };
}

/** The answers so far, as a page that refreshes itself (no script: it obeys the same CSP). */
function sendCollected(res, collector) {
  const rows = collector
    .answers()
    .map((a) => `<tr><td>${esc(a.answeredAt)}</td><td>${esc(a.moment)}</td><td>${esc(a.surveyId)}</td><td>${esc(a.value)}</td><td><code>${esc(JSON.stringify(a.context))}</code></td></tr>`)
    .join('');
  res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-security-policy': STRICT_CSP });
  res.end(`<!doctype html><meta charset="utf-8"><meta http-equiv="refresh" content="2"><title>Collected answers</title>
<link rel="stylesheet" href="/demo.css"><main><h1>Collected answers (${collector.answers().length})</h1>
<table><thead><tr><th>answered at</th><th>moment</th><th>survey</th><th>value</th><th>context</th></tr></thead><tbody>${rows}</tbody></table></main>`);
}

function esc(value) {
  return String(value).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const port = Number(process.env.PORT ?? 5178);
  const { url } = await startDemoServer({
    port,
    log: (a) => console.log(`collector: ${a.moment} · ${a.surveyId} = ${JSON.stringify(a.value)} ${JSON.stringify(a.context)} (id ${a.id})`),
  });
  console.log(`Moments demo: ${url}/  ·  answers: ${url}/collected  ·  endpoint: ${url}/collect`);
}
