// SPDX-License-Identifier: MIT
// `npm run bench:collector`: load on the collector over loopback. Starts `moments-collector` as
// child processes (`--processes`, default 1) on a fresh SQLite file (synchronous=FULL, as in
// production) or on one PostgreSQL database (`--db postgres://…`; several processes need it),
// then keeps `--connections` keep-alive connections busy POSTing batches of `--batch` new answers
// for `--seconds`, spread over the processes as a round-robin load balancer would, and prints
// accepted answers per second and latency percentiles. Bounded: it stops after the duration (at
// most 60 s) and only ever talks to 127.0.0.1.
//
//   npm run bench:collector -- [--seconds 5] [--connections 16] [--batch 20] [--processes 2 --db postgres://…]
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const { values } = parseArgs({
  options: {
    seconds: { type: 'string', default: '5' },
    connections: { type: 'string', default: '16' },
    batch: { type: 'string', default: '20' },
    db: { type: 'string' },
    processes: { type: 'string', default: '1' },
  },
});
const seconds = Math.min(60, Math.max(1, Number(values.seconds)));
const connections = Math.min(256, Math.max(1, Number(values.connections)));
const batchSize = Math.min(1000, Math.max(1, Number(values.batch)));
const processes = Math.min(8, Math.max(1, Number(values.processes)));
const dir = mkdtempSync(join(tmpdir(), 'moments-bench-'));
const database = values.db ?? join(dir, 'bench.db');

const entry = fileURLToPath(new URL('../packages/collector/cli.mjs', import.meta.url));
const children = [];
const cleanup = () => {
  for (const child of children) child.kill('SIGKILL');
  rmSync(dir, { recursive: true, force: true });
};
process.on('exit', cleanup);

/** Starts one collector process; resolves with its port once it listens. */
function startChild() {
  const child = spawn(process.execPath, [entry, '--host', '127.0.0.1', '--port', '0', '--db', database, '--rate', '0', '--quota-mb', '0'], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  children.push(child);
  return new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`collector did not start: ${out}`)), 15_000);
    child.stdout.on('data', (chunk) => {
      out += chunk;
      const match = /collector: (http:\/\/127\.0\.0\.1:\d+)\/collect/.exec(out);
      if (match) resolve(new URL(match[1]).port, clearTimeout(timer));
    });
  });
}
// SQLite is one file with one writer: several processes on it would only queue on its lock.
if (processes > 1 && !/^postgres/.test(database)) console.warn('several processes on one SQLite file: pass --db postgres://… to scale out');
const ports = await Promise.all(Array.from({ length: processes }, startChild));
let next = 0;

let serial = 0;
function batchBody() {
  const answeredAt = new Date().toISOString();
  const answers = Array.from({ length: batchSize }, () => {
    serial++;
    return {
      id: `bench-${process.pid}-${serial}`,
      surveyId: 'purchase-nps',
      moment: 'purchase',
      question: { type: 'nps', text: 'How likely are you to recommend us?' },
      value: serial % 11,
      context: { orderId: `B-${serial}` },
      visitorId: `v-${serial % 1000}`,
      url: 'http://127.0.0.1/shop/order.html',
      locale: 'en-GB',
      answeredAt,
      sdk: { name: 'moments', version: '0.1.0' },
    };
  });
  return JSON.stringify({ answers });
}

const agent = new Agent({ keepAlive: true, maxSockets: connections });
function post(body) {
  const port = ports[next++ % ports.length]; // round robin, as a load balancer would
  return new Promise((resolve) => {
    const started = process.hrtime.bigint();
    const req = request(
      {
        host: '127.0.0.1',
        port,
        path: '/collect',
        method: 'POST',
        agent,
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
      },
      (res) => {
        let text = '';
        res.on('data', (chunk) => (text += chunk));
        res.on('end', () => resolve({ status: res.statusCode, ms: Number(process.hrtime.bigint() - started) / 1e6, text }));
      },
    );
    req.on('error', () => resolve({ status: 0, ms: Number(process.hrtime.bigint() - started) / 1e6, text: '' }));
    req.end(body);
  });
}

// Warm up (JIT, SQLite page cache) for a moment, then measure.
for (let i = 0; i < 20; i++) await post(batchBody());
const latencies = [];
let accepted = 0;
let failed = 0;
const deadline = Date.now() + seconds * 1000;
const started = process.hrtime.bigint();
await Promise.all(
  Array.from({ length: connections }, async () => {
    while (Date.now() < deadline) {
      const { status, ms, text } = await post(batchBody());
      latencies.push(ms);
      if (status === 200) accepted += JSON.parse(text).stored.answers;
      else failed++;
    }
  }),
);
const elapsed = Number(process.hrtime.bigint() - started) / 1e9;
latencies.sort((a, b) => a - b);
const pct = (p) => latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))].toFixed(2);
const store = /^postgres/.test(database) ? 'postgresql' : 'sqlite file (WAL, synchronous=FULL)';
console.log(
  `collector bench · ${store} · ${processes} process${processes > 1 ? 'es' : ''} · ${connections} connections · batches of ${batchSize} · ${elapsed.toFixed(1)} s on loopback`,
);
console.log(`  requests: ${latencies.length} (${(latencies.length / elapsed).toFixed(0)}/s), non-2xx or errors: ${failed}`);
console.log(`  accepted answers: ${accepted} → ${(accepted / elapsed).toFixed(0)} answers/s`);
console.log(`  latency ms: p50 ${pct(50)} · p90 ${pct(90)} · p99 ${pct(99)} · max ${latencies.at(-1).toFixed(2)}`);
agent.destroy();
process.exit(failed > 0 ? 1 : 0);
