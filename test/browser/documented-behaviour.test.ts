// SPDX-License-Identifier: MIT
// Behaviour docs/config.md promises, where only a real browser decides it: sticky `sample`
// across reloads (the visitor id lives in IndexedDB), `fatigue.maxPerSession` counted in
// sessionStorage across the pages of one tab, `Answer.locale` from `<html lang>`, and
// `on.scrollDepth` on a page too short to scroll.
import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemoServer } from '../../demo/server.mjs';
import { launchChromium, watchPageErrors } from './chromium.js';

const fixtures = fileURLToPath(new URL('./fixtures', import.meta.url));

let browser: Browser;
let site: Awaited<ReturnType<typeof startDemoServer>>;

beforeAll(async () => {
  browser = await launchChromium();
  site = await startDemoServer({ dirs: { '/fixtures/': fixtures } });
});

afterAll(async () => {
  await browser?.close();
  await site?.close();
});

type Decision = { kind: 'shown' | 'skipped'; reason?: string };

/** Loads `path` in `page`, fires `purchase` through the API and resolves with what was decided. */
async function decide(page: Page, path: string): Promise<Decision> {
  await page.goto(site.url + path);
  await page.waitForFunction(() => window.moments !== undefined && !Array.isArray(window.moments));
  return page.evaluate(
    () =>
      new Promise<Decision>((resolve) => {
        const api = window.moments as import('@moments/core').MomentsClient;
        api.on('skipped', (e) => resolve({ kind: 'skipped', reason: e.reason }));
        api.on('shown', () => resolve({ kind: 'shown' }));
        api.trigger('purchase', {});
      }),
  );
}

/** Waits until this page's eligibility state (visitor id, history) is committed to IndexedDB. */
const stateStored = (page: Page) =>
  expect
    .poll(
      () =>
        page.evaluate(
          () =>
            new Promise<boolean>((resolve) => {
              const open = indexedDB.open('moments-state');
              open.onerror = () => resolve(false);
              open.onsuccess = () => {
                const db = open.result;
                if (!db.objectStoreNames.contains('state')) return (resolve(false), db.close());
                const read = db.transaction('state', 'readonly').objectStore('state').get('moments-state');
                read.onsuccess = () => (db.close(), resolve(typeof read.result?.visitorId === 'string'));
                read.onerror = () => (db.close(), resolve(false));
              };
            }),
        ),
      { timeout: 10_000 },
    )
    .toBe(true);

describe('documented behaviour in Chromium', () => {
  it('gives a visitor the same sample: 0.5 decision on every reload', async () => {
    const contexts: BrowserContext[] = [];
    // Three visitors (one browser profile each), four visits each: a coin flip per visit would
    // pass this by chance about once in 500 runs.
    for (let visitor = 0; visitor < 3; visitor++) {
      const context = await browser.newContext();
      contexts.push(context);
      const page = await context.newPage();
      const errors = watchPageErrors(page);
      const decisions: string[] = [];
      for (let visit = 0; visit < 4; visit++) {
        const decision = await decide(page, '/fixtures/docs-sample.html');
        decisions.push(decision.kind === 'shown' ? 'shown' : `skipped (${decision.reason})`);
        await stateStored(page);
      }
      expect(new Set(decisions).size, `visitor ${visitor}: ${decisions.join(', ')}`).toBe(1);
      expect(['shown', 'skipped (sampled-out)']).toContain(decisions[0]);
      expect(errors).toEqual([]);
    }
    await Promise.all(contexts.map((c) => c.close()));
  });

  it('counts surveys per session across the pages of one tab, and starts again in a new tab', async () => {
    const context = await browser.newContext();
    const tab = await context.newPage();
    const errors = watchPageErrors(tab);
    expect(await decide(tab, '/fixtures/docs-session.html')).toEqual({ kind: 'shown' });
    expect(await tab.evaluate(() => sessionStorage.getItem('moments-session-shown'))).toBe('1');
    await stateStored(tab);
    // The next page of the same visit: maxPerSession 1 is reached.
    expect(await decide(tab, '/fixtures/docs-session.html?page=2')).toEqual({ kind: 'skipped', reason: 'fatigue' });
    // A new tab is a new session (sessionStorage is per tab): asked again.
    const other = await context.newPage();
    expect(await decide(other, '/fixtures/docs-session.html')).toEqual({ kind: 'shown' });
    expect(errors).toEqual([]);
    await context.close();
  });

  it("records the page's <html lang> as Answer.locale when the config sets none, not the browser's language", async () => {
    const context = await browser.newContext({ locale: 'en-US' });
    const page = await context.newPage();
    const errors = watchPageErrors(page);
    expect(await decide(page, '/fixtures/docs-locale.html')).toEqual({ kind: 'shown' });
    expect(await page.evaluate(() => navigator.language)).toBe('en-US');
    await page.locator('moment-survey').getByRole('radio').first().click();
    await expect
      .poll(async () => (await site.collector.answers()).filter((a) => a.surveyId === 'once-a-session').map((a) => a.locale), {
        timeout: 10_000,
      })
      .toEqual(['de-CH']);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('asks a scrollDepth survey on a page too short to scroll, without any scrolling', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const errors = watchPageErrors(page);
    await page.goto(`${site.url}/fixtures/docs-short.html`);
    expect(await page.evaluate(() => document.documentElement.scrollHeight <= innerHeight)).toBe(true);
    await expect.poll(() => page.locator('moment-survey').count(), { timeout: 10_000 }).toBe(1);
    expect(await page.evaluate(() => scrollY)).toBe(0);
    expect(errors).toEqual([]);
    await context.close();
  });
});
