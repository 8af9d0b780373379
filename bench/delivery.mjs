// SPDX-License-Identifier: MIT
// `npm run bench:delivery`: a chaos benchmark of answer delivery in real headless Chromium, on
// loopback only (bench/lib/chaos.mjs). Three tabs of one origin give ≥ 2,000 answers while the
// browser goes offline at random moments (also while a tab loads the delivery chunk), the
// endpoint fails 30 % of requests, drops connections, answers 401 and 413 for stretches and
// redirects, tabs close mid-request, one tab's storage is full, consent arrives late and the
// clock jumps a day; then everything heals and we count what arrived. Then a throughput run.
// The last line is `chaos: answers N, lost L, stored twice S, requests R`. Bounded: ~6 min.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { chromium } from 'playwright-core';
import { startDemoServer } from '../demo/server.mjs';
import { startEndpoint } from '../test/browser/endpoint.mjs';
import { BASE, runChaos } from './lib/chaos.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const ANSWERS = Number(process.env.ANSWERS ?? 2_100);
const HARD_LIMIT_MS = 420_000;

const hardStop = setTimeout(() => {
  console.error(`bench:delivery: gave up after ${HARD_LIMIT_MS / 1000} s`);
  process.exit(2);
}, HARD_LIMIT_MS);

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

const harnessDir = mkdtempSync(join(tmpdir(), 'moments-bench-'));
const fixture = (name) => join(root, 'test/browser/fixtures', name);
await build({
  entryPoints: [fixture('delivery-harness.ts')],
  bundle: true,
  format: 'iife',
  target: 'es2021',
  outfile: join(harnessDir, 'delivery-harness.js'),
  logLevel: 'error',
});
// The engine as its own ES module, loaded by the harness with import() as the embed loads its chunk.
await build({
  entryPoints: [fixture('delivery-engine.ts')],
  bundle: true,
  format: 'esm',
  target: 'es2021',
  outfile: join(harnessDir, 'delivery-engine.js'),
  logLevel: 'error',
});
const site = await startDemoServer({
  dirs: { '/fixtures/': join(root, 'test/browser/fixtures'), '/harness/': harnessDir },
  csp: "default-src 'self'; connect-src 'self' http://127.0.0.1:*",
});
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
});

async function openTab(context, endpoint, name) {
  const page = await context.newPage();
  await page.goto(`${site.url}/fixtures/delivery-harness.html?${new URLSearchParams({ endpoint: endpoint.url, tab: name })}`);
  await page.waitForFunction(() => window.harness !== undefined);
  return page;
}

/** Throughput: enqueue while offline, then deliver through batches once online. */
async function throughput(count = 500) {
  const endpoint = await startEndpoint();
  const context = await browser.newContext();
  const page = await openTab(context, endpoint, 'solo');
  await context.setOffline(true);
  const enqueueMs = await page.evaluate(async (n) => {
    const t0 = performance.now();
    for (let i = 0; i < n; i++) await window.harness.answer();
    return performance.now() - t0;
  }, count);
  const t0 = Date.now();
  await context.setOffline(false);
  while (endpoint.stored.size < count && Date.now() - t0 < 60_000) await sleep(20);
  const deliverMs = Date.now() - t0;
  const posts = endpoint.requests.filter((r) => r.method === 'POST').length;
  await context.close();
  await endpoint.stop();
  return {
    count,
    delivered: endpoint.stored.size,
    enqueuePerSec: (count / enqueueMs) * 1000,
    deliverPerSec: (endpoint.stored.size / deliverMs) * 1000,
    posts,
  };
}

try {
  const c = await runChaos(browser, { siteUrl: site.url, chunk: '/harness/delivery-engine.js', answers: ANSWERS });
  const n = c.counts;
  console.log(
    `chaos: ${c.answered} answers from ${c.tabs} tabs in ${(c.chaosMs / 1000).toFixed(1)} s; endpoint failing ${BASE.failRate * 100} %, dropping ${BASE.dropRate * 100} % of connections`,
  );
  console.log(
    `  trouble: offline ${n.offline} times (${n.offlineAtChunk} as a tab was about to load the delivery chunk: ${n.chunkFailures} chunk loads failed; the answers given meanwhile were stored and count), ${n.closed} tabs closed (${n.closedMidRequest} with a request in flight), one tab with full storage, consent late in ${n.consentLate} tabs, clock jumped ${n.clockJumps} times; stretches: ${Object.entries(
      n.stretches,
    )
      .map(([k, v]) => `${v} × ${k}`)
      .join(', ')}`,
  );
  console.log(`  answers lost:                         ${c.lost}`);
  console.log(`  raw duplicate deliveries:             ${c.rawDuplicates} (resolved by the endpoint's dedupe on id)`);
  console.log(`  answers stored twice after dedupe:    ${c.storedTwice}`);
  console.log(
    `  requests the endpoint saw:            ${c.requests}: ${c.posts} POST (${c.statuses[503]} × 503, ${c.statuses[401]} × 401, ${c.statuses[413]} × 413, ${c.statuses.redirects} redirected), ${c.preflights} preflights, ${c.gets} GET after a 303`,
  );
  console.log(`  median time to delivery once healthy: ${c.healMedianMs} ms (${c.pendingAtHeal} answers were pending at heal time)`);
  const t = await throughput();
  console.log(
    `throughput (1 tab, Chromium, IndexedDB): ${t.enqueuePerSec.toFixed(0)} answers enqueued/s; ${t.deliverPerSec.toFixed(0)} answers delivered/s (${t.delivered}/${t.count} in ${t.posts} POSTs of ≤ 20)`,
  );
  console.log(`chaos: answers ${c.answered}, lost ${c.lost}, stored twice ${c.storedTwice}, requests ${c.requests}`);
  process.exitCode = c.lost === 0 && c.storedTwice === 0 && c.answered >= 2_000 && t.delivered === t.count ? 0 : 1;
} finally {
  clearTimeout(hardStop);
  await browser.close();
  await site.close();
  rmSync(harnessDir, { recursive: true, force: true });
}
