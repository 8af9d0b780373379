// SPDX-License-Identifier: MIT
// The collector's reads, all behind the token: the results page, /api/results, the streamed
// exports and DELETE /api/visitors/<id> (erasure). Each is rate-limited per client.
import { clientOf, sendError, sendJson } from './http.mjs';
import { streamAnswers } from './results/export.mjs';
import { renderResultsPage } from './results/page.mjs';
import { parsePeriod } from './results/period.mjs';
import { summarise } from './results/summarise.mjs';

/** The results page runs no script and loads nothing from elsewhere. */
export const RESULTS_CSP = "default-src 'self'; img-src 'self' data:; frame-ancestors 'none'";

/**
 * Builds the read handlers around `ctx.store`: `mayRead(req, res)` (answers 401 / 404 / 429 and
 * returns false, or returns true), `read(req, res, url)` for `/`, `/results`, `/api/results` and
 * the exports, and `erase(req, res, visitorId)`. `ctx` holds the collector's settings.
 */
export function createReads(ctx) {
  const state = { ...ctx, exports: 0 };
  return {
    mayRead: (req, res) => mayRead(state, req, res),
    read: (req, res, url) => read(state, res, url),
    erase: (req, res, visitorId) => erase(state, req, res, visitorId),
  };
}

function mayRead({ access, reads, trustProxy }, req, res) {
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
    const challenge = { 'www-authenticate': 'Basic realm="Moments results", charset="UTF-8"' };
    sendError(
      res,
      401,
      'unauthorized',
      'send the collector token as Authorization: Bearer <token>, or as the password of HTTP Basic auth',
      challenge,
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

async function results({ store, registry, maxUnknownMoments }, url) {
  const period = parsePeriod(url.searchParams);
  if (!period.ok) return period;
  const includeSample = url.searchParams.get('sample') !== '0';
  return { ok: true, summary: await summarise(store, { period, includeSample, registry, maxUnknownMoments }) };
}

async function read(state, res, url) {
  const { store, path } = state;
  const includeSample = url.searchParams.get('sample') !== '0';
  if (url.pathname === '/' || url.pathname === '/results') {
    const r = await results(state, url);
    if (!r.ok) return sendError(res, 400, 'bad-period', r.message);
    const [latest, counts] = await Promise.all([store.answers({ includeSample, limit: 25 }), store.counts()]);
    const html = renderResultsPage({ summary: r.summary, latest, counts, includeSample, endpoint: path, query: url.search });
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-security-policy': RESULTS_CSP, 'cache-control': 'no-store' });
    return res.end(html);
  }
  if (url.pathname === '/api/results') {
    const r = await results(state, url);
    return r.ok ? sendJson(res, 200, r.summary) : sendError(res, 400, 'bad-period', r.message);
  }
  return exportAnswers(state, res, url.pathname === '/export.csv' ? 'csv' : 'json', includeSample);
}

/** Streams every answer; at most `maxExports` at once, so exports cannot starve the collector. */
async function exportAnswers(state, res, format, includeSample) {
  if (state.exports >= state.maxExports)
    return sendError(res, 429, 'busy', 'an export is already running; retry in a minute', { 'retry-after': '30' });
  state.exports++;
  try {
    res.writeHead(200, {
      'content-type': format === 'csv' ? 'text/csv; charset=utf-8' : 'application/json; charset=utf-8',
      'content-disposition': `attachment; filename="moments-answers.${format}"`,
      'cache-control': 'no-store',
    });
    await streamAnswers(state.store, res, { format, includeSample });
  } finally {
    state.exports--;
  }
}

async function erase(state, req, res, visitorId) {
  if (!mayRead(state, req, res)) return;
  if (!visitorId || visitorId.length > 200) return sendError(res, 400, 'bad-visitor', 'expected /api/visitors/<visitorId>');
  const deleted = await state.store.eraseVisitor(visitorId);
  state.log.info?.(`erasure: deleted ${deleted.answers} answers and ${deleted.events} events of one visitor`);
  sendJson(res, 200, { deleted });
}
