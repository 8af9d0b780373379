// SPDX-License-Identifier: MIT
// `npm run bench:delivery`: a chaos benchmark of answer delivery in real headless Chromium, on
// loopback only. Three tabs of one origin answer ≥ 1,000 times while the endpoint fails 30 % of
// requests, drops connections, goes offline for stretches, and tabs close mid-request; then the
// network heals and we count what arrived. Then a throughput run. Bounded: exits within ~3 min.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { chromium } from 'playwright-core';
import { startDemoServer } from '../demo/server.mjs';
import { startEndpoint } from '../test/browser/endpoint.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const ANSWERS = Number(process.env.ANSWERS ?? 1_050);
const TABS = 3;
const HARD_LIMIT_MS = 180_000;
const CHAOS = { failRate: 0.3, dropRate: 0.1, delayMs: 150 };

const hardStop = setTimeout(() => {
  console.error(`bench:delivery: gave up after ${HARD_LIMIT_MS / 1000} s`);
  process.exit(2);
}, HARD_LIMIT_MS);

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length ? sorted[Math.floor(sorted.length / 2)] : NaN;
};

const harnessDir = mkdtempSync(join(tmpdir(), 'moments-bench-'));
await build({
  entryPoints: [join(root, 'test/browser/fixtures/delivery-harness.ts')],
  bundle: true,
  format: 'iife',
  target: 'es2021',
  outfile: join(harnessDir, 'delivery-harness.js'),
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

/** Chaos: answers from three tabs while the endpoint and network misbehave. */
async function chaos() {
  const endpoint = await startEndpoint();
  endpoint.set(CHAOS);
  const context = await browser.newContext();
  const tabs = await Promise.all(Array.from({ length: TABS }, (_, i) => openTab(context, endpoint, `t${i}`)));
  const names = tabs.map((_, i) => `t${i}`);
  const answered = new Map(); // id → time it was stored on the device
  let closedMidRequest = 0;
  let closed = 0;
  let offline = false;
  let tabSerial = TABS;

  const answerLoop = async (slot) => {
    while (answered.size < ANSWERS) {
      const page = tabs[slot];
      if (!page) {
        await sleep(50);
        continue;
      }
      try {
        const ids = await page.evaluate(
          async (n) => {
            const out = [];
            for (let i = 0; i < n; i++) out.push(await window.harness.answer());
            return out;
          },
          1 + Math.floor(Math.random() * 4),
        );
        for (const id of ids) answered.set(id, Date.now());
      } catch {
        // The tab was closed under us: whatever it had not stored was never "answered".
      }
      await sleep(60 + Math.random() * 100);
    }
  };
  const troubleLoop = async () => {
    while (answered.size < ANSWERS) {
      await sleep(300 + Math.random() * 500);
      const roll = Math.random();
      if (roll < 0.35) {
        offline = !offline;
        await context.setOffline(offline);
        // Pages cannot load offline: tabs closed meanwhile reopen now (a return visit).
        if (!offline) for (const [slot, tab] of tabs.entries()) if (!tab) tabs[slot] = await openTab(context, endpoint, names[slot]);
      } else if (roll < 0.7) {
        // Prefer the tab whose request the endpoint is holding right now: the server has its
        // body, the page will never see the reply.
        const busy = names.findIndex((name, slot) => tabs[slot] && endpoint.stats.inflightTabs.get(name) > 0);
        const slot = busy >= 0 ? busy : Math.floor(Math.random() * TABS);
        if (!tabs[slot]) continue;
        if (busy >= 0) closedMidRequest++;
        closed++;
        const old = tabs[slot];
        names[slot] = `t${tabSerial++}`;
        tabs[slot] = offline ? null : await openTab(context, endpoint, names[slot]);
        await old.close();
      }
    }
  };
  const started = Date.now();
  await Promise.all([...tabs.map((_, slot) => answerLoop(slot)), troubleLoop()]);
  const chaosMs = Date.now() - started;

  // Heal: the endpoint recovers and the network comes back (the `online` event wakes flushers).
  endpoint.set({ failRate: 0, dropRate: 0, delayMs: 0 });
  const healedAt = Date.now();
  const pendingAtHeal = [...answered.keys()].filter((id) => !endpoint.stored.has(id));
  await context.setOffline(true);
  await context.setOffline(false);
  for (const [slot, tab] of tabs.entries()) if (!tab) tabs[slot] = await openTab(context, endpoint, names[slot]);
  const deadline = Date.now() + 90_000;
  while (Date.now() < deadline && [...answered.keys()].some((id) => !endpoint.stored.has(id))) await sleep(100);

  const lost = [...answered.keys()].filter((id) => !endpoint.stored.has(id)).length;
  const rawDuplicates = [...endpoint.raw.values()].reduce((n, count) => n + count - 1, 0);
  // Stored twice = one answer (its unique orderId) stored under two ids: the endpoint's dedupe
  // by id cannot catch that, so the SDK must never re-mint an id.
  const perOrder = new Map();
  for (const { answer } of endpoint.stored.values()) perOrder.set(answer.context.orderId, (perOrder.get(answer.context.orderId) ?? 0) + 1);
  const storedTwice = [...perOrder.values()].filter((n) => n > 1).length;
  const healTimes = pendingAtHeal.filter((id) => endpoint.stored.has(id)).map((id) => endpoint.stored.get(id).at - healedAt);
  const posts = endpoint.requests.filter((r) => r.method === 'POST').length;
  await context.close();
  await endpoint.stop();
  return {
    answered: answered.size,
    lost,
    rawDuplicates,
    storedTwice,
    posts,
    preflights: endpoint.requests.length - posts,
    closed,
    closedMidRequest,
    chaosMs,
    pendingAtHeal: pendingAtHeal.length,
    healMedianMs: median(healTimes),
  };
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
  const c = await chaos();
  console.log(
    `chaos: ${c.answered} answers from ${TABS} tabs in ${(c.chaosMs / 1000).toFixed(1)} s; endpoint failing ${CHAOS.failRate * 100} %, dropping ${CHAOS.dropRate * 100} % of connections, offline stretches; ${c.closed} tabs closed (${c.closedMidRequest} with a request in flight)`,
  );
  console.log(`  answers lost:                         ${c.lost}`);
  console.log(`  raw duplicate deliveries:             ${c.rawDuplicates} (resolved by the endpoint's dedupe on id)`);
  console.log(`  answers stored twice after dedupe:    ${c.storedTwice}`);
  console.log(`  requests made:                        ${c.posts} POST (+ ${c.preflights} CORS preflights)`);
  console.log(`  median time to delivery once healthy: ${c.healMedianMs} ms (${c.pendingAtHeal} answers were pending at heal time)`);
  const t = await throughput();
  console.log(
    `throughput (1 tab, Chromium, IndexedDB): ${t.enqueuePerSec.toFixed(0)} answers enqueued/s; ${t.deliverPerSec.toFixed(0)} answers delivered/s (${t.delivered}/${t.count} in ${t.posts} POSTs of ≤ 20)`,
  );
  process.exitCode = c.lost === 0 && c.storedTwice === 0 && t.delivered === t.count ? 0 : 1;
} finally {
  clearTimeout(hardStop);
  await browser.close();
  await site.close();
  rmSync(harnessDir, { recursive: true, force: true });
}
