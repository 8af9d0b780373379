// SPDX-License-Identifier: MIT
// A controllable collector for delivery tests and the chaos benchmark: it can refuse
// connections, drop them mid-request, answer 503 with Retry-After, omit CORS, or fail at
// random; it dedupes answers by id (as every endpoint should) and counts raw deliveries.
import { createServer } from 'node:http';

/**
 * Starts an endpoint on 127.0.0.1. `set(options)` changes its behaviour at any time:
 * `cors` (default true), `script` (statuses to answer next, e.g. `[{status: 503, retryAfter: '1'}]`),
 * `failRate` / `dropRate` (0–1, random 503s and dropped connections). `stop()` closes the port
 * (connection refused) and `start()` listens on the same port again. `delayMs`: each POST is
 * answered after a random delay up to this long (the body already received: `stats.inflight`,
 * and per `x-tab` request header in `stats.inflightTabs`).
 */
export async function startEndpoint({ random = Math.random } = {}) {
  const options = { cors: true, script: [], failRate: 0, dropRate: 0, delayMs: 0 };
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
      requests.push({ at: Date.now(), method: 'OPTIONS', headers: req.headers, body: '', status: 204 });
      return void res.writeHead(204, cors).end();
    }
    const body = await new Promise((resolve) => {
      const chunks = [];
      req.on('data', (c) => chunks.push(c));
      req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
      req.on('error', () => resolve(''));
    });
    const entry = { at: Date.now(), method: 'POST', headers: req.headers, body, status: 0 };
    requests.push(entry);
    if (options.delayMs) {
      const tab = String(req.headers['x-tab'] ?? '');
      stats.inflight++;
      stats.inflightTabs.set(tab, (stats.inflightTabs.get(tab) ?? 0) + 1);
      await new Promise((resolve) => setTimeout(resolve, random() * options.delayMs));
      stats.inflight--;
      stats.inflightTabs.set(tab, stats.inflightTabs.get(tab) - 1);
    }
    if (random() < options.dropRate) return void req.socket.destroy();
    const next = options.script.shift() ?? (random() < options.failRate ? { status: 503 } : { status: 200 });
    entry.status = next.status;
    if (next.status === 200) {
      let parsed;
      try {
        parsed = JSON.parse(body);
      } catch {
        return void res.writeHead((entry.status = 400), cors).end();
      }
      const answers = Array.isArray(parsed) ? parsed.map((event) => event.data) : (parsed.answers ?? []);
      for (const answer of answers) {
        raw.set(answer.id, (raw.get(answer.id) ?? 0) + 1);
        if (!stored.has(answer.id)) stored.set(answer.id, { answer, at: Date.now() });
      }
    }
    res.writeHead(next.status, { ...cors, ...(next.retryAfter ? { 'retry-after': next.retryAfter } : {}) }).end();
  });
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
