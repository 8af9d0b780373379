// SPDX-License-Identifier: MIT
// <moment-survey> layout in real Chromium under `default-src 'self'`: no layout shift when the
// card appears, placements, the mobile bottom sheet, colour schemes, reduced motion, and styles
// that a strict CSP does not block.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSurvey, settle, startUiSite, type UiSite } from './fixtures/ui-harness/page.js';

let site: UiSite;
beforeAll(async () => {
  site = await startUiSite();
});
afterAll(async () => {
  await site?.close();
});

const cardBox = (page: Page) =>
  page.evaluate(() => {
    const host = document.querySelector('moment-survey[placement]')!;
    const r = host.shadowRoot!.querySelector('[part="card"]')!.getBoundingClientRect();
    return { left: r.left, right: r.right, top: r.top, bottom: r.bottom, width: innerWidth, height: innerHeight };
  });

const layoutShifts = async (page: Page) => {
  await settle(page);
  return page.evaluate(() => window.__ui.shifts);
};

describe('<moment-survey> layout', () => {
  it.each([
    ['bottom-right', { width: 1280, height: 800 }],
    ['center', { width: 1280, height: 800 }],
    ['bottom-right', { width: 375, height: 667 }],
  ])('causes no layout shift when a %s card appears (%o)', async (placement, viewport) => {
    const { page } = await openSurvey(site, { type: 'nps', survey: { placement }, delayMs: 300 }, { viewport });
    expect(await layoutShifts(page)).toBe(0);
    await page.close();
  });

  it('counts layout shifts at all: the control page that inserts a block into the flow has some', async () => {
    const { page } = await openSurvey(site, { type: 'nps', delayMs: 300, shift: true });
    expect(await layoutShifts(page)).toBeGreaterThan(0);
    await page.close();
  });

  it('places the card bottom-right by default, bottom-left and centred on request', async () => {
    const { page } = await openSurvey(site, { type: 'csat' }, { viewport: { width: 1280, height: 800 } });
    expect(await cardBox(page)).toMatchObject({ right: 1264, bottom: 784 });
    await page.close();
    const left = await openSurvey(site, { type: 'csat', survey: { placement: 'bottom-left' } }, { viewport: { width: 1280, height: 800 } });
    expect(await cardBox(left.page)).toMatchObject({ left: 16, bottom: 784 });
    await left.page.close();
    const center = await openSurvey(site, { type: 'csat', survey: { placement: 'center' } }, { viewport: { width: 1280, height: 800 } });
    const box = await cardBox(center.page);
    expect(Math.abs(box.left + box.right - 1280)).toBeLessThanOrEqual(1);
    expect(Math.abs(box.top + box.bottom - 800)).toBeLessThanOrEqual(1);
    await center.page.close();
  });

  it('mirrors the default corner in RTL', async () => {
    const { page } = await openSurvey(site, { type: 'csat', options: { locale: 'he' } }, { viewport: { width: 1280, height: 800 } });
    expect(await cardBox(page)).toMatchObject({ left: 16, bottom: 784 });
    await page.close();
  });

  it('becomes a full-width bottom sheet on a screen 480 px wide or less', async () => {
    const { page } = await openSurvey(site, { type: 'nps' }, { viewport: { width: 375, height: 667 } });
    expect(await cardBox(page)).toMatchObject({ left: 0, right: 375, bottom: 667 });
    // Every NPS score is still a target of at least 24 × 24 px.
    const sizes = await page.evaluate(() =>
      [...document.querySelector('moment-survey[placement]')!.shadowRoot!.querySelectorAll('[role="radio"]')].map((b) => {
        const r = b.getBoundingClientRect();
        return Math.min(r.width, r.height);
      }),
    );
    expect(Math.min(...sizes)).toBeGreaterThanOrEqual(24);
    await page.close();
  });

  it('renders inline placement inside the page’s own <moment-survey>, in the flow', async () => {
    const { page } = await openSurvey(site, { type: 'thumbs', survey: { id: 'inline-survey', placement: 'inline' } });
    const host = page.locator('main moment-survey');
    expect(await host.getAttribute('placement')).toBe('inline');
    expect(await host.evaluate((el) => getComputedStyle(el).position)).toBe('static');
    await host.getByRole('radio', { name: 'Yes' }).click();
    await expect.poll(() => page.evaluate(() => window.__ui.answers)).toEqual([[true, undefined]]);
    expect(await page.locator('moment-survey').count()).toBe(1);
    await page.close();
  });

  it('follows prefers-color-scheme, and a theme can force the scheme and set the accent', async () => {
    const background = (page: Page) =>
      page.evaluate(
        () =>
          getComputedStyle(document.querySelector('moment-survey[placement]')!.shadowRoot!.querySelector('[part="card"]')!).backgroundColor,
      );
    const light = await openSurvey(site, { type: 'ces' }, { colorScheme: 'light' });
    expect(await background(light.page)).toBe('rgb(255, 255, 255)');
    await light.page.close();
    const dark = await openSurvey(site, { type: 'ces' }, { colorScheme: 'dark' });
    expect(await background(dark.page)).toBe('rgb(27, 31, 39)');
    await dark.page.close();
    const forced = await openSurvey(
      site,
      { type: 'text', options: { theme: { scheme: 'dark', accent: 'rgb(200, 0, 80)' } } },
      { colorScheme: 'light' },
    );
    expect(await background(forced.page)).toBe('rgb(27, 31, 39)');
    const send = await forced.page.evaluate(
      () =>
        getComputedStyle(document.querySelector('moment-survey[placement]')!.shadowRoot!.querySelector('[part="submit"]')!).backgroundColor,
    );
    expect(send).toBe('rgb(200, 0, 80)');
    await forced.page.close();
  });

  it('animates the card in only when reduced motion is not requested', async () => {
    // The computed animation name, not getAnimations(): a 160 ms animation may be over before we look.
    const animationOf = async (reducedMotion: 'reduce' | 'no-preference') => {
      const { page } = await openSurvey(site, { type: 'nps' }, { reducedMotion });
      const name = await page.evaluate(
        () =>
          getComputedStyle(document.querySelector('moment-survey[placement]')!.shadowRoot!.querySelector('[part="card"]')!).animationName,
      );
      await page.close();
      return name;
    };
    expect(await animationOf('reduce')).toBe('none');
    expect(await animationOf('no-preference')).toBe('moments-in');
  });

  it('styles the card with constructable stylesheets that a strict CSP allows', async () => {
    const { page, errors } = await openSurvey(site, { type: 'choice' });
    const styles = await page.evaluate(() => {
      const root = document.querySelector('moment-survey[placement]')!.shadowRoot!;
      return {
        adopted: root.adoptedStyleSheets.length,
        styleTags: root.querySelectorAll('style').length,
        position: getComputedStyle(root.host).position,
      };
    });
    expect(styles).toEqual({ adopted: 1, styleTags: 0, position: 'fixed' });
    expect(errors).toEqual([]);
    await page.close();
  });
});
