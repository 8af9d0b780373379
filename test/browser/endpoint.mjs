// SPDX-License-Identifier: MIT
// A controllable collector for delivery tests and the chaos benchmark: it can refuse
// connections, drop them mid-request, answer 503 with Retry-After, omit CORS, or fail at
// random; it dedupes answers by id (as every endpoint should) and counts raw deliveries.
import { createServer } from 'node:http';

/**
 * Starts an endpoint on 127.0.0.1. `set(options)` changes its behaviour at any time:
 * `cors` (default true), `script` (statuses to answer next, e.g. `[{status: 503, retryAfter: '1'}]`),
 * `failRate` / `dropRate` (0–1, random failures and dropped connections; `failStatus`, default
 * 503, is the status of a random failure: 401 for a stretch of expired tokens). `stop()` closes
 * the port (connection refused) and `start()` listens on the same port again. `delayMs`: each
 * POST is answered after a random delay up to this long (the body already received:
 * `stats.inflight`, and per `x-tab` request header or body `tab` in `stats.inflightTabs`).
 * `preflight: false` answers `OPTIONS` with 405 and no CORS headers (as Apps Script does).
 * `maxAnswers`: a batch with more answers gets 413. `redirect` (301, 302, 303, 307 or 308):
 * a POST to the endpoint's path is redirected to `/moved`, where a POST is stored as usual and a
 * GET (what 301/302/303 make of a POST) answers 200 with nothing stored. `hang: true` reads
 * the body, then never answers.
 */
export async function startEndpoint({ random = Math.random } = {}) {
  const options = {
    cors: true,
    preflight: true,
    script: [],
    failRate: 0,
    failStatus: 503,
    dropRate: 0,
    delayMs: 0,
    maxAnswers: Infinity,
    redirect: 0,
    hang: false,
  };
  const stats = { inflight: 0, inflightTabs: new Map() };
  const stored = new Map();
  const raw = new Map();
  const requests = [];
  const sockets = new Set();
  let port = 0;

  const server = createServer(async (req, res) => {
    const cors = options.cors
      ? {
          'access-control-allow-origin': req.headers.origin ?? '*',
          'access-control-allow-methods': 'POST',
          'access-control-allow-headers': req.headers['access-control-request-headers'] ?? 'content-type',
          'access-control-expose-headers': 'Retry-After',
        }
      : {};
    if (req.method === 'OPTIONS') {
      const status = options.preflight ? 204 : 405;
      requests.push({ at: Date.now(), method: 'OPTIONS', headers: req.headers, body: '', status });
      return void res.writeHead(status, options.preflight ? cors : {}).end();
    }
    const moved = req.url?.startsWith('/moved');
    if (req.method === 'GET') {
      requests.push({ at: Date.now(), method: 'GET', headers: req.headers, body: '', status: 200, url: req.url });
      return void res.writeHead(200, cors).end('ok');
    }
    const body = await new Promise((resolve) => {
      const chunks = [];
      req.on('data', (c) => chunks.push(c));
      req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
      req.on('error', () => resolve(''));
    });
    const entry = { at: Date.now(), method: 'POST', headers: req.headers, body, status: 0, url: req.url };
    requests.push(entry);
    if (options.redirect && !moved) {
      entry.status = options.redirect;
      return void res.writeHead(options.redirect, { ...cors, location: '/moved' }).end();
    }
    if (options.hang) return;
    if (options.delayMs) {
      const tab = String(req.headers['x-tab'] ?? tabOf(body));
      stats.inflight++;
      stats.inflightTabs.set(tab, (stats.inflightTabs.get(tab) ?? 0) + 1);
      await new Promise((resolve) => setTimeout(resolve, random() * options.delayMs));
      stats.inflight--;
      stats.inflightTabs.set(tab, stats.inflightTabs.get(tab) - 1);
    }
    if (random() < options.dropRate) return void req.socket.destroy();
    const next = options.script.shift() ?? (random() < options.failRate ? { status: options.failStatus } : { status: 200 });
    entry.status = next.status;
    if (next.status === 200) {
      let parsed;
      try {
        parsed = JSON.parse(body);
      } catch {
        return void res.writeHead((entry.status = 400), cors).end();
      }
      const answers = Array.isArray(parsed) ? parsed.map((event) => event.data) : (parsed.answers ?? []);
      if (answers.length > options.maxAnswers) return void res.writeHead((entry.status = 413), cors).end();
      for (const answer of answers) {
        raw.set(answer.id, (raw.get(answer.id) ?? 0) + 1);
        if (!stored.has(answer.id)) stored.set(answer.id, { answer, at: Date.now() });
      }
    }
    res.writeHead(next.status, { ...cors, ...(next.retryAfter ? { 'retry-after': next.retryAfter } : {}) }).end();
  });
  /** The harness names its tab in each answer's context when it cannot send an `x-tab` header. */
  const tabOf = (body) => /"tab":"([^"]*)"/.exec(body)?.[1] ?? '';
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  server.keepAliveTimeout = 1000;

  const start = () => new Promise((resolve) => server.listen(port, '127.0.0.1', () => resolve((port = server.address().port))));
  const stop = () =>
    new Promise((resolve) => {
      for (const socket of sockets) socket.destroy();
      server.close(() => resolve());
    });
  await start();
  return {
    url: `http://127.0.0.1:${port}/collect`,
    origin: `http://127.0.0.1:${port}`,
    set: (next) => Object.assign(options, next),
    stats,
    /** Answers stored once each, by id: `{answer, at}`. */
    stored,
    /** How many times each answer id arrived in a 200 request (duplicates included). */
    raw,
    /** Every request that reached the handler: `{at, method, headers, body, status}` (status 0: dropped). */
    requests,
    start,
    stop,
  };
}
