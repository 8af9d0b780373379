// SPDX-License-Identifier: MIT
// The collector's routes: POST /collect (answers in), GET / (results page), exports, health.
import { readFileSync } from 'node:fs';
import { corsHeaders, createRateLimiter, sendError, sendJson } from './http.mjs';
import { ingest } from './ingest.mjs';
import { toCsv } from './results/export.mjs';
import { renderResultsPage } from './results/page.mjs';
import { summarise } from './results/summarise.mjs';

const CSS = readFileSync(new URL('./results/results.css', import.meta.url));
/** The results page runs no script and loads nothing from elsewhere. */
export const RESULTS_CSP = "default-src 'self'; img-src 'self' data:; frame-ancestors 'none'";

/**
 * Creates the request handler of a collector around an open `store`.
 * - `origins`: storefront origins allowed to POST from a browser (exact match, or `['*']`);
 *   requests without an `Origin` (servers, curl) are always allowed. Default `[]`.
 * - `maxBodyBytes`: larger bodies get 413. Default 256 KiB (the SDK's beacon limit is 64 KiB).
 * - `rate`, `burst`: requests per second per client address, and the burst allowed; more get 429
 *   with `Retry-After`. Defaults 50 and 100; `rate: 0` turns the limit off (benchmarks).
 * - `path`: where answers are POSTed. Default `/collect`.
 * `handle(req, res)` resolves to `false` when the route is not the collector's.
 */
export function createCollector({ store, origins = [], maxBodyBytes = 256 * 1024, rate = 50, burst = 100, path = '/collect', log = {} }) {
  const limiter = createRateLimiter({ rate, burst });

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
    const wait = limiter.take(req.socket.remoteAddress ?? '?');
    if (wait > 0) {
      req.resume();
      return sendError(res, 429, 'rate-limited', `too many requests; retry in ${wait} s`, { ...cors, 'retry-after': String(wait) });
    }
    return ingest(req, res, { store, maxBodyBytes, headers: cors, log });
  }

  async function handle(req, res) {
    const url = new URL(req.url ?? '/', 'http://collector');
    const includeSample = url.searchParams.get('sample') !== '0';
    if (url.pathname === path) return collect(req, res).then(() => true);
    if (req.method !== 'GET' && req.method !== 'HEAD') return false;
    switch (url.pathname) {
      case '/':
      case '/results': {
        const [summary, latest] = await Promise.all([summarise(store, { includeSample }), store.answers({ includeSample, limit: 25 })]);
        const html = renderResultsPage({ summary, latest, includeSample, endpoint: path });
        res.writeHead(200, {
          'content-type': 'text/html; charset=utf-8',
          'content-security-policy': RESULTS_CSP,
          'cache-control': 'no-store',
        });
        res.end(html);
        return true;
      }
      case '/results.css':
        res.writeHead(200, { 'content-type': 'text/css; charset=utf-8' }).end(CSS);
        return true;
      case '/export.json':
        sendJson(
          res,
          200,
          { answers: await store.answers({ includeSample }) },
          { 'content-disposition': 'attachment; filename="moments-answers.json"' },
        );
        return true;
      case '/export.csv':
        res.writeHead(200, {
          'content-type': 'text/csv; charset=utf-8',
          'content-disposition': 'attachment; filename="moments-answers.csv"',
          'cache-control': 'no-store',
        });
        res.end(toCsv(await store.answers({ includeSample })));
        return true;
      case '/favicon.ico':
        res.writeHead(204).end();
        return true;
      case '/health':
        sendJson(res, 200, { ok: true, store: store.kind, ...(await store.counts()) });
        return true;
      default:
        return false;
    }
  }

  return {
    store,
    /** Serves a request; resolves `false` when the path is not one of the collector's. Never rejects. */
    handle: (req, res) =>
      handle(req, res).catch((error) => {
        log.error?.(`collector: ${error.stack ?? error}`);
        if (!res.headersSent) sendError(res, 500, 'internal', 'the collector failed; see its log');
        return true;
      }),
    /** Every stored answer, oldest first (the demo page and tests read this). */
    answers: (options) => store.answers(options),
  };
}
