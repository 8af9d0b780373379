// SPDX-License-Identifier: MIT
// The walking skeleton in real Chromium: script tag → data-moment → <moment-survey> → a click
// → an answer at the endpoint, on the demo page under a strict CSP.
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemoServer } from '../../demo/server.mjs';
import { launchChromium, watchPageErrors } from './chromium.js';

type Server = Awaited<ReturnType<typeof startDemoServer>>;
const fixtures = fileURLToPath(new URL('./fixtures', import.meta.url));

let browser: Browser;
let site: Server;
let collector: Server;

beforeAll(async () => {
  browser = await launchChromium();
  collector = await startDemoServer();
  site = await startDemoServer({
    dirs: { '/fixtures/': fixtures },
    vars: { COLLECTOR: collector.url },
    csp: `default-src 'self'; connect-src 'self' ${collector.url}`,
  });
});

afterAll(async () => {
  await browser?.close();
  await site?.close();
  await collector?.close();
});

async function openPage(path: string): Promise<{ page: Page; errors: string[] }> {
  const page = await browser.newPage();
  const errors = watchPageErrors(page);
  await page.goto(site.url + path);
  return { page, errors };
}

async function waitForAnswers(server: Server, count: number) {
  await expect.poll(async () => (await server.collector.answers()).length, { timeout: 10_000 }).toBe(count);
  return server.collector.answers();
}

describe('walking skeleton', () => {
  it('shows the survey from a data-moment element and delivers a clicked score', async () => {
    const before = (await site.collector.answers()).length;
    const { page, errors } = await openPage('/');
    const card = page.locator('moment-survey');
    const dialog = card.getByRole('dialog', { name: /recommend Tidewater Coffee/ });
    await expect.poll(() => dialog.isVisible()).toBe(true);
    await card.getByRole('radio', { name: '9' }).click();
    await expect.poll(() => card.getByRole('status').textContent()).toContain('Thank you');

    const answer = (await waitForAnswers(site, before + 1))[before]!;
    expect(answer).toMatchObject({
      surveyId: 'post-purchase-nps',
      moment: 'purchase',
      value: 9,
      context: { orderId: 'A-1001' },
      question: { type: 'nps' },
      url: `${site.url}/`,
      sdk: { name: 'moments' },
    });
    expect(answer.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(new Date(answer.answeredAt).toISOString()).toBe(answer.answeredAt);
    expect(typeof answer.visitorId).toBe('string');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('delivers to a cross-origin endpoint given by data-endpoint, after a click moment', async () => {
    const { page, errors } = await openPage('/fixtures/cross-origin.html');
    await page.waitForFunction(() => !Array.isArray(window.moments));
    expect(await page.locator('moment-survey').count()).toBe(0);
    await page.getByRole('button', { name: 'Close ticket' }).click();
    await page.locator('moment-survey').getByRole('radio', { name: '3' }).click();
    const [answer] = await waitForAnswers(collector, 1);
    expect(answer).toMatchObject({ surveyId: 'ticket-nps', moment: 'support-close', value: 3, context: { ticketId: 'T-77' } });
    expect(errors).toEqual([]);
    await page.close();
  });

  it('adds no global but window.moments and loads the UI chunk only when a moment fires', async () => {
    const page = await browser.newPage();
    const scripts: string[] = [];
    page.on('request', (request) => void (request.resourceType() === 'script' && scripts.push(new URL(request.url()).pathname)));
    await page.goto(`${site.url}/fixtures/blank.html`);
    const baseline = await page.evaluate(() => Object.keys(window));
    await page.addScriptTag({ url: '/moments/moments.js' });
    await page.waitForFunction(() => window.moments !== undefined && !Array.isArray(window.moments));
    const added = (await page.evaluate(() => Object.keys(window))).filter((key) => !baseline.includes(key));
    expect(added).toEqual(['moments']);
    expect(scripts).toEqual(['/moments/moments.js']);
    await page.close();
  });
});
