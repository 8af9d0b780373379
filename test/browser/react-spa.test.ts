// SPDX-License-Identifier: MIT
// The React SPA demo (demo/react-spa: React 19 + @moments/react) in real Chromium under the demo's
// strict CSP: moments fired by hooks on client-side routes, answers delivered to the collector.
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

describe('React SPA demo (@moments/react)', () => {
  it('fires the purchase moment on the confirmation route and delivers the answer', async () => {
    const page = await browser.newPage();
    const errors = watchPageErrors(page);
    await page.goto(`${site.url}/react-spa/`);
    await page.getByRole('button', { name: 'Place order' }).click();
    await expect.poll(() => page.evaluate(() => location.pathname)).toBe('/react-spa/confirmation');
    // React (not Preact) owns the page: react-dom marks its root container.
    expect(await page.evaluate(() => Object.keys(document.getElementById('app')!).some((key) => key.startsWith('__reactContainer')))).toBe(
      true,
    );
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

  it('cancels the delayed purchase survey when the route changes before it shows', async () => {
    const context = await browser.newContext(); // a new visitor: no survey history
    const page = await context.newPage();
    const errors = watchPageErrors(page);
    await page.goto(`${site.url}/react-spa/`);
    await page.getByRole('button', { name: 'Place order' }).click();
    // The purchase survey waits 800 ms (delayMs); leave the confirmation route before that.
    await page.getByRole('link', { name: 'Track your order' }).click();
    await expect.poll(() => page.evaluate(() => location.pathname)).toBe('/react-spa/tracking');
    // The tracking route's own moment (delivery, inline CSAT) still asks, in place.
    const inline = page.locator('main moment-survey');
    await expect
      .poll(() => inline.getByRole('dialog', { name: /satisfied are you with the delivery/ }).count(), { timeout: 10_000 })
      .toBe(1);
    await page.waitForTimeout(1_000); // past the purchase survey's delay
    expect(await page.getByRole('dialog', { name: /recommend Tidewater Coffee/ }).count()).toBe(0);
    await inline.getByRole('radio', { name: /^4/ }).click();
    await expect
      .poll(async () => (await site.collector.answers()).some((a) => a.surveyId === 'delivery-csat' && a.value === 4), { timeout: 10_000 })
      .toBe(true);
    expect(
      (await site.collector.answers()).some((a) => a.surveyId === 'purchase-nps' && a.context['orderId'] === 'A-2002' && a.value !== 10),
    ).toBe(false);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('serves deep links to client-side routes', async () => {
    const page = await browser.newPage();
    const response = await page.goto(`${site.url}/react-spa/tracking`);
    expect(response?.status()).toBe(200);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Order tracking');
    await page.close();
  });
});
