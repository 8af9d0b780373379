// SPDX-License-Identifier: MIT
// The script-tag build in real Chromium, on pages served with a strict CSP: the stub queue,
// data-config as a selector and as a URL, a nested path, bad configs, a double load.
import { fileURLToPath } from 'node:url';
import type { Browser, ConsoleMessage, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemoServer } from '../../demo/server.mjs';
import { launchChromium, watchPageErrors } from './chromium.js';

const fixtures = fileURLToPath(new URL('./fixtures', import.meta.url));
const embedDist = fileURLToPath(new URL('../../packages/embed/dist', import.meta.url));

let browser: Browser;
let site: Awaited<ReturnType<typeof startDemoServer>>;

beforeAll(async () => {
  browser = await launchChromium();
  site = await startDemoServer({ dirs: { '/fixtures/': fixtures, '/cdn/v1/': embedDist } });
});

afterAll(async () => {
  await browser?.close();
  await site?.close();
});

async function open(path: string) {
  const page = await browser.newPage();
  const errors = watchPageErrors(page);
  const warnings: string[] = [];
  page.on('console', (message: ConsoleMessage) => void (message.type() === 'warning' && warnings.push(message.text())));
  await page.goto(site.url + path);
  return { page, errors, warnings };
}

const answersFor = async (surveyId: string) => (await site.collector.answers()).filter((a) => a.surveyId === surveyId);

async function answer(page: Page, score: string): Promise<void> {
  await page.locator('moment-survey').getByRole('radio', { name: score }).click();
  await expect.poll(() => page.locator('moment-survey').getByRole('status').count()).toBe(1);
}

describe('moments.js', () => {
  it('replays calls queued on the stub before it loaded, in order, and reports a bad one', async () => {
    const { page, errors, warnings } = await open('/fixtures/embed-stub.html');
    await answer(page, '7');
    await expect.poll(async () => (await answersFor('stub-nps')).length).toBe(1);
    expect((await answersFor('stub-nps'))[0]).toMatchObject({ moment: 'purchase', value: 7, context: { orderId: 'S-1' } });
    expect(warnings.some((w) => w.startsWith('[moments] invalid-call') && w.includes('bogus-method'))).toBe(true);
    expect(await page.evaluate(() => typeof (window.moments as { trigger?: unknown }).trigger)).toBe('function');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('reads data-config from a URL, runs from a nested path with its chunk beside it, and fires on submit', async () => {
    const { page, errors } = await open('/fixtures/embed-url-config.html');
    const chunk = page.waitForRequest((request) => request.url().endsWith('/cdn/v1/moments-ui.js'));
    await page.waitForFunction(() => window.moments !== undefined && !Array.isArray(window.moments));
    await page.evaluate(() => document.querySelector('form')!.addEventListener('submit', (event) => event.preventDefault()));
    await page.getByRole('button', { name: 'Close ticket' }).click();
    await chunk;
    await answer(page, '2');
    await expect.poll(async () => (await answersFor('url-config')).length).toBe(1);
    expect((await answersFor('url-config'))[0]).toMatchObject({ moment: 'support-close', value: 2, context: { ticketId: 'T-9' } });
    expect(errors).toEqual([]);
    await page.close();
  });

  it('fires a data-moment element inserted after load', async () => {
    const { page } = await open('/fixtures/embed-stub.html');
    await answer(page, '5');
    // One card at a time: close the thanks card before the next moment.
    await page.locator('moment-survey').getByRole('button', { name: 'Close' }).click();
    await expect.poll(() => page.locator('moment-survey').count()).toBe(0);
    await page.evaluate(() => {
      const late = document.createElement('div');
      late.dataset['moment'] = 'purchase';
      late.dataset['momentContextOrderId'] = 'LATE-1';
      document.body.append(late);
    });
    await expect
      .poll(() => page.evaluate(() => document.querySelector('moment-survey')?.getAttribute('phase')), { timeout: 10_000 })
      .toBe('question');
    await answer(page, '6');
    await expect.poll(async () => (await answersFor('stub-nps')).some((a) => a.context['orderId'] === 'LATE-1')).toBe(true);
    await page.close();
  });

  it('skips an invalid survey with a clear console message, keeps the valid one, and throws nothing', async () => {
    const { page, errors, warnings } = await open('/fixtures/embed-broken.html');
    await expect.poll(() => page.locator('moment-survey').getByRole('dialog', { name: 'Still asked?' }).count()).toBe(1);
    expect(warnings).toContainEqual(
      expect.stringMatching(/^\[moments\] invalid-config: surveys\[0\]\.question\.type: expected one of nps, .*; got "bogus"$/),
    );
    expect(errors).toEqual([]);
    await page.close();
  });

  it('reports malformed JSON in the console without a page error', async () => {
    const { page, errors, warnings } = await open('/fixtures/embed-malformed.html');
    await expect
      .poll(() => warnings.find((w) => w.startsWith('[moments] invalid-config')))
      .toMatch(/the JSON in #config is not valid JSON/);
    expect(await page.locator('moment-survey').count()).toBe(0);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('starts one client when the script is loaded twice', async () => {
    const { page, errors, warnings } = await open('/fixtures/embed-twice.html');
    await expect.poll(() => page.locator('moment-survey').count()).toBe(1);
    await expect.poll(() => warnings.filter((w) => w.includes('double-load')).length).toBe(1);
    await page.waitForTimeout(300);
    expect(await page.locator('moment-survey').count()).toBe(1);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('prefetches the UI chunk at idle when the page declares a moment, before it fires', async () => {
    const { page } = await open('/fixtures/embed-url-config.html');
    await expect
      .poll(() => page.evaluate(() => document.querySelector('link[rel="modulepreload"]')?.getAttribute('href')))
      .toMatch(/\/cdn\/v1\/moments-ui\.js$/);
    expect(await page.locator('moment-survey').count()).toBe(0);
    await page.close();
  });

  it('sets no cookie', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${site.url}/fixtures/embed-stub.html`);
    await answer(page, '8');
    expect(await context.cookies()).toEqual([]);
    await context.close();
  });
});
