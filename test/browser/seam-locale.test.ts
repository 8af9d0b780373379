// SPDX-License-Identifier: MIT
// One locale per page: a German page (`<html lang="de">`) in an English browser shows the
// German card, records `de` in the answer and is what a survey's `locales` matches.
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { launchChromium } from './chromium.js';
import { startEndpoint, type Endpoint } from './endpoint.mjs';
import {
  answerCard,
  cardShown,
  openPage,
  resetEndpoint,
  seamEvents,
  startSeamSite,
  storedAnswers,
  storedCount,
  type Site,
} from './seam-site.js';

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
  context = await browser.newContext({ locale: 'en-US' });
});
afterEach(async () => {
  await context?.close();
});

describe('a German page in an English browser', () => {
  it('shows the card in German and records a German locale in the answer', async () => {
    const { page, errors } = await openPage(context, site, '/fixtures/seam/de.html');
    // The browser really is English; only the page is German.
    expect(await page.evaluate(() => [navigator.language, document.documentElement.lang])).toEqual(['en-US', 'de']);
    await cardShown(page);
    const card = page.locator('moment-survey');
    await expect.poll(() => card.getByRole('button', { name: 'Schließen' }).count()).toBe(1);
    expect(await card.getByText('Sehr wahrscheinlich').isVisible()).toBe(true);
    expect(await card.getByRole('button', { name: 'Close' }).count()).toBe(0);

    await answerCard(page, 9);
    await storedCount(endpoint, 1);
    const [answer] = storedAnswers(endpoint);
    expect(answer).toMatchObject({ surveyId: 'order-nps', value: 9 });
    expect(String(answer!['locale'])).toMatch(/^de\b/);
    expect(errors).toEqual([]);
  });

  it('shows a survey meant for German pages (`locales: ["de"]`)', async () => {
    const { page, errors } = await openPage(context, site, '/fixtures/seam/de-only.html');
    await page.waitForFunction(() => window.seamEvents.some((e) => e.name === 'shown' || e.name === 'skipped'), undefined, {
      timeout: 10_000,
    });
    const decided = (await seamEvents(page)).filter((e) => e.name === 'shown' || e.name === 'skipped');
    expect(decided.map((e) => [e.name, e.payload.surveyId, e.payload.reason])).toEqual([['shown', 'german-pages', undefined]]);
    await cardShown(page);
    await answerCard(page, 10);
    await storedCount(endpoint, 1);
    expect([...endpoint.stored.values()][0]!.answer).toMatchObject({ surveyId: 'german-pages', value: 10 });
    expect(errors).toEqual([]);
  });
});
