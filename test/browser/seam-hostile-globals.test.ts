// SPDX-License-Identifier: MIT
// Globals the eager code must not trust: each host-page oddity gets its own clear
// `[moments]` message and never reaches the page as an exception; where Moments can carry on,
// the answer is still delivered.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { launchChromium } from './chromium.js';
import { startEndpoint, type Endpoint } from './endpoint.mjs';
import { answerCard, cardShown, openPage, resetEndpoint, sleep, startSeamSite, storedCount, UUID_V4, type Site } from './seam-site.js';

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

/** Opens the hostile-host page (no helper scripts of ours) after `hostile` ran as an init script. */
function openHostile(hostile: () => void, path = '/fixtures/seam/hostile.html') {
  return openPage(context, site, path, (page: Page) => page.addInitScript(hostile));
}

/** The `[moments]` messages whose code is `code`; every other `[moments]` line, to show what else was said. */
function said(messages: string[], code: string): { mine: string[]; others: string[] } {
  const mine = messages.filter((m) => m.startsWith(`[moments] ${code}`));
  return { mine, others: messages.filter((m) => !mine.includes(m)) };
}

/** Waits until a `[moments] code` line was logged (bounded). */
async function waitForMessage(messages: string[], code: string): Promise<void> {
  await expect.poll(() => said(messages, code).mine.length, { timeout: 10_000 }).toBeGreaterThan(0);
}

describe('hostile globals on the host page', () => {
  it('an indexedDB getter that throws: falls back to localStorage, says storage-fallback, delivers', async () => {
    const { page, errors, messages } = await openHostile(() => {
      Object.defineProperty(window, 'indexedDB', {
        configurable: true,
        get() {
          throw new DOMException('IndexedDB is disabled on this page', 'SecurityError');
        },
      });
    });
    expect(
      await page.evaluate(() => {
        try {
          return typeof indexedDB;
        } catch (error) {
          return (error as DOMException).name;
        }
      }),
    ).toBe('SecurityError');
    await cardShown(page);
    await answerCard(page, 8);
    await storedCount(endpoint, 1);
    expect([...endpoint.stored.values()][0]!.answer).toMatchObject({ surveyId: 'order-nps', value: 8 });
    await waitForMessage(messages, 'storage-fallback');
    expect(said(messages, 'storage-fallback').others).toEqual([]);
    expect(errors).toEqual([]);
  });

  it('no crypto.getRandomValues: says weak-random, and the answer still has a v4 UUID and is delivered', async () => {
    const { page, errors, messages } = await openHostile(() => {
      // An old or stripped-down webview: no random source at all.
      const proto = Crypto.prototype as unknown as Record<string, unknown>;
      delete proto['getRandomValues'];
      delete proto['randomUUID'];
    });
    expect(await page.evaluate(() => typeof crypto.getRandomValues)).toBe('undefined');
    await cardShown(page);
    await answerCard(page, 5);
    await storedCount(endpoint, 1);
    const { answer } = [...endpoint.stored.values()][0]!;
    expect(answer.id).toMatch(UUID_V4);
    expect(answer['visitorId']).toMatch(UUID_V4);
    await waitForMessage(messages, 'weak-random');
    expect(said(messages, 'weak-random')).toEqual({ mine: [expect.any(String)], others: [] });
    expect(errors).toEqual([]);
  });

  it('a replaced window.Promise: says broken-promise and stands down, with no page error', async () => {
    const { page, errors, messages } = await openHostile(() => {
      (window as unknown as { Promise: unknown }).Promise = function BrokenPromise() {
        throw new TypeError('Promise is not available on this page');
      };
    });
    await waitForMessage(messages, 'broken-promise');
    await sleep(500);
    expect(said(messages, 'broken-promise')).toEqual({ mine: [expect.any(String)], others: [] });
    expect(await page.locator('moment-survey').count()).toBe(0);
    expect(errors).toEqual([]);
  });

  it('a foreign object at window.moments: says global-taken and leaves it untouched', async () => {
    const { page, errors, messages } = await openHostile(() => {
      (window as unknown as { moments: unknown }).moments = { foo: 1 };
    });
    await waitForMessage(messages, 'global-taken');
    await sleep(500);
    expect(said(messages, 'global-taken')).toEqual({ mine: [expect.any(String)], others: [] });
    expect(await page.evaluate(() => JSON.stringify(window.moments))).toBe('{"foo":1}');
    expect(errors).toEqual([]);
  });

  it('our own script loaded twice: still says double-load, and one card shows', async () => {
    const { page, errors, messages } = await openPage(context, site, '/fixtures/seam/twice.html');
    await waitForMessage(messages, 'double-load');
    await cardShown(page);
    await sleep(300);
    expect(said(messages, 'double-load')).toEqual({ mine: [expect.any(String)], others: [] });
    expect(await page.locator('moment-survey').count()).toBe(1);
    expect(errors).toEqual([]);
  });
});
