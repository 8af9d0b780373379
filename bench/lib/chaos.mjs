// SPDX-License-Identifier: MIT
// The chaos scenario of `npm run bench:delivery`: three tabs of one origin answer while the
// network, the endpoint, storage, consent and the clock misbehave; then everything heals and we
// count what reached the endpoint. See docs/benchmarks.md ("Delivery under chaos").
import { startEndpoint } from '../../test/browser/endpoint.mjs';

const TABS = 3;
/** The endpoint's weather outside stretches: random 503s, dropped connections, slow answers. */
export const BASE = { failRate: 0.3, failStatus: 503, dropRate: 0.1, delayMs: 150, maxAnswers: Infinity, redirect: 0 };
const DAY_MS = 86_400_000;

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length ? sorted[Math.floor(sorted.length / 2)] : 0;
};

/**
 * Runs the scenario against the harness served at `siteUrl` (its engine loaded from `chunk`).
 * `answers`: how many answers to give before healing.
 */
export async function runChaos(browser, { siteUrl, chunk, answers: target }) {
  const endpoint = await startEndpoint();
  endpoint.set(BASE);
  const context = await browser.newContext();
  const counts = {
    closed: 0,
    closedMidRequest: 0,
    offline: 0,
    offlineAtChunk: 0,
    consentLate: 0,
    stretches: {},
    clockJumps: 0,
    chunkFailures: 0,
  };
  /** Counts the delivery-chunk loads that failed in a tab (before it closes, or at the end). */
  const countChunkFailures = async (page) => {
    const log = await page.evaluate(() => window.harness.events).catch(() => []);
    counts.chunkFailures += log.filter((e) => e.name === 'error' && e.payload.code === 'delivery-unavailable').length;
  };
  let offline = false;
  // No trouble while the first tabs open and after the heal.
  let calm = true;
  let clock = 0;
  let serial = 0;
  const answered = new Map(); // id → time it was stored on the device

  const open = async (slot) => {
    const name = `t${serial++}`;
    // Slot 0 is the tab whose storage is full: its answers live in memory, so it is never closed
    // (a closed tab would take them along: the one case where the promise is the tab's life).
    const pending = slot !== 0 && Math.random() < 1 / 3;
    // Sometimes the network goes right after the page loaded, before the delivery chunk does.
    const offlineAtChunk = !calm && !offline && Math.random() < 0.25;
    // Thousands of answers on one device: above the queue's default cap of 500 (a documented drop, `overflow`).
    const query = {
      endpoint: endpoint.url,
      tab: name,
      chunk,
      clock: String(clock),
      maxItems: '10000',
      ...(slot === 0 ? { storage: 'full' } : {}),
    };
    if (pending) query.consent = 'pending';
    if (offlineAtChunk) query.chunkDelayMs = '300';
    const page = await context.newPage();
    await page.goto(`${siteUrl}/fixtures/delivery-harness.html?${new URLSearchParams(query)}`);
    await page.waitForFunction(() => window.harness !== undefined);
    if (offlineAtChunk) {
      counts.offlineAtChunk++;
      await setOffline(true);
    }
    if (pending) {
      counts.consentLate++;
      setTimeout(() => void page.evaluate(() => window.harness.consent()).catch(() => undefined), 500 + Math.random() * 2500);
    }
    return { page, name };
  };
  const tabs = [];
  for (let slot = 0; slot < TABS; slot++) tabs.push(await open(slot));
  calm = false;

  async function setOffline(value) {
    offline = value;
    if (value) counts.offline++;
    await context.setOffline(value);
  }
  const stretch = (name, options, ms) => {
    counts.stretches[name] = (counts.stretches[name] ?? 0) + 1;
    endpoint.set(options);
    setTimeout(() => endpoint.set(Object.fromEntries(Object.keys(options).map((key) => [key, BASE[key]]))), ms);
  };

  const answerLoop = async (slot) => {
    while (answered.size < target) {
      const tab = tabs[slot];
      if (!tab) {
        await sleep(50);
        continue;
      }
      try {
        const ids = await tab.page.evaluate(
          async (n) => {
            const out = [];
            for (let i = 0; i < n; i++) out.push(await window.harness.answer());
            return out;
          },
          1 + Math.floor(Math.random() * 4),
        );
        for (const id of ids) answered.set(id, Date.now());
      } catch {
        // Closed under us, consent still pending, or the engine chunk failed to load (offline):
        // whatever was not stored was never "answered" (the card would not have said thanks).
      }
      await sleep(60 + Math.random() * 100);
    }
  };

  const closeOne = async () => {
    // Prefer a tab whose request the endpoint is holding: it has the body, the page will never see the reply.
    const busy = tabs.findIndex((tab, slot) => slot > 0 && tab && endpoint.stats.inflightTabs.get(tab.name) > 0);
    const slot = busy > 0 ? busy : 1 + Math.floor(Math.random() * (TABS - 1));
    const old = tabs[slot];
    if (!old) return;
    if (busy > 0) counts.closedMidRequest++;
    counts.closed++;
    tabs[slot] = offline ? null : await open(slot);
    await countChunkFailures(old.page);
    await old.page.close();
  };

  const troubleLoop = async () => {
    while (answered.size < target) {
      await sleep(300 + Math.random() * 500);
      const roll = Math.random();
      if (roll < 0.3) {
        await setOffline(!offline);
        // Pages cannot load offline: tabs closed meanwhile reopen now (a return visit).
        for (const [slot, tab] of tabs.entries()) if (!tab && !offline) tabs[slot] = await open(slot);
      } else if (roll < 0.6) await closeOne();
      else if (roll < 0.67) stretch('401', { failRate: 1, failStatus: 401 }, 2_000);
      else if (roll < 0.74) stretch('413', { maxAnswers: 2 }, 3_000);
      else if (roll < 0.81) stretch('redirect', { redirect: Math.random() < 0.5 ? 303 : 307 }, 3_000);
      else if (roll < 0.88) {
        // The device clock jumps a day forward, or back to the right time.
        clock = clock ? 0 : DAY_MS;
        counts.clockJumps++;
        for (const tab of tabs) await tab?.page.evaluate((ms) => window.harness.setClock(ms), clock).catch(() => undefined);
      }
    }
  };

  const started = Date.now();
  await Promise.all([...tabs.map((_, slot) => answerLoop(slot)), troubleLoop()]);
  const chaosMs = Date.now() - started;
  for (const tab of tabs) if (tab) await countChunkFailures(tab.page);

  // Heal: the endpoint recovers, the clock is right, the network comes back (`online` wakes flushers).
  await sleep(3_000); // let the last stretches end
  calm = true;
  endpoint.set({ ...BASE, failRate: 0, dropRate: 0, delayMs: 0 });
  const healedAt = Date.now();
  const pendingAtHeal = [...answered.keys()].filter((id) => !endpoint.stored.has(id));
  await setOffline(true);
  await setOffline(false);
  for (const [slot, tab] of tabs.entries()) {
    if (!tab) tabs[slot] = await open(slot);
    await tabs[slot].page.evaluate(() => window.harness.setClock(0));
  }
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline && [...answered.keys()].some((id) => !endpoint.stored.has(id))) await sleep(100);

  const lost = [...answered.keys()].filter((id) => !endpoint.stored.has(id)).length;
  if (process.env.DEBUG_CHAOS) {
    const missing = [...answered.keys()].filter((id) => !endpoint.stored.has(id));
    console.log('missing', missing.length, missing.slice(0, 5));
    for (const tab of tabs)
      console.log(
        tab.name,
        JSON.stringify(await tab.page.evaluate(() => window.harness.events.filter((e) => e.name !== 'delivered').slice(-8))),
      );
  }
  const rawDuplicates = [...endpoint.raw.values()].reduce((n, count) => n + count - 1, 0);
  // Stored twice = one answer (its unique orderId) stored under two ids: the endpoint's dedupe
  // by id cannot catch that, so the SDK must never re-mint an id.
  const perOrder = new Map();
  for (const { answer } of endpoint.stored.values()) perOrder.set(answer.context.orderId, (perOrder.get(answer.context.orderId) ?? 0) + 1);
  const storedTwice = [...perOrder.values()].filter((n) => n > 1).length;
  const healTimes = pendingAtHeal.filter((id) => endpoint.stored.has(id)).map((id) => endpoint.stored.get(id).at - healedAt);
  const byMethod = (method) => endpoint.requests.filter((r) => r.method === method).length;
  const byStatus = (status) => endpoint.requests.filter((r) => r.method === 'POST' && r.status === status).length;
  await context.close();
  await endpoint.stop();
  return {
    tabs: TABS,
    answered: answered.size,
    lost,
    rawDuplicates,
    storedTwice,
    requests: endpoint.requests.length,
    posts: byMethod('POST'),
    preflights: byMethod('OPTIONS'),
    gets: byMethod('GET'),
    statuses: { 401: byStatus(401), 413: byStatus(413), 503: byStatus(503), redirects: byStatus(303) + byStatus(307) },
    counts,
    chaosMs,
    pendingAtHeal: pendingAtHeal.length,
    healMedianMs: median(healTimes),
  };
}
