// SPDX-License-Identifier: MIT
/**
 * `@moments/collector`: a Node HTTP service that accepts DESIGN.md's JSON and CloudEvents
 * payloads, validates each item, stores each answer once in SQLite (or PostgreSQL given a URL)
 * and serves the moments that hurt most, behind a token. The CLI is `moments-collector --help`.
 *
 * @packageDocumentation
 */
import { createServer } from 'node:http';
import { createCollector } from './collector.mjs';
import { startRetention } from './retention.mjs';
import { seedIfEmpty } from './seed.mjs';
import { openStore } from './store/open.mjs';
import { createRegistry } from './surveys.mjs';

export { createCollector, RESULTS_CSP } from './collector.mjs';
export { openStore } from './store/open.mjs';
export { sampleData, seedIfEmpty } from './seed.mjs';
export { ces, csat, meanOf, nps, twoProportionTest, wilson } from './results/stats.mjs';
export { isUnhappy, metricOf } from './results/metrics.mjs';
export { distinctiveWords, tokenize } from './results/words.mjs';
export { csvCell } from './results/export.mjs';
export { createRateLimiter } from './http.mjs';
export { createRegistry, loadRegistry } from './surveys.mjs';
export { parseBatch } from './schema.mjs';
export { startRetention } from './retention.mjs';

/**
 * Opens the store, seeds sample data into an empty one when `seed` is true (default false),
 * deletes rows older than `retainDays` (daily) when set, and listens on `host:port` (default
 * 127.0.0.1, a free port). Other options go to `createCollector`. Resolves with
 * `{url, collector, store, server, seeded, close}`; `close()` also closes the store.
 */
export async function startCollector({
  port = 0,
  host = '127.0.0.1',
  database = ':memory:',
  seed = false,
  retainDays,
  registry = createRegistry(),
  ...options
} = {}) {
  const store = await openStore(database);
  const seeded = seed ? await seedIfEmpty(store) : 0;
  const collector = createCollector({ store, host, registry, ...options });
  const retention = retainDays > 0 ? startRetention({ store, days: retainDays, log: options.log }) : undefined;
  await retention?.first;
  const server = createServer(async (req, res) => {
    if (!(await collector.handle(req, res))) sendNotFound(res);
  });
  server.keepAliveTimeout = 5_000;
  await new Promise((resolve, reject) => {
    server.once('error', reject); // EADDRINUSE and friends reject instead of crashing the process
    server.listen(port, host, resolve);
  }).catch(async (error) => {
    retention?.stop();
    await collector.close();
    await store?.close();
    throw error;
  });
  const address = server.address();
  const url = `http://${address.family === 'IPv6' ? `[${address.address}]` : host === '0.0.0.0' ? '127.0.0.1' : host}:${address.port}`;
  const close = async () => {
    retention?.stop();
    server.closeAllConnections?.();
    await new Promise((resolve) => server.close(resolve));
    await collector.close();
    await store.close();
  };
  return { url, collector, store, server, seeded, close };
}

function sendNotFound(res) {
  res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('not found\n');
}
