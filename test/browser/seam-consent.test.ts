// SPDX-License-Identifier: MIT
// Consent at the seam: a moment fired while consent is pending (a thank-you page whose consent
// banner loads late) is held in memory and asked once `consent(true)` arrives; `consent(false)`
// drops it with `skipped: consent`, and nothing was stored or sent at any point.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { launchChromium } from './chromium.js';
import { startEndpoint, type Endpoint } from './endpoint.mjs';
import { answerCard, cardShown, openPage, resetEndpoint, seamEvents, sleep, startSeamSite, storedCount, type Site } from './seam-site.js';

let browser: Browser;
let site: Site;
let endpoint: Endpoint;
let context: BrowserContext;

beforeAll(async () => {
  endpoint = await startEndpoint();
  [browser, site] = await Promise.all([launchChromium(), startSeamSite(endpoint)]);
});
afterAll(async () => {
  await browser?.close();
  await site?.close();
  await endpoint?.stop();
});
beforeEach(async () => {
  resetEndpoint(endpoint);
  context = await browser.newContext();
});
afterEach(async () => {
  await context?.close();
});

/** Opens the consent-pending thank-you page and waits until its purchase moment has fired. */
async function momentFiredBeforeConsent(): Promise<{ page: Page; errors: string[] }> {
  const { page, errors } = await openPage(context, site, '/fixtures/seam/consent.html');
  await page.waitForFunction(() => window.seamEvents.some((e) => e.name === 'triggered' && e.payload.moment === 'purchase'), undefined, {
    timeout: 10_000,
  });
  // The consent banner answers 1.5 s later.
  await sleep(1_500);
  expect(await page.locator('moment-survey').count()).toBe(0);
  return { page, errors };
}

/** What Moments left on the device: `moments-*` keys in both storages and databases. */
const storedByMoments = () =>
  (async () => {
    const named = (names: string[]) => names.filter((name) => name.startsWith('moments'));
    const databases = (await indexedDB.databases()).map((d) => d.name ?? '');
    return {
      localStorage: named(Object.keys(localStorage)),
      sessionStorage: named(Object.keys(sessionStorage)),
      indexedDB: named(databases),
    };
  })();

describe('consent given or refused after the moment fired', () => {
  it('asks the held moment when consent(true) arrives 1.5 s later, and delivers the answer', async () => {
    const { page, errors } = await momentFiredBeforeConsent();
    expect(await page.evaluate(storedByMoments)).toEqual({ localStorage: [], sessionStorage: [], indexedDB: [] });
    await page.evaluate(() => (window.moments as import('@moments/core').MomentsClient).consent(true));
    await cardShown(page);
    await answerCard(page, 7);
    await storedCount(endpoint, 1);
    expect([...endpoint.stored.values()][0]!.answer).toMatchObject({ surveyId: 'order-nps', value: 7, context: { orderId: 'C-1' } });
    expect(errors).toEqual([]);
  });

  it('drops the held moment with skipped: consent on consent(false), having stored and sent nothing', async () => {
    const { page, errors } = await momentFiredBeforeConsent();
    const refusedAt = await page.evaluate(() => {
      const at = performance.now();
      (window.moments as import('@moments/core').MomentsClient).consent(false);
      return at;
    });
    await page.waitForFunction(() => window.seamEvents.some((e) => e.name === 'skipped'), undefined, { timeout: 5_000 });
    await sleep(1_000);
    const skipped = (await seamEvents(page)).filter((e) => e.name === 'skipped');
    // Held until the answer, not skipped the moment it fired.
    expect(skipped.map((e) => ({ moment: e.payload.moment, reason: e.payload.reason, afterRefusal: e.at >= refusedAt }))).toEqual([
      { moment: 'purchase', reason: 'consent', afterRefusal: true },
    ]);
    expect(await page.locator('moment-survey').count()).toBe(0);
    expect(await page.evaluate(storedByMoments)).toEqual({ localStorage: [], sessionStorage: [], indexedDB: [] });
    expect(endpoint.requests).toEqual([]);
    expect(errors).toEqual([]);
  });
});
