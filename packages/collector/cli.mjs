#!/usr/bin/env node
// SPDX-License-Identifier: MIT
// `moments-collector`: the collector as a command. `moments-collector --help` lists the options.
import { parseArgs } from 'node:util';
import { isLoopback } from './access.mjs';
import { startCollector } from './index.mjs';
import { loadRegistry } from './surveys.mjs';

const HELP = `moments-collector: receive Moments answers, store each once, rank the moments that hurt.

Usage: moments-collector [options]

  --db <file | postgres://…>   SQLite file (default ./moments.db, env MOMENTS_DB) or a PostgreSQL URL
  --port <n>                   port (default 5179, env PORT; 0 = any free port)
  --host <address>             address to listen on (default 127.0.0.1; 0.0.0.0 for every interface)
  --origin <origin>            storefront origin allowed to POST from a browser (repeat; * = any)
  --token <secret>             token for the results page, /api/* and exports (env MOMENTS_TOKEN);
                               sent as "Authorization: Bearer <token>" or as the Basic auth password.
                               Required to read anything when --host is not loopback.
  --surveys <file | URL>       the storefront's Moments config (or its URL): known surveys and moments,
                               rating scales, choice options, priorities
  --alert-url <URL>            Slack-compatible webhook: one message per unhappy answer at a critical moment
  --retain-days <n>            delete answers and events older than n days (at start, then daily)
  --rate <n>                   POSTs per second per client before 429 (default 50; 0 = no limit)
  --quota-mb <n>               MiB a client may post per hour (default 20; 0 = no quota)
  --trust-proxy                count clients by the last X-Forwarded-For entry (behind a load balancer)
  --seed                       seed sample answers into an empty database (a demo)
  --no-seed                    (the default; kept for scripts)
  -h, --help                   this help

Endpoints: POST /collect · GET / (results) · GET /api/results?from=…&to=… · GET /export.csv · GET /export.json
           DELETE /api/visitors/<visitorId> (erasure) · GET /health`;

function fail(message) {
  console.error(`moments-collector: ${message}\n(see moments-collector --help)`);
  process.exit(2);
}

let values;
try {
  ({ values } = parseArgs({
    options: {
      db: { type: 'string', default: process.env.MOMENTS_DB ?? 'moments.db' },
      port: { type: 'string', default: process.env.PORT ?? '5179' },
      host: { type: 'string', default: '127.0.0.1' },
      origin: { type: 'string', multiple: true, default: [] },
      token: { type: 'string', default: process.env.MOMENTS_TOKEN },
      surveys: { type: 'string' },
      'alert-url': { type: 'string' },
      'retain-days': { type: 'string' },
      rate: { type: 'string', default: '50' },
      'quota-mb': { type: 'string', default: '20' },
      'trust-proxy': { type: 'boolean', default: false },
      seed: { type: 'boolean', default: false },
      'no-seed': { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  }));
} catch (error) {
  fail(error.message);
}
if (values.help) {
  console.log(HELP);
  process.exit(0);
}
const number = (name, min = 0) => {
  const n = Number(values[name]);
  if (!Number.isFinite(n) || n < min) fail(`--${name} expects a number ≥ ${min}; got ${JSON.stringify(values[name])}`);
  return n;
};
if (values['alert-url'] && !/^https?:\/\//.test(values['alert-url'])) fail('--alert-url expects an http(s) URL');

const log = { error: (m) => console.error(m), info: (m) => console.log(m) };
const registry = await loadRegistry(values.surveys).catch((error) => fail(error.message));
const running = await startCollector({
  port: number('port'),
  host: values.host,
  database: values.db,
  origins: values.origin,
  token: values.token || undefined,
  registry,
  alertUrl: values['alert-url'],
  retainDays: values['retain-days'] === undefined ? undefined : number('retain-days', 1),
  rate: number('rate'),
  quotaBytesPerHour: number('quota-mb') * 1024 * 1024,
  trustProxy: values['trust-proxy'],
  seed: values.seed && !values['no-seed'],
  log,
}).catch((error) => fail(`could not start: ${error.message}`));

console.log(
  `collector: ${running.url}/collect  ·  results: ${running.url}/  ·  store: ${running.store.kind}${running.seeded ? ` (seeded ${running.seeded} sample answers)` : ''}`,
);
if (running.collector.access.readsDisabled)
  console.warn(
    `collector: listening on ${values.host} without a token: serving POST /collect only. Set --token (or MOMENTS_TOKEN) to read results.`,
  );
else if (values.token) console.log('collector: reads need the token (Bearer or Basic auth password)');
if (!isLoopback(values.host) && values.origin.length === 0)
  console.warn('collector: no --origin given: browsers on other origins cannot post answers');
if (registry.size) console.log(`collector: ${registry.size} known surveys`);
// A signal ends the process; SQLite has already fsynced every acknowledged batch.
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => void running.close().then(() => process.exit(0)));
