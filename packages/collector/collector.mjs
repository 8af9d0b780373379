// SPDX-License-Identifier: MIT
// The collector's routes: POST /collect (answers in, open to the allowed origins), and behind the
// token: GET / (results page), /api/results, exports, DELETE /api/visitors/<id>. /health is open.
import { readFileSync } from 'node:fs';
import { createAccess } from './access.mjs';
import { alertFor, createAlerter } from './alerts.mjs';
import { clientOf, corsHeaders, createRateLimiter, sendError, sendJson } from './http.mjs';
import { ingest } from './ingest.mjs';
import { streamAnswers } from './results/export.mjs';
import { renderResultsPage } from './results/page.mjs';
import { parsePeriod } from './results/period.mjs';
import { summarise } from './results/summarise.mjs';
import { createRegistry } from './surveys.mjs';

const CSS = readFileSync(new URL('./results/results.css', import.meta.url));
/** The results page runs no script and loads nothing from elsewhere. */
export const RESULTS_CSP = "default-src 'self'; img-src 'self' data:; frame-ancestors 'none'";

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
  let exports = 0;

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

  /** 401 / 404 / 429 for a read that may not go ahead; true when it may. */
  function mayRead(req, res) {
    const verdict = access.check(req);
    if (verdict === 'disabled') {
      sendError(
        res,
        404,
        'reads-disabled',
        'this collector listens beyond loopback without a token, so it serves POST /collect only; start it with --token (or MOMENTS_TOKEN) to read results',
      );
      return false;
    }
    if (verdict === 'unauthorized') {
      sendError(
        res,
        401,
        'unauthorized',
        'send the collector token as Authorization: Bearer <token>, or as the password of HTTP Basic auth',
        {
          'www-authenticate': 'Basic realm="Moments results", charset="UTF-8"',
        },
      );
      return false;
    }
    const wait = reads.take(clientOf(req, trustProxy));
    if (wait > 0) {
      sendError(res, 429, 'rate-limited', `too many reads; retry in ${wait} s`, { 'retry-after': String(wait) });
      return false;
    }
    return true;
  }

  async function results(url) {
    const period = parsePeriod(url.searchParams);
    if (!period.ok) return period;
    const includeSample = url.searchParams.get('sample') !== '0';
    return { ok: true, includeSample, summary: await summarise(store, { period, includeSample, registry, maxUnknownMoments }) };
  }

  async function read(req, res, url) {
    const includeSample = url.searchParams.get('sample') !== '0';
    if (url.pathname === '/' || url.pathname === '/results') {
      const r = await results(url);
      if (!r.ok) return sendError(res, 400, 'bad-period', r.message);
      const [latest, counts] = await Promise.all([store.answers({ includeSample, limit: 25 }), store.counts()]);
      const html = renderResultsPage({ summary: r.summary, latest, counts, includeSample, endpoint: path, query: url.search });
      res.writeHead(200, {
        'content-type': 'text/html; charset=utf-8',
        'content-security-policy': RESULTS_CSP,
        'cache-control': 'no-store',
      });
      return res.end(html);
    }
    if (url.pathname === '/api/results') {
      const r = await results(url);
      return r.ok ? sendJson(res, 200, r.summary) : sendError(res, 400, 'bad-period', r.message);
    }
    const format = url.pathname === '/export.csv' ? 'csv' : 'json';
    if (exports >= maxExports)
      return sendError(res, 429, 'busy', 'an export is already running; retry in a minute', { 'retry-after': '30' });
    exports++;
    try {
      res.writeHead(200, {
        'content-type': format === 'csv' ? 'text/csv; charset=utf-8' : 'application/json; charset=utf-8',
        'content-disposition': `attachment; filename="moments-answers.${format}"`,
        'cache-control': 'no-store',
      });
      await streamAnswers(store, res, { format, includeSample });
    } finally {
      exports--;
    }
  }

  async function erase(req, res, visitorId) {
    if (!mayRead(req, res)) return;
    if (!visitorId || visitorId.length > 200) return sendError(res, 400, 'bad-visitor', 'expected /api/visitors/<visitorId>');
    const deleted = await store.eraseVisitor(visitorId);
    log.info?.(`erasure: deleted ${deleted.answers} answers and ${deleted.events} events of one visitor`);
    sendJson(res, 200, { deleted });
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
