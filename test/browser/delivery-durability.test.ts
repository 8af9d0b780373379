// SPDX-License-Identifier: MIT
// Durability in real Chromium: an endpoint down across a reload (with the real moments.js and
// survey card), a tab closed right after answering, and IndexedDB that throws.
import { rmSync } from 'node:fs';
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { launchChromium, watchPageErrors } from './chromium.js';
import { answer, buildHarness, eventually, events, openHarness, startSite } from './delivery-site.js';
import { startEndpoint, type Endpoint } from './endpoint.mjs';

let browser: Browser;
let harnessDir: string;
let site: Awaited<ReturnType<typeof startSite>>;
let endpoint: Endpoint;
let context: BrowserContext;

beforeAll(async () => {
  harnessDir = await buildHarness();
  endpoint = await startEndpoint();
  [browser, site] = await Promise.all([launchChromium(), startSite(harnessDir, { ENDPOINT: endpoint.url })]);
});
afterAll(async () => {
  await browser?.close();
  await site?.close();
  await endpoint?.stop();
  rmSync(harnessDir, { recursive: true, force: true });
});
beforeEach(async () => {
  endpoint.stored.clear();
  endpoint.raw.clear();
  endpoint.requests.length = 0;
  context = await browser.newContext();
});
afterEach(async () => {
  await context?.close();
});

/** Records waiting in the queue's IndexedDB store (runs in the page). */
function queuedInIndexedDb(): Promise<number> {
  return new Promise((resolve, reject) => {
    const open = indexedDB.open('moments-queue');
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const count = open.result.transaction('answers').objectStore('answers').count();
      count.onsuccess = () => {
        open.result.close();
        resolve(count.result);
      };
    };
  });
}

describe('delivery durability', () => {
  it('delivers once after a reload an answer given while the endpoint was unreachable (script tag + card)', async () => {
    await endpoint.stop();
    try {
      const page = await context.newPage();
      const errors = watchPageErrors(page);
      await page.goto(`${site.url}/fixtures/delivery-script.html`);
      const card = page.locator('moment-survey');
      await card.getByRole('radio', { name: '8' }).click();
      await expect.poll(() => card.getByRole('status').textContent()).toContain('Thank you');
      // Connection refused: the answer waits in IndexedDB (found there on the next visit, no hint needed).
      expect(await page.evaluate(queuedInIndexedDb)).toBe(1);
      await endpoint.start();
      await page.reload();
      await eventually(() => expect(endpoint.stored.size).toBe(1));
      const delivered = [...endpoint.stored.values()][0]!.answer;
      expect(delivered).toMatchObject({ surveyId: 'order-nps', value: 8, context: { orderId: 'D-1' } });
      expect(endpoint.raw.get(delivered.id)).toBe(1);
      // Polled, not `eventually`: its check is synchronous and would not wait for the page.
      await expect.poll(() => page.evaluate(queuedInIndexedDb), { timeout: 15_000 }).toBe(0);
      expect(await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('moments')))).toEqual([]);
      expect(errors.filter((e) => !e.includes('ERR_CONNECTION_REFUSED'))).toEqual([]);
    } finally {
      await endpoint.start().catch(() => undefined);
    }
  });

  it('delivers an answer whose tab closed right after it was stored, by keepalive or on the next visit', async () => {
    const page = await openHarness(context, site.url, { endpoint: endpoint.url });
    const [id] = await answer(page);
    await page.close({ runBeforeUnload: true });
    // Give keepalive its chance; if it lost the race, the next visit sends the answer.
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    if (!endpoint.stored.has(id!)) await openHarness(context, site.url, { endpoint: endpoint.url });
    await eventually(() => expect(endpoint.stored.has(id!)).toBe(true));
    expect(endpoint.stored.size).toBe(1);
  });

  it('delivers through localStorage when IndexedDB throws, across a reload too', async () => {
    const page = await openHarness(context, site.url, { endpoint: endpoint.url, idb: 'throw' });
    const [first] = await answer(page);
    await eventually(() => expect(endpoint.stored.has(first!)).toBe(true));
    const fallback = (await events(page)).find((e) => e.name === 'error');
    expect(fallback?.payload).toMatchObject({ code: 'storage-fallback', details: { kind: 'localstorage' } });

    await endpoint.stop();
    const [second] = await answer(page);
    expect(await page.evaluate(() => Object.keys(JSON.parse(localStorage.getItem('moments-queue') ?? '{}')))).toEqual([second]);
    await endpoint.start();
    await page.reload();
    await page.waitForFunction(() => window.harness !== undefined);
    await eventually(() => expect(endpoint.stored.has(second!)).toBe(true));
    expect(endpoint.stored.size).toBe(2);
    expect(endpoint.raw.get(first!)).toBe(1);
    // The reload's pagehide may send `second` by keepalive and unload before it sees the reply:
    // the new page then sends it again (at-least-once; the endpoint's dedupe on id absorbs it).
    expect(endpoint.raw.get(second!)).toBeGreaterThanOrEqual(1);
    expect(endpoint.raw.get(second!)).toBeLessThanOrEqual(2);
  });
});
