// SPDX-License-Identifier: MIT
// @moments/core in real Chromium through the script tag: moment sources, deferred moments,
// once-per-order, and the third-party rules (no globals, no CSP violation).
import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemoServer } from '../../demo/server.mjs';
import { launchChromium, watchPageErrors } from './chromium.js';

type Server = Awaited<ReturnType<typeof startDemoServer>>;
const fixtures = fileURLToPath(new URL('./fixtures', import.meta.url));
const DAY_MS = 86_400_000;

let browser: Browser;
let site: Server;

beforeAll(async () => {
  browser = await launchChromium();
  site = await startDemoServer({ dirs: { '/fixtures/': fixtures } });
});

afterAll(async () => {
  await browser?.close();
  await site?.close();
});

async function open(context: BrowserContext, path: string): Promise<{ page: Page; errors: string[] }> {
  const page = await context.newPage();
  const errors = watchPageErrors(page);
  await page.goto(site.url + path);
  await page.waitForFunction(() => window.moments !== undefined && !Array.isArray(window.moments));
  return { page, errors };
}

const cards = (page: Page) => page.locator('moment-survey');

/** Resolves with the next `skipped`/`shown` event of the page's client (bounded by the test timeout). */
function nextDecision(page: Page): Promise<{ kind: string; reason?: string; surveyId?: string }> {
  return page.evaluate(
    () =>
      new Promise((resolve) => {
        const api = window.moments as import('@moments/core').MomentsClient;
        api.on('skipped', (e) => resolve({ kind: 'skipped', reason: e.reason, surveyId: e.surveyId }));
        api.on('shown', (e) => resolve({ kind: 'shown', surveyId: e.surveyId }));
      }),
  );
}

