// SPDX-License-Identifier: MIT
// `npm start`: serves the storefront, the SPA demo (when built) and the one-page example on
// 127.0.0.1:5178, and the collector with its results page on 127.0.0.1:5179. Also imported by the
// browser tests, which start both on free ports.
import { existsSync } from 'node:fs';
import { createServer } from 'node:http';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createCollector, openStore, startCollector } from '@moments/collector';
import { createStatic } from './static.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
/** Strict, as a careful storefront would set it: proves Moments needs no inline code or eval. */
export const STRICT_CSP = "default-src 'self'";
/** Where `npm start` keeps its database: ignored by git, created on first start. */
export const DEFAULT_DATABASE = join(root, 'demo/.data/moments.db');
/** The SPA demo's build output (issue 7), served at /spa/ (a 404 that says so until it is built). */
export const SPA_DIST = join(root, 'demo/spa/dist');
/** The same SPA in React (`@moments/react`, issue 16), served at /react-spa/ once built. */
export const REACT_SPA_DIST = join(root, 'demo/react-spa/dist');

/** URL prefix → folder. The SPA is always mounted, so building it while this runs just works. */
function defaultMounts() {
  return {
    '/moments/': join(root, 'packages/embed/dist'),
    '/shop/': join(root, 'demo/storefront'),
    '/spa/': SPA_DIST,
    '/react-spa/': REACT_SPA_DIST,
    '/': join(root, 'demo/public'),
  };
}
const SPA_MISSING = 'The SPA demo is not built yet: demo/spa/dist is missing.\n';
const REACT_SPA_MISSING = 'The React SPA demo is not built yet: demo/react-spa/dist is missing.\n';

/**
 * Starts the demo site. `dirs` adds or replaces URL-prefix → folder mounts (the one-page example
 * at `/`, the storefront at `/shop/`, the built embed at `/moments/`, the SPA at `/spa/`); `csp`
 * is sent on every page; `vars` replaces `__KEY__` placeholders in HTML (the storefront's
 * `__COLLECTOR__`). `/collect` goes to `collector` (a `createCollector` handler), by default an
 * in-memory SQLite one that accepts any origin. Resolves with `{url, collector, server, close}`.
 */
export async function startDemoServer({ port = 0, host = '127.0.0.1', csp = STRICT_CSP, dirs = {}, vars = {}, log, collector } = {}) {
  const own = collector ? undefined : await openStore(':memory:');
  const handler = collector ?? createCollector({ store: own, origins: ['*'], log: { stored: log && ((answers) => answers.forEach(log)) } });
  const serve = createStatic({
    mounts: { ...defaultMounts(), ...dirs },
    vars,
    csp,
    spa: ['/spa/', '/react-spa/'],
    missing: { '/spa/': SPA_MISSING, '/react-spa/': REACT_SPA_MISSING },
  });
  const server = createServer(async (req, res) => {
    let path;
    try {
      path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    } catch {
      return void res.writeHead(400, { 'content-type': 'text/plain' }).end('bad path\n');
    }
    if (path === '/collect') return void (await handler.handle(req, res));
    if (path === '/collected') return sendCollected(res, await handler.answers());
    if (path === '/favicon.ico') return void res.writeHead(204).end();
    await serve(path, res);
  });
  await new Promise((resolve, reject) => {
    server.once('error', reject); // EADDRINUSE and friends reject instead of crashing the process
    server.listen(port, host, resolve);
  }).catch(async (error) => {
    await own?.close();
    throw error;
  });
  const url = `http://${host}:${server.address().port}`;
  const close = async () => {
    server.closeAllConnections?.();
    await new Promise((resolve) => server.close(resolve));
    await own?.close();
  };
  return { url, collector: handler, server, close };
}

/** The answers so far, as a page that refreshes itself (no script: it obeys the same CSP). */
function sendCollected(res, answers) {
  const rows = answers
    .map(
      (a) =>
        `<tr><td>${esc(a.answeredAt)}</td><td>${esc(a.moment)}</td><td>${esc(a.surveyId)}</td><td>${esc(a.value)}</td><td><code>${esc(JSON.stringify(a.context))}</code></td></tr>`,
    )
    .join('');
  res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-security-policy': STRICT_CSP });
  res.end(`<!doctype html><meta charset="utf-8"><meta http-equiv="refresh" content="2"><title>Collected answers</title>
<link rel="stylesheet" href="/demo.css"><main><h1>Collected answers (${answers.length})</h1>
<table><thead><tr><th>answered at</th><th>moment</th><th>survey</th><th>value</th><th>context</th></tr></thead><tbody>${rows}</tbody></table></main>`);
}

function esc(value) {
  return String(value).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** `npm start`: the collector (SQLite file, seeded when empty) and the site, both on loopback. */
async function main() {
  const host = '127.0.0.1';
  const sitePort = Number(process.env.PORT ?? 5178);
  const site = `http://${host}:${sitePort}`;
  const printAnswer = (a) =>
    console.log(`collector: ${a.moment} · ${a.surveyId} = ${JSON.stringify(a.value)} ${JSON.stringify(a.context)} (id ${a.id})`);
  const collector = await startCollector({
    host,
    port: Number(process.env.COLLECTOR_PORT ?? 5179),
    database: process.env.MOMENTS_DB ?? DEFAULT_DATABASE,
    seed: true,
    origins: [site],
    log: { stored: (answers) => answers.forEach(printAnswer), error: (message) => console.error(message) },
  });
  await startDemoServer({
    host,
    port: sitePort,
    collector: collector.collector,
    vars: { COLLECTOR: collector.url },
    csp: `${STRICT_CSP}; connect-src 'self' ${collector.url}`,
  });
  const spa = existsSync(SPA_DIST) ? `${site}/spa/` : `${site}/spa/ (not built yet: demo/spa/dist is missing)`;
  console.log(`Moments demo on ${host}:
  storefront      ${site}/shop/
  SPA demo        ${spa}
  React SPA demo  ${site}/react-spa/
  one-page example ${site}/
  results         ${collector.url}/   (${collector.store.kind}: ${process.env.MOMENTS_DB ?? DEFAULT_DATABASE}${collector.seeded ? `, seeded ${collector.seeded} sample answers` : ''})
  endpoint        ${collector.url}/collect  (exports: /export.csv, /export.json; API: /api/results)`);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  await main().catch((error) => {
    const hint =
      error.code === 'EADDRINUSE'
        ? ` (port ${error.port} is taken: set PORT and COLLECTOR_PORT, e.g. PORT=5278 COLLECTOR_PORT=5279 npm start)`
        : '';
    console.error(`Moments demo could not start: ${error.message}${hint}`);
    process.exit(1);
  });
}
