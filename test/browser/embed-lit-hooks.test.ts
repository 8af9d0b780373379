// SPDX-License-Identifier: MIT
// Lit looks for polyfill and hydration hooks on the page's globals. A host page that defines one
// (for its own Lit app, or by accident) must not reach into the survey card: the script-tag
// bundles read none of them (rollup.config.mjs, `litTrim`), which also saves bytes (issue 17).
import { fileURLToPath } from 'node:url';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemoServer } from '../../demo/server.mjs';
import { launchChromium, watchPageErrors } from './chromium.js';

const fixtures = fileURLToPath(new URL('./fixtures', import.meta.url));
const HOOKS = ['litHtmlPolyfillSupport', 'reactiveElementPolyfillSupport', 'litElementPolyfillSupport', 'litElementHydrateSupport'];

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

describe("the page's Lit hooks", () => {
  it('are never called by the survey card', async () => {
    const context = await browser.newContext();
    await context.addInitScript((names: string[]) => {
      const called: string[] = [];
      Object.defineProperty(window, '__litHooksCalled', { value: called });
      for (const name of names) (window as unknown as Record<string, unknown>)[name] = () => void called.push(name);
    }, HOOKS);
    const page = await context.newPage();
    const errors = watchPageErrors(page);
    await page.goto(`${site.url}/fixtures/embed-stub.html`);
    await expect.poll(() => page.locator('moment-survey').getByRole('radio').count()).toBeGreaterThan(0);
    expect(await page.evaluate(() => (window as unknown as { __litHooksCalled: string[] }).__litHooksCalled)).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });
});
