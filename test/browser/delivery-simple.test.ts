// SPDX-License-Identifier: MIT
// Endpoints that cannot take an ordinary CORS request, in real Chromium: one that refuses
// preflights (delivery.simple), the Apps Script example behind a stand-in of script.google.com,
// and endpoints that redirect.
import { rmSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startAppsScriptStandIn } from '../../examples/endpoints/apps-script/standIn.js';
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

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Waits until the page has logged a delivery event of this name. */
function waitForEvent(page: Page, name: string) {
  return page.waitForFunction((n) => window.harness.events.some((e) => e.name === n), name, { timeout: 15_000 });
}

describe('delivery.simple', () => {
  it('delivers to an endpoint that refuses preflights, with no OPTIONS request and no Referer', async () => {
    endpoint.set({ preflight: false });
    // The page's query string holds personal data that must not leave in a Referer.
    const page = await openHarness(context, site.url, { endpoint: endpoint.url, simple: '1', email: 'ann@shop.test' });
    const [id] = await answer(page);
    await eventually(() => expect(endpoint.stored.has(id!)).toBe(true));
    expect(endpoint.requests.map((r) => r.method)).toEqual(['POST']);
    const [post] = endpoint.requests;
    expect(post!.headers['content-type']).toBe('text/plain;charset=UTF-8');
    expect(post!.headers['idempotency-key']).toBeUndefined();
    expect(post!.headers.referer).toBeUndefined();
    const body = JSON.parse(post!.body) as { answers: Array<{ id: string }>; key: string };
    expect(body.key).toMatch(new RegExp(`^${id}\\.1\\.`));
    await waitForEvent(page, 'delivered');
    const delivered = (await events(page)).filter((e) => e.name === 'delivered');
    expect(delivered.map((e) => e.payload)).toMatchObject([{ ids: [id], status: 200 }]);
  });

  it('cannot deliver there without it: the preflight fails and the answer stays queued', async () => {
    endpoint.set({ preflight: false });
    const page = await openHarness(context, site.url, { endpoint: endpoint.url, email: 'ann@shop.test' });
    await answer(page);
    await eventually(() => expect(endpoint.requests.some((r) => r.method === 'OPTIONS')).toBe(true));
    await sleep(500);
    expect(endpoint.requests.every((r) => r.method === 'OPTIONS')).toBe(true);
    expect(endpoint.stored.size).toBe(0);
  });
});

describe('the Apps Script example', () => {
  it('stores answers in the sheet through a stand-in of script.google.com that refuses preflights', async () => {
    const appsScript = await startAppsScriptStandIn();
    try {
      const page = await openHarness(context, site.url, { endpoint: appsScript.execUrl, simple: '1' });
      const ids = await answer(page, 3);
      await eventually(() =>
        expect(
          appsScript.sheets
            .get('Answers')
            ?.rows.slice(1)
            .map((row) => row[0]),
        ).toEqual(ids),
      );
      expect(appsScript.requests.map((r) => r.method)).not.toContain('OPTIONS');
      // doPost ran once per batch: the redirect to its output is not a reason to post again.
      expect(appsScript.requests.filter((r) => r.method === 'POST').length).toBeLessThanOrEqual(3);
      await waitForEvent(page, 'delivered');
      const names = (await events(page)).map((e) => e.name);
      expect(names).not.toContain('error');
      expect(names).not.toContain('dropped');
      expect(names).toContain('delivered');
    } finally {
      await appsScript.close();
    }
  });
});

describe('redirects', () => {
  it.each([301, 302, 303])('re-posts to the final URL when a %i turned the POST into a GET, and says so', async (status) => {
    endpoint.set({ redirect: status });
    const page = await openHarness(context, site.url, { endpoint: endpoint.url });
    const [id] = await answer(page);
    await eventually(() => expect(endpoint.stored.has(id!)).toBe(true));
    await waitForEvent(page, 'delivered');
    // The browser's GET reached /moved with no body; the SDK's own POST there stored the answer.
    const seen = () => endpoint.requests.filter((r) => r.method !== 'OPTIONS').map((r) => `${r.method} ${r.url}`);
    expect(seen()).toEqual(['POST /collect', 'GET /moved', 'POST /moved']);
    const log = await events(page);
    expect(log.find((e) => e.name === 'error')?.payload).toMatchObject({ code: 'endpoint-redirected' });
    expect(log.filter((e) => e.name === 'delivered')).toHaveLength(1);
    // Later batches go straight to the final URL.
    const [next] = await answer(page);
    await eventually(() => expect(endpoint.stored.has(next!)).toBe(true));
    expect(seen().slice(3)).toEqual(['POST /moved']);
  });

  it('follows a 307 with the body; the answer is stored once', async () => {
    endpoint.set({ redirect: 307 });
    const page = await openHarness(context, site.url, { endpoint: endpoint.url });
    const [id] = await answer(page);
    await waitForEvent(page, 'delivered');
    expect(endpoint.stored.has(id!)).toBe(true);
    const posts = endpoint.requests.filter((r) => r.method === 'POST');
    expect(posts[1]).toMatchObject({ url: '/moved' });
    expect(posts[1]!.body).toContain(id);
  });
});

describe('request timeout', () => {
  it('frees the cross-tab lock when the endpoint never answers, so the answers of both tabs go out', async () => {
    endpoint.set({ hang: true });
    const query = { endpoint: endpoint.url, timeoutMs: '2000' };
    const a = await openHarness(context, site.url, { ...query, tab: 'a' });
    const [first] = await answer(a);
    await eventually(() => expect(endpoint.requests.filter((r) => r.method === 'POST')).toHaveLength(1));
    endpoint.set({ hang: false });
    const b = await openHarness(context, site.url, { ...query, tab: 'b' });
    const [second] = await answer(b);
    await eventually(() => expect([...endpoint.stored.keys()].sort()).toEqual([first, second].sort())).catch((e) => {
      console.log(endpoint.requests.map((r) => [r.method, r.at, r.status, r.body.slice(0, 80)]));
      throw e;
    });
    await waitForEvent(a, 'error');
    expect((await events(a)).find((e) => e.name === 'error')?.payload).toMatchObject({ code: 'endpoint-timeout' });
  });
});