describe('moment sources in Chromium', () => {
  it('fires a visible element below the fold only after it is scrolled into view', async () => {
    const context = await browser.newContext();
    const { page, errors } = await open(context, '/fixtures/core-visible.html');
    const triggered = page.evaluate(
      () =>
        new Promise<string>((resolve) =>
          (window.moments as import('@moments/core').MomentsClient).on('triggered', (e) => resolve(e.moment)),
        ),
    );
    // Two frames and a task: IntersectionObserver has reported the element's first state by then.
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(r, 50)))));
    expect(await cards(page).count()).toBe(0);
    await page.locator('#below').scrollIntoViewIfNeeded();
    expect(await triggered).toBe('delivered');
    await expect.poll(() => cards(page).count(), { timeout: 10_000 }).toBe(1);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('fires a data-moment element inserted after load', async () => {
    const context = await browser.newContext();
    const { page, errors } = await open(context, '/fixtures/core-page.html');
    expect(await cards(page).count()).toBe(0);
    await page.evaluate(() => {
      const el = document.createElement('section');
      el.setAttribute('data-moment', 'delivered');
      document.getElementById('main')!.append(el);
    });
    await expect.poll(() => cards(page).count(), { timeout: 10_000 }).toBe(1);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('replays calls queued on the pre-load stub, in order (consent, then the moment)', async () => {
    const context = await browser.newContext();
    const { page, errors } = await open(context, '/fixtures/core-stub.html');
    await expect.poll(() => cards(page).count(), { timeout: 10_000 }).toBe(1);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('fires a dataLayer purchase pushed before Moments loaded', async () => {
    const context = await browser.newContext();
    const { page, errors } = await open(context, '/fixtures/core-page.html?purchase');
    await expect.poll(() => cards(page).count(), { timeout: 10_000 }).toBe(1);
    // GTM-style pushes after load still work and still reach the array.
    expect(await page.evaluate(() => (window as unknown as { dataLayer: unknown[] }).dataLayer.push({ event: 'other' }))).toBe(2);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('asks a survey on scroll depth, on the pages its URL rule allows, with no moment in the page', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const errors = watchPageErrors(page);
    // The config has `on` surveys: moments.js loads the lazy half at idle, which loads page sources.
    const sources = page.waitForResponse((r) => r.url().includes('/moments/moments-pageSources'), { timeout: 10_000 });
    await page.goto(`${site.url}/fixtures/core-behaviour.html`);
    await sources;
    expect(await cards(page).count()).toBe(0);
    await page.locator('#end').scrollIntoViewIfNeeded();
    await expect.poll(() => cards(page).count(), { timeout: 10_000 }).toBe(1);
    expect(await page.evaluate(() => document.querySelector('moment-survey')!.survey?.id)).toBe('help-page');
    expect(errors).toEqual([]);
    await context.close();
  });

  /** How many deferred moments the page's state database holds (runs in the page). */
  const storedDeferred = () =>
    new Promise<number>((resolve) => {
      const open = indexedDB.open('moments-state');
      open.onerror = () => resolve(0);
      open.onsuccess = () => {
        const db = open.result;
        if (!db.objectStoreNames.contains('state')) return (resolve(0), db.close());
        const read = db.transaction('state', 'readonly').objectStore('state').get('moments-state');
        read.onsuccess = () => {
          db.close();
          const deferred = (read.result as { deferred?: unknown[] } | undefined)?.deferred;
          resolve(Array.isArray(deferred) ? deferred.length : 0);
        };
        read.onerror = () => resolve(0);
      };
    });

  it('asks a deferred moment on a visit after the delay has passed, not before', async () => {
    const context = await browser.newContext();
    const start = Date.now();
    const first = await open(context, '/fixtures/core-deferred.html');
    const decision = nextDecision(first.page);
    await first.page.evaluate(() => (window.moments as import('@moments/core').MomentsClient).trigger('purchase', { orderId: 'A-7' }));
    expect(await decision).toEqual({ kind: 'skipped', reason: 'deferred', surveyId: 'after-delivery' });
    // The decision is announced before the state write commits: wait for the stored moment.
    await expect.poll(() => first.page.evaluate(storedDeferred), { timeout: 10_000 }).toBe(1);
    await first.page.close();

    const early = await context.newPage();
    await early.clock.setFixedTime(start + 2 * DAY_MS);
    // A survey with `after` makes moments.js load the lazy half at idle time on every page.
    const uiLoaded = early.waitForResponse((r) => r.url().includes('/moments/moments-ui'), { timeout: 10_000 });
    await early.goto(`${site.url}/fixtures/core-deferred.html`);
    await uiLoaded;
    await early.evaluate(() => new Promise((r) => setTimeout(r, 300)));
    expect(await cards(early).count()).toBe(0);
    await early.close();

    const later = await context.newPage();
    await later.clock.setFixedTime(start + 3 * DAY_MS + 60_000);
    await later.goto(`${site.url}/fixtures/core-deferred.html`);
    await expect.poll(() => cards(later).count(), { timeout: 10_000 }).toBe(1);
    await context.close();
  });

  it('shows one survey for two triggers about the same orderId, on this visit and the next', async () => {
    const context = await browser.newContext();
    const { page, errors } = await open(context, '/fixtures/core-page.html');
    await page.evaluate(() => {
      const api = window.moments as import('@moments/core').MomentsClient;
      api.trigger('purchase', { orderId: 'A-1' });
      api.trigger('purchase', { orderId: 'A-1' });
    });
    await expect.poll(() => cards(page).count(), { timeout: 10_000 }).toBe(1);
    await page.close();
    const next = await open(context, '/fixtures/core-page.html');
    const decision = nextDecision(next.page);
    await next.page.evaluate(() => (window.moments as import('@moments/core').MomentsClient).trigger('purchase', { orderId: 'A-1' }));
    expect(await decision).toEqual({ kind: 'skipped', reason: 'once-per', surveyId: 'order-nps' });
    expect(await cards(next.page).count()).toBe(0);
    expect([...errors, ...next.errors]).toEqual([]);
    await context.close();
  });
});

describe('third-party rules in Chromium', () => {
  it('adds only window.moments and fires no securitypolicyviolation while showing a survey under a strict CSP', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const reports: string[] = [];
    page.on('console', (m) => void (m.text().startsWith('moments-test:') && reports.push(m.text())));
    // Runs before any page script, through the DevTools protocol (not subject to the CSP), and
    // keeps its state in a closure: it adds no global of its own.
    await page.addInitScript(() => {
      const baseline = Object.keys(window);
      document.addEventListener('securitypolicyviolation', (e) =>
        console.log(`moments-test:violation ${e.violatedDirective} ${e.blockedURI}`),
      );
      document.addEventListener('moments-test:report', () => {
        const added = Object.keys(window).filter((k) => !baseline.includes(k));
        console.log(`moments-test:added ${JSON.stringify(added)}`);
      });
    });
    const errors = watchPageErrors(page);
    await page.goto(`${site.url}/fixtures/core-csp.html`);
    await expect.poll(() => cards(page).count(), { timeout: 10_000 }).toBe(1);
    await page.evaluate(() => document.dispatchEvent(new Event('moments-test:report')));
    await expect
      .poll(() => reports.find((r) => r.startsWith('moments-test:added')), { timeout: 5_000 })
      .toBe('moments-test:added ["moments"]');
    expect(reports.filter((r) => r.includes('violation'))).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });
});
