// SPDX-License-Identifier: MIT
// The collector's routes: POST /collect (answers in, open to the allowed origins), and behind the
// token: GET / (results page), /api/results, exports, DELETE /api/visitors/<id>. /health is open.
import { readFileSync } from 'node:fs';
import { createAccess } from './access.mjs';
import { alertFor, createAlerter } from './alerts.mjs';
import { clientOf, corsHeaders, createRateLimiter, sendError, sendJson } from './http.mjs';
import { ingest } from './ingest.mjs';
import { createReads } from './reads.mjs';
import { createRegistry } from './surveys.mjs';

const CSS = readFileSync(new URL('./results/results.css', import.meta.url));
export { RESULTS_CSP } from './reads.mjs';

/**
 * Creates the request handler of a collector around an open `store`. Options (all optional):
 * - `origins`: storefront origins allowed to POST from a browser (exact, or `['*']`). Default `[]`.
 * - `token`, `host`: reads need the token when one is set, and always beyond loopback (see access.mjs).
 * - `registry`: the known surveys (`loadRegistry`); `alertUrl`: webhook for unhappy critical answers.
 * - `rate`/`burst`: POSTs per second per client (429 past it; `rate: 0` = off); `readRate`/`readBurst`
 *   the same for reads; `quotaBytesPerHour`: bytes a client may post per hour; `maxExports`: exports at once.
 * - `maxBodyBytes` (256 KiB), `path` (`/collect`), `maxAgeDays` (90), `trustProxy`, `log`.
 * `handle(req, res)` resolves to `false` when the route is not the collector's.
 */
export function createCollector({
  store,
  origins = [],
  token,
  host = '127.0.0.1',
  registry = createRegistry(),
  alertUrl,
  maxBodyBytes = 256 * 1024,
  rate = 50,
  burst = 100,
  readRate = 5,
  readBurst = 30,
  quotaBytesPerHour = 20 * 1024 * 1024,
  maxExports = 2,
  maxAgeDays = 90,
  maxUnknownMoments,
  trustProxy = false,
  path = '/collect',
  alerts: alertOptions = {},
  log = {},
}) {
  const limiter = createRateLimiter({ rate, burst });
  const reads = createRateLimiter({ rate: rate > 0 ? readRate : 0, burst: readBurst });
  const quota =
    quotaBytesPerHour > 0 ? createRateLimiter({ rate: quotaBytesPerHour / 3600, burst: quotaBytesPerHour, idleMs: 3_600_000 }) : undefined;
  const access = createAccess({ token, host });
  const alerter = alertUrl ? createAlerter({ store, url: alertUrl, log, ...alertOptions }) : undefined;
  alerter?.start();
  const { mayRead, read, erase } = createReads({ store, registry, access, reads, trustProxy, path, maxExports, maxUnknownMoments, log });

  async function collect(req, res) {
    const origin = req.headers.origin;
    const cors = corsHeaders(origin, origins);
    if (origin && !cors) {
      req.resume();
      return sendError(
        res,
        403,
        'origin-not-allowed',
        `origin ${origin} is not allowed to post answers here; add it to the collector's origins`,
      );
    }
    if (req.method === 'OPTIONS') return void res.writeHead(204, cors).end();
    if (req.method !== 'POST') return sendError(res, 405, 'method-not-allowed', 'POST answers here', { ...cors, allow: 'POST, OPTIONS' });
    const client = clientOf(req, trustProxy);
    const wait = limiter.take(client);
    if (wait > 0) {
      req.resume();
      return sendError(res, 429, 'rate-limited', `too many requests; retry in ${wait} s`, { ...cors, 'retry-after': String(wait) });
    }
    const alert = alertUrl ? (answer) => alertFor(answer, registry) : undefined;
    return ingest(req, res, {
      store,
      maxBodyBytes,
      headers: cors,
      log,
      registry,
      quota,
      client,
      alert,
      onAlerts: alerter?.kick,
      maxAgeDays,
    });
  }

  async function handle(req, res) {
    const url = new URL(req.url ?? '/', 'http://collector');
    if (url.pathname === path) return collect(req, res).then(() => true);
    if (req.method === 'DELETE' && url.pathname.startsWith('/api/visitors/')) {
      await erase(req, res, decodeURIComponent(url.pathname.slice('/api/visitors/'.length)));
      return true;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') return false;
    switch (url.pathname) {
      case '/results.css':
        res.writeHead(200, { 'content-type': 'text/css; charset=utf-8', 'cache-control': 'max-age=300' }).end(CSS);
        return true;
      case '/favicon.ico':
        res.writeHead(204).end();
        return true;
      case '/health': {
        const detail = access.check(req) === 'ok' ? { store: store.kind, ...(await store.counts()) } : {};
        sendJson(res, 200, { ok: true, ...detail });
        return true;
      }
      case '/':
      case '/results':
      case '/api/results':
      case '/export.json':
      case '/export.csv':
        if (mayRead(req, res)) await read(req, res, url);
        return true;
      default:
        return false;
    }
  }

  return {
    store,
    access,
    /** Serves a request; resolves `false` when the path is not one of the collector's. Never rejects. */
    handle: (req, res) =>
      handle(req, res).catch((error) => {
        log.error?.(`collector: ${error.stack ?? error}`);
        if (!res.headersSent) sendError(res, 500, 'internal', 'the collector failed; see its log');
        else res.destroy();
        return true;
      }),
    /** Every stored answer, oldest first (the demo page and tests read this). */
    answers: (options) => store.answers(options),
    /** Stops background work (alerts); the store stays open. */
    close: async () => alerter?.stop(),
    alerter,
  };
}
