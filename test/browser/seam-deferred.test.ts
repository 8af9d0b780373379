// SPDX-License-Identifier: MIT
// A deferred moment (`after: {days: 3}`) stays stored until it is shown: a due visit to a page
// its URL rule excludes does not consume it, and the next eligible visit asks it.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from './chromium.js';
import { startEndpoint, type Endpoint } from './endpoint.mjs';
import { cardShown, openPage, seamEvents, sleep, startSeamSite, type Site } from './seam-site.js';

const DAY_MS = 86_400_000;

let browser: Browser;
let site: Site;
let endpoint: Endpoint;

beforeAll(async () => {
  endpoint = await startEndpoint();
  [browser, site] = await Promise.all([launchChromium(), startSeamSite(endpoint)]);
});
afterAll(async () => {
  await browser?.close();
  await site?.close();
  await endpoint?.stop();
});

/** A visit to `path` with the page's clock fixed at `at` (timers keep running). */
const visitAt = (context: BrowserContext, path: string, at: number) => openPage(context, site, path, (page) => page.clock.setFixedTime(at));

/** Fires the purchase on `path` at `at`; resolves once the moment was deferred (announced once stored). */
async function deferPurchase(context: BrowserContext, path: string, at: number, orderId: string): Promise<string[]> {
  const { page, errors } = await visitAt(context, path, at);
  await page.waitForFunction(() => window.moments !== undefined && !Array.isArray(window.moments));
  await page.evaluate((id) => (window.moments as import('@moments/core').MomentsClient).trigger('purchase', { orderId: id }), orderId);
  await page.waitForFunction(() => window.seamEvents.some((e) => e.name === 'skipped'), undefined, { timeout: 10_000 });
  const decided = (await seamEvents(page)).filter((e) => e.name === 'skipped' || e.name === 'shown');
  expect(decided.map((e) => [e.name, e.payload.reason])).toEqual([['skipped', 'deferred']]);
  await page.close();
  return errors;
}

/** Waits until the page had its chance to ask (the lazy half loads at idle), then expects no card. */
async function notAsked(page: Page): Promise<void> {
  await page.waitForResponse((r) => r.url().includes('/moments/moments-ui'), { timeout: 5_000 }).catch(() => undefined);
  await sleep(1_000);
  expect(await page.locator('moment-survey').count()).toBe(0);
}

describe('deferred moments', () => {
  it('survives a due visit to a page its URL rule excludes and shows on the next eligible visit', async () => {
    const context = await browser.newContext();
    const start = Date.now();
    const errors = await deferPurchase(context, '/fixtures/seam/deferred-shop.html', start, 'D-4');

    // Due, but on the blog: the URL rule says no.
    const due = await visitAt(context, '/fixtures/seam/deferred-blog.html', start + 3 * DAY_MS + 60_000);
    await notAsked(due.page);
    await due.page.close();

    const eligible = await visitAt(context, '/fixtures/seam/deferred-shop.html', start + 3 * DAY_MS + 120_000);
    await cardShown(eligible.page);
    expect(await eligible.page.evaluate(() => document.querySelector('moment-survey')?.survey?.id)).toBe('after-delivery');
    expect([...errors, ...due.errors, ...eligible.errors]).toEqual([]);
    await context.close();
  });

  it('survives a due visit where fatigue forbids a second survey in the session, and shows in the next session', async () => {
    const context = await browser.newContext();
    const start = Date.now();
    const errors = await deferPurchase(context, '/fixtures/seam/deferred-shop-fatigue.html', start, 'D-5');

    // Three days later the shopper reads a help article, whose own survey is shown: the one
    // survey this session allows (`fatigue.maxPerSession: 1`). Then, same tab, the shop.
    const due = await visitAt(context, '/fixtures/seam/deferred-help.html', start + 3 * DAY_MS + 60_000);
    await cardShown(due.page);
    expect(await due.page.evaluate(() => document.querySelector('moment-survey')?.survey?.id)).toBe('help-nps');
    await due.page.goto(`${site.url}/fixtures/seam/deferred-shop-fatigue.html`);
    await notAsked(due.page);
    await due.page.close();

    // A new tab is a new session: the deferred moment is asked now.
    const next = await visitAt(context, '/fixtures/seam/deferred-shop-fatigue.html', start + 3 * DAY_MS + 120_000);
    await cardShown(next.page);
    expect(await next.page.evaluate(() => document.querySelector('moment-survey')?.survey?.id)).toBe('after-delivery');
    expect([...errors, ...due.errors, ...next.errors]).toEqual([]);
    await context.close();
  });
});
