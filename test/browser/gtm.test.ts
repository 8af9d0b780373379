// SPDX-License-Identifier: MIT
// The GTM template's code (integrations/gtm/template.tpl) driving moments.js in real Chromium under
// the demo's strict CSP: the sandbox's APIs are bound to the real window (as GTM binds them; the
// permissions they check are covered by test/unit/gtm-template.test.ts), injectScript adds a real
// <script>, and moments.js reads its config from its URL's fragment.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemoServer } from '../../demo/server.mjs';
import { parseTemplate } from '../gtm/template.js';
import { launchChromium, watchPageErrors } from './chromium.js';

const template = parseTemplate(readFileSync(join(import.meta.dirname, '../../integrations/gtm/template.tpl'), 'utf8'));

/** A page script that runs the template's code like a GTM tag: `gtmTag(data)` resolves 'success' or 'failure'. */
const harness = `(function () {
  var apis = {
    callInWindow: function (key) {
      var parts = key.split('.');
      var owner = parts.length > 1 ? window[parts[0]] : window;
      return owner[parts[parts.length - 1]].apply(owner, Array.prototype.slice.call(arguments, 1));
    },
    copyFromWindow: function (key) { return window[key]; },
    setInWindow: function (key, value, override) {
      if (window[key] !== undefined && !override) return false;
      window[key] = value;
      return true;
    },
    injectScript: function (url, onSuccess, onFailure) {
      var script = document.createElement('script');
      script.src = url;
      script.async = true;
      script.onload = onSuccess;
      script.onerror = onFailure;
      document.head.appendChild(script);
    },
    encodeUriComponent: encodeURIComponent,
    makeTableMap: function (rows, key, value) {
      var map = {};
      rows.forEach(function (row) { map[row[key]] = row[value]; });
      return map;
    },
    queryPermission: function () { return true; },
    logToConsole: function () {}
  };
  window.gtmTag = function (data) {
    return new Promise(function (resolve) {
      data.gtmOnSuccess = function () { resolve('success'); };
      data.gtmOnFailure = function () { resolve('failure'); };
      (function (require, data) {
${template.code}
      })(function (name) { return apis[name]; }, data);
    });
  };
})();
`;

const config = {
  endpoint: '/collect',
  surveys: [{ id: 'gtm-nps', moment: 'purchase', question: { type: 'nps', text: 'How likely are you to recommend Tidewater Coffee?' } }],
};

let browser: Browser;
let site: Awaited<ReturnType<typeof startDemoServer>>;
let dir: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'moments-gtm-'));
  writeFileSync(join(dir, 'harness.js'), harness);
  writeFileSync(join(dir, 'config.json'), JSON.stringify(config));
  writeFileSync(
    join(dir, 'index.html'),
    '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Order confirmed</title><script src="/gtm/harness.js"></script></head><body><h1>Order confirmed</h1></body></html>',
  );
  browser = await launchChromium();
  site = await startDemoServer({ dirs: { '/gtm/': dir } });
});

afterAll(async () => {
  await browser?.close();
  await site?.close();
  rmSync(dir, { recursive: true, force: true });
});

type TagData = Record<string, unknown>;
const tag = (page: Page, data: TagData) =>
  page.evaluate((d) => (window as unknown as { gtmTag(d: TagData): Promise<string> }).gtmTag(d), data);
const load = (extra: TagData = {}) => ({
  action: 'load',
  scriptUrl: `${site.url}/moments/moments.js`,
  configUrl: `${site.url}/gtm/config.json`,
  ...extra,
});
const survey = (page: Page) => page.getByRole('dialog', { name: /recommend Tidewater Coffee/ });

describe('GTM template in Chromium', () => {
  it('a trigger tag that fires before the load tag is kept; the answer reaches the endpoint with its context', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const errors = watchPageErrors(page);
    await page.goto(`${site.url}/gtm/`);
    expect(await tag(page, { action: 'trigger', moment: 'purchase', context: [{ key: 'orderId', value: 'G-1' }] })).toBe('success');
    expect(await tag(page, load())).toBe('success');
    await expect.poll(() => survey(page).count(), { timeout: 10_000 }).toBe(1);
    await page.locator('moment-survey').getByRole('radio', { name: '9' }).click();
    await expect
      .poll(
        async () =>
          (await site.collector.answers()).filter((a) => a.surveyId === 'gtm-nps' && a.context['orderId'] === 'G-1').map((a) => a.value),
        {
          timeout: 10_000,
        },
      )
      .toEqual([9]);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('with "wait for consent", shows nothing until a consent tag grants it', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const errors = watchPageErrors(page);
    await page.goto(`${site.url}/gtm/`);
    expect(await tag(page, load({ consentPending: true }))).toBe('success');
    await expect.poll(() => page.evaluate(() => typeof (window.moments as { trigger?: unknown }).trigger)).toBe('function');
    await tag(page, { action: 'trigger', moment: 'purchase', context: [{ key: 'orderId', value: 'G-2' }] });
    await page.waitForTimeout(1_000);
    expect(await survey(page).count()).toBe(0);
    expect(await tag(page, { action: 'consent', granted: 'granted' })).toBe('success');
    await tag(page, { action: 'trigger', moment: 'purchase', context: [{ key: 'orderId', value: 'G-2' }] });
    await expect.poll(() => survey(page).count(), { timeout: 10_000 }).toBe(1);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('reports a moments.js that fails to load to GTM', async () => {
    const page = await browser.newPage();
    await page.goto(`${site.url}/gtm/`);
    expect(await tag(page, load({ scriptUrl: `${site.url}/moments/missing.js` }))).toBe('failure');
    await page.close();
  });
});
