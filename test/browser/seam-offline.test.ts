// SPDX-License-Identifier: MIT
// The durability invariant with the browser's network switched off (not a blocked route): an
// answer given offline is stored before anything that needs the network, and reaches the
// endpoint once the network is back — on a later page of the site, or in the open tabs.
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { launchChromium } from './chromium.js';
import { startEndpoint, type Endpoint } from './endpoint.mjs';
import {
  answerCard,
  cardShown,
  openPage,
  postedIds,
  resetEndpoint,
  sleep,
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
  context = await browser.newContext();
});
afterEach(async () => {
  await context?.close();
});

/**
 * Switches the browser's network off (or on again) for a scenario where a tab closes offline.
 * The endpoint goes down with it: DevTools' offline emulation lives in the tab, so a keepalive
 * request the browser sends for a tab already closing escapes it (a CORS preflight reached the
 * endpoint here), which a phone without network could never do.
 */
async function offline(off: boolean): Promise<void> {
  if (off) {
    await context.setOffline(true);
    await endpoint.stop();
  } else {
    // Whatever the closed tab tried has failed by now.
    await sleep(300);
    await endpoint.start();
    await context.setOffline(false);
  }
}

/** Fills the page's localStorage up to its quota; resolves with the error a further write throws. */
const fillLocalStorage = (): string => {
  let chunk = 'x'.repeat(1 << 20);
  for (let i = 0; chunk.length > 0; i++) {
    try {
      localStorage.setItem(`host-data-${i}`, chunk);
    } catch {
      chunk = chunk.slice(0, chunk.length >> 1);
    }
  }
  try {
    localStorage.setItem('host-one-more', 'x');
    return 'not full';
  } catch (error) {
    return (error as DOMException).name;
  }
};

describe('answers given offline (context.setOffline)', () => {
  it('stores an answer given offline, tab closed, and delivers it exactly once from a later page of the site', async () => {
    const { page, errors } = await openPage(context, site, '/fixtures/seam/survey.html');
    await cardShown(page);
    await offline(true);
    await answerCard(page, 8);
    await page.close();
    await offline(false);
    const later = await openPage(context, site, '/fixtures/seam/plain.html');
    await storedCount(endpoint, 1);
    const [answer] = storedAnswers(endpoint);
    expect(answer).toMatchObject({ surveyId: 'order-nps', value: 8, context: { orderId: 'S-1' } });
    // Give a duplicate (a second flusher, a retry of a sent batch) the time to show up.
    await sleep(1_000);
    expect(postedIds(endpoint)).toEqual([answer!.id]);
    expect(endpoint.raw.get(answer!.id)).toBe(1);
    expect([...errors, ...later.errors].filter((e) => !e.includes('net::ERR_'))).toEqual([]);
  });

  it('delivers each answer of two tabs that answered offline once, when the network returns, without a reload', async () => {
    const [a, b] = await Promise.all([
      openPage(context, site, '/fixtures/seam/survey.html'),
      openPage(context, site, '/fixtures/seam/survey.html'),
    ]);
    await Promise.all([cardShown(a.page), cardShown(b.page)]);
    await context.setOffline(true);
    await answerCard(a.page, 3);
    await answerCard(b.page, 9);
    await sleep(300);
    expect(endpoint.stored.size).toBe(0);

    // A mark in each document: a reload or navigation would lose it.
    for (const tab of [a.page, b.page]) await tab.evaluate(() => document.documentElement.setAttribute('data-seam-tab', 'same'));
    await context.setOffline(false);
    await storedCount(endpoint, 2);
    await sleep(1_000);
    const answers = storedAnswers(endpoint);
    expect(answers.map((x) => x.value).sort()).toEqual([3, 9]);
    expect(postedIds(endpoint).sort()).toEqual(answers.map((x) => x.id).sort());
    // Delivered by the tabs as they were: neither reloaded nor navigated.
    for (const tab of [a.page, b.page]) expect(await tab.evaluate(() => document.documentElement.dataset['seamTab'])).toBe('same');
  });

  it('delivers on the next visit an answer queued during an outage while the page had filled localStorage to its quota', async () => {
    const { page } = await openPage(context, site, '/fixtures/seam/survey.html');
    await cardShown(page);
    expect(await page.evaluate(fillLocalStorage)).toBe('QuotaExceededError');
    await offline(true);
    await answerCard(page, 6);
    await page.close();
    await offline(false);
    const next = await openPage(context, site, '/fixtures/seam/plain.html');
    // The host's data is still there: start-up cannot rely on a hint it could not write.
    expect(await next.page.evaluate(() => localStorage.getItem('host-data-0')?.length)).toBe(1 << 20);
    await storedCount(endpoint, 1);
    const [answer] = storedAnswers(endpoint);
    expect(answer).toMatchObject({ surveyId: 'order-nps', value: 6 });
    expect(endpoint.raw.get(answer!.id)).toBe(1);
  });
});
