// SPDX-License-Identifier: MIT
// The Preact SPA demo in real Chromium: moments fired by hooks on client-side routes, answers
// delivered to the collector.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemoServer } from '../../demo/server.mjs';
import { launchChromium, watchPageErrors } from './chromium.js';

let browser: Browser;
let site: Awaited<ReturnType<typeof startDemoServer>>;

beforeAll(async () => {
  browser = await launchChromium();
  site = await startDemoServer();
});

afterAll(async () => {
  await browser?.close();
  await site?.close();
});

describe('SPA demo (@moments/preact)', () => {
  it('fires the purchase moment on the confirmation route and delivers the answer', async () => {
    const page = await browser.newPage();
    const errors = watchPageErrors(page);
    await page.goto(`${site.url}/spa/`);
    await page.getByRole('button', { name: 'Place order' }).click();
    await expect.poll(() => page.evaluate(() => location.pathname)).toBe('/spa/confirmation');
    const card = page.locator('moment-survey');
    await card.getByRole('radio', { name: '10' }).click();
    await expect.poll(async () => (await site.collector.answers()).length, { timeout: 10_000 }).toBe(1);
    expect((await site.collector.answers())[0]).toMatchObject({
      surveyId: 'purchase-nps',
      moment: 'purchase',
      value: 10,
      context: { orderId: 'A-2002' },
    });
    await expect.poll(() => page.locator('.answer-log').textContent()).toBe('Last answer — purchase: 10');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('serves deep links to client-side routes', async () => {
    const page = await browser.newPage();
    const response = await page.goto(`${site.url}/spa/tracking`);
    expect(response?.status()).toBe(200);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Order tracking');
    await page.close();
  });
});
