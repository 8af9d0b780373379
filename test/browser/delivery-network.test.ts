// SPDX-License-Identifier: MIT
// Delivery in real Chromium against local endpoints: tabs, offline, Retry-After, CORS.
import { rmSync } from 'node:fs';
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { launchChromium } from './chromium.js';
import { answer, buildHarness, eventually, events, openHarness, startSite } from './delivery-site.js';
import { startEndpoint, type Endpoint } from './endpoint.mjs';

let browser: Browser;
let harnessDir: string;
let site: Awaited<ReturnType<typeof startSite>>;
let endpoint: Endpoint;
let context: BrowserContext;

beforeAll(async () => {
  harnessDir = await buildHarness();
  [browser, site] = await Promise.all([launchChromium(), startSite(harnessDir)]);
});
afterAll(async () => {
  await browser?.close();
  await site?.close();
  rmSync(harnessDir, { recursive: true, force: true });
});
beforeEach(async () => {
  endpoint = await startEndpoint();
  context = await browser.newContext();
});
afterEach(async () => {
  await context?.close();
  await endpoint?.stop();
});

describe('delivery across tabs and networks', () => {
  it('delivers each answer once when two tabs answer offline, then go online', async () => {
    const [a, b] = await Promise.all([
      openHarness(context, site.url, { endpoint: endpoint.url, tab: 'a' }),
      openHarness(context, site.url, { endpoint: endpoint.url, tab: 'b' }),
    ]);
    await context.setOffline(true);
    const ids = [...(await answer(a, 3)), ...(await answer(b, 3))];
    await a.evaluate(() => window.harness.flush());
    expect(endpoint.stored.size).toBe(0);
    await context.setOffline(false);
    await eventually(() => expect([...endpoint.stored.keys()].sort()).toEqual([...ids].sort()));
    // Both tabs saw `online`; one flusher at a time means no answer was even sent twice.
    expect([...endpoint.raw.values()].every((n) => n === 1)).toBe(true);
    const delivered = [...(await events(a)), ...(await events(b))].filter((e) => e.name === 'delivered');
    expect(delivered.flatMap((e) => (e.payload as { ids: string[] }).ids).sort()).toEqual([...ids].sort());
  });

  it('honours Retry-After: 503 twice, then 200, delivers once with attempts ≥ 1 s apart', async () => {
    endpoint.set({
      script: [
        { status: 503, retryAfter: '1' },
        { status: 503, retryAfter: '1' },
      ],
    });
    const page = await openHarness(context, site.url, { endpoint: endpoint.url });
    const [id] = await answer(page);
    await eventually(() => expect(endpoint.stored.has(id!)).toBe(true));
    const posts = endpoint.requests.filter((r) => r.method === 'POST');
    expect(posts.map((r) => r.status)).toEqual([503, 503, 200]);
    expect(posts[1]!.at - posts[0]!.at).toBeGreaterThanOrEqual(1000);
    expect(posts[2]!.at - posts[1]!.at).toBeGreaterThanOrEqual(1000);
    expect(new Set(posts.map((r) => r.headers['idempotency-key'])).size).toBe(1);
    expect(endpoint.raw.get(id!)).toBe(1);
    // The endpoint stores before it answers: the page hears of it a moment later.
    await expect
      .poll(async () => (await events(page)).find((e) => e.name === 'delivered')?.payload, { timeout: 5_000 })
      .toMatchObject({ ids: [id], status: 200, attempts: 3 });
  });

  it('delivers to an endpoint on another origin that allows CORS, as CloudEvents too', async () => {
    const page = await openHarness(context, site.url, { endpoint: endpoint.url, format: 'cloudevents' });
    const [id] = await answer(page);
    await eventually(() => expect(endpoint.stored.has(id!)).toBe(true));
    const post = endpoint.requests.find((r) => r.method === 'POST')!;
    expect(post.headers['content-type']).toBe('application/cloudevents-batch+json');
    expect(post.headers.origin).toBe(site.url);
    expect(post.headers.cookie).toBeUndefined();
  });

  it('keeps retrying, and loses nothing, while the endpoint sends no CORS headers', async () => {
    endpoint.set({ cors: false });
    const page = await openHarness(context, site.url, { endpoint: endpoint.url });
    const [id] = await answer(page);
    // Each attempt is a preflight the browser refuses; the answer stays queued.
    await eventually(() => expect(endpoint.requests.length).toBeGreaterThanOrEqual(3));
    expect(endpoint.stored.size).toBe(0);
    expect((await events(page)).filter((e) => e.name === 'dropped')).toEqual([]);
    endpoint.set({ cors: true });
    await page.evaluate(() => window.harness.flush());
    await eventually(() => expect(endpoint.stored.has(id!)).toBe(true));
  });
});
