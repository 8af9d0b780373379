// SPDX-License-Identifier: MIT
// A deferred moment (`after: {days: 3}`) stays stored until it is shown: a due visit to a page
// its URL rule excludes does not consume it, and the next eligible visit asks it.
import type { Browser, BrowserContext } from 'playwright-core';
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

describe('deferred moments', () => {
  it('survives a due visit to a page its URL rule excludes and shows on the next eligible visit', async () => {
    const context = await browser.newContext();
    const start = Date.now();
    const first = await visitAt(context, '/fixtures/seam/deferred-shop.html', start);
    await first.page.waitForFunction(() => window.moments !== undefined && !Array.isArray(window.moments));
    await first.page.evaluate(() => (window.moments as import('@moments/core').MomentsClient).trigger('purchase', { orderId: 'D-4' }));
    await first.page.waitForFunction(() => window.seamEvents.some((e) => e.name === 'skipped'), undefined, { timeout: 10_000 });
    const decided = (await seamEvents(first.page)).filter((e) => e.name === 'skipped' || e.name === 'shown');
    expect(decided.map((e) => [e.name, e.payload.reason])).toEqual([['skipped', 'deferred']]);
    await first.page.close();

    // Due, but on the blog: the URL rule says no. The lazy half loads at idle to look.
    const due = await visitAt(context, '/fixtures/seam/deferred-blog.html', start + 3 * DAY_MS + 60_000);
    await due.page.waitForResponse((r) => r.url().includes('/moments/moments-ui'), { timeout: 5_000 }).catch(() => undefined);
    await sleep(1_000);
    expect(await due.page.locator('moment-survey').count()).toBe(0);
    await due.page.close();

    const eligible = await visitAt(context, '/fixtures/seam/deferred-shop.html', start + 3 * DAY_MS + 120_000);
    await cardShown(eligible.page);
    expect(await eligible.page.evaluate(() => document.querySelector('moment-survey')?.survey?.id)).toBe('after-delivery');
    expect([...first.errors, ...due.errors, ...eligible.errors]).toEqual([]);
    await context.close();
  });
});
