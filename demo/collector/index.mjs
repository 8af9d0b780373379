// SPDX-License-Identifier: MIT
/**
 * The Moments demo collector: a Node HTTP service that accepts DESIGN.md's JSON and CloudEvents
 * payloads, validates them, stores each answer once in SQLite (or PostgreSQL given a URL) and
 * serves results per moment of truth.
 *
 *   node demo/collector/index.mjs [--port 5179] [--db demo/.data/moments.db | postgres://…]
 *                                 [--origin http://127.0.0.1:5178]… [--no-seed]
 *
 * @packageDocumentation
 */
import { createServer } from 'node:http';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { createCollector } from './collector.mjs';
import { seedIfEmpty } from './seed.mjs';
import { openStore } from './store/open.mjs';

export { createCollector, RESULTS_CSP } from './collector.mjs';
export { openStore } from './store/open.mjs';
export { sampleData, seedIfEmpty } from './seed.mjs';
export { ces, csat, nps, wilson } from './results/stats.mjs';
export { createRateLimiter } from './http.mjs';

/** Where `npm start` keeps its database: ignored by git, created on first start. */
export const DEFAULT_DATABASE = fileURLToPath(new URL('../.data/moments.db', import.meta.url));

/**
 * Opens the store, seeds sample data into an empty one when `seed` is true (default false), and
 * listens on `host:port` (default 127.0.0.1, a free port). Other options go to `createCollector`.
 * Resolves with `{url, collector, store, server, seeded, close}`; `close()` also closes the store.
 */
export async function startCollector({ port = 0, host = '127.0.0.1', database = ':memory:', seed = false, ...options } = {}) {
  const store = await openStore(database);
  const seeded = seed ? await seedIfEmpty(store) : 0;
  const collector = createCollector({ store, ...options });
  const server = createServer(async (req, res) => {
    if (!(await collector.handle(req, res))) sendNotFound(res);
  });
  server.keepAliveTimeout = 5_000;
  await new Promise((resolve, reject) => {
    server.once('error', reject); // EADDRINUSE and friends reject instead of crashing the process
    server.listen(port, host, resolve);
  }).catch(async (error) => {
    await store?.close();
    throw error;
  });
  const url = `http://${host}:${server.address().port}`;
  const close = async () => {
    server.closeAllConnections?.();
    await new Promise((resolve) => server.close(resolve));
    await store.close();
  };
  return { url, collector, store, server, seeded, close };
}

function sendNotFound(res) {
  res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('not found\n');
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: process.env.PORT ?? '5179' },
      host: { type: 'string', default: '127.0.0.1' },
      db: { type: 'string', default: process.env.MOMENTS_DB ?? DEFAULT_DATABASE },
      origin: { type: 'string', multiple: true, default: [] },
      rate: { type: 'string', default: '50' },
      'no-seed': { type: 'boolean', default: false },
    },
  });
  const running = await startCollector({
    port: Number(values.port),
    host: values.host,
    database: values.db,
    origins: values.origin,
    rate: Number(values.rate),
    seed: !values['no-seed'],
    log: { error: (message) => console.error(message) },
  });
  console.log(
    `collector: ${running.url}/collect  ·  results: ${running.url}/  ·  store: ${running.store.kind}${running.seeded ? ` (seeded ${running.seeded} sample answers)` : ''}`,
  );
  // A signal ends the process; SQLite has already fsynced every acknowledged batch.
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => void running.close().then(() => process.exit(0)));
}
