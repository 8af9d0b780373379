// SPDX-License-Identifier: MIT
// The card always appears, and `showSurvey` resolves (so core emits `shown`) only once it is on
// screen: with `<moment-survey>` already taken by another library, and under Trusted Types,
// in real Chromium. The site's CSP enforces Trusted Types and allows `lit-html`, as docs/theming.md
// tells a page to; ui-trusted-types.html narrows it to the page's own policy.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSurvey, startUiSite, type UiSite } from './fixtures/ui-harness/page.js';

const CSP = "default-src 'self'; require-trusted-types-for 'script'; trusted-types app-policy lit-html";

let site: UiSite;
beforeAll(async () => {
  site = await startUiSite(CSP);
});
afterAll(async () => {
  await site?.close();
});

describe('a name already taken', () => {
  it('shows the card under a scoped tag when another library defined <moment-survey>', async () => {
    const { page, errors } = await openSurvey(site, { type: 'nps', clash: true });
    expect(await page.evaluate(() => window.__ui.atShown)).toEqual({ tag: 'moment-survey-2', rendered: true, visible: true });
    const card = page.locator('moment-survey-2');
    await card.getByRole('radio', { name: '9' }).click();
    await expect.poll(() => page.evaluate(() => window.__ui.answers)).toEqual([[9, undefined]]);
    // The other library's element is left alone.
    expect(await page.evaluate(() => document.querySelector('main moment-survey')!.shadowRoot)).toBeNull();
    expect(errors).toEqual([]);
    await page.close();
  });

  it('does not fill the other library’s element for inline placement: the card floats instead', async () => {
    const { page } = await openSurvey(site, { type: 'thumbs', clash: true, survey: { id: 'inline-survey', placement: 'inline' } });
    expect(await page.evaluate(() => window.__ui.atShown)).toEqual({ tag: 'moment-survey-2', rendered: true, visible: true });
    expect(await page.locator('moment-survey-2').getAttribute('placement')).toBe('bottom-right');
    await page.close();
  });

  it('resolves showSurvey only once the card is rendered and visible', async () => {
    const { page } = await openSurvey(site, { type: 'choice' });
    expect(await page.evaluate(() => window.__ui.atShown)).toEqual({ tag: 'moment-survey', rendered: true, visible: true });
    await page.close();
  });
});

describe('Trusted Types', () => {
  it('renders where the page allows the lit-html policy', async () => {
    const { page, errors } = await openSurvey(site, { type: 'csat' });
    expect(await page.evaluate(() => window.__ui.atShown)).toMatchObject({ rendered: true, visible: true });
    await page.locator('moment-survey[placement]').getByRole('radio', { name: '5' }).click();
    await expect.poll(() => page.evaluate(() => window.__ui.answers)).toEqual([[5, undefined]]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('rejects with a clear message, reported as trusted-types, where the policy is not allowed', async () => {
    const page = await site.browser.newPage();
    const uncaught: string[] = [];
    page.on('pageerror', (error) => uncaught.push(error.message));
    await page.goto(`${site.url}/fixtures/ui-trusted-types.html?c=${encodeURIComponent(JSON.stringify({ type: 'nps' }))}`);
    await page.waitForFunction(() => window.__ui?.error, undefined, { timeout: 10_000 });
    const state = await page.evaluate(() => window.__ui);
    const message = `the page's CSP requires Trusted Types: allow the "lit-html" policy (trusted-types lit-html)`;
    expect(state.error).toBe(`Error: ${message}`);
    expect(state.reports).toEqual([['trusted-types', message]]);
    expect(state.shown).toBe(false);
    // Nothing half-built is left in the page, and the page saw no exception from us.
    expect(await page.evaluate(() => document.querySelector('[placement]'))).toBeNull();
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(uncaught).toEqual([]);
    await page.close();
  });
});
