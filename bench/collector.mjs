// SPDX-License-Identifier: MIT
// `npm run bench:collector`: load on the demo collector over loopback. Starts the collector as a
// child process on a fresh SQLite file (synchronous=FULL, as in production), then keeps
// `--connections` keep-alive connections busy POSTing batches of `--batch` new answers for
// `--seconds`, and prints accepted answers per second and latency percentiles. Bounded: it stops
// after the duration (at most 60 s) and only ever talks to 127.0.0.1.
//
//   npm run bench:collector -- [--seconds 5] [--connections 16] [--batch 20] [--db postgres://…]
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
  },
});
const seconds = Math.min(60, Math.max(1, Number(values.seconds)));
const connections = Math.min(256, Math.max(1, Number(values.connections)));
const batchSize = Math.min(1000, Math.max(1, Number(values.batch)));
const dir = mkdtempSync(join(tmpdir(), 'moments-bench-'));
const database = values.db ?? join(dir, 'bench.db');

const entry = fileURLToPath(new URL('../demo/collector/index.mjs', import.meta.url));
const child = spawn(process.execPath, [entry, '--host', '127.0.0.1', '--port', '0', '--db', database, '--no-seed', '--rate', '0'], {
  stdio: ['ignore', 'pipe', 'inherit'],
});
const cleanup = () => {
  child.kill('SIGKILL');
  rmSync(dir, { recursive: true, force: true });
};
process.on('exit', cleanup);

const url = await new Promise((resolve, reject) => {
  let out = '';
  const timer = setTimeout(() => reject(new Error(`collector did not start: ${out}`)), 15_000);
  child.stdout.on('data', (chunk) => {
    out += chunk;
    const match = /collector: (http:\/\/127\.0\.0\.1:\d+)\/collect/.exec(out);
    if (match) resolve(match[1], clearTimeout(timer));
  });
});
const { port } = new URL(url);

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
console.log(`collector bench · ${store} · ${connections} connections · batches of ${batchSize} · ${elapsed.toFixed(1)} s on loopback`);
console.log(`  requests: ${latencies.length} (${(latencies.length / elapsed).toFixed(0)}/s), non-2xx or errors: ${failed}`);
console.log(`  accepted answers: ${accepted} → ${(accepted / elapsed).toFixed(0)} answers/s`);
console.log(`  latency ms: p50 ${pct(50)} · p90 ${pct(90)} · p99 ${pct(99)} · max ${latencies.at(-1).toFixed(2)}`);
agent.destroy();
process.exit(failed > 0 ? 1 : 0);
