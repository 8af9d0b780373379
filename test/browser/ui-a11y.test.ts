// SPDX-License-Identifier: MIT
// <moment-survey> in real Chromium under a strict CSP: axe-core (WCAG 2.0/2.1/2.2 A and AA) for
// every question type in light, dark and RTL, and a keyboard-only answer for every type.
import { QUESTION_TYPES, type QuestionType } from '@moments/core';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeViolations, openSurvey, runAxe, settle, shadowNodesPassed, startUiSite, type UiSite } from './fixtures/ui-harness/page.js';
import { THIRD_CHOICE } from './fixtures/ui-harness/surveys.js';

let site: UiSite;
beforeAll(async () => {
  site = await startUiSite();
});
afterAll(async () => {
  await site?.close();
});

const VARIANTS = {
  light: { context: { colorScheme: 'light' as const }, options: {} },
  dark: { context: { colorScheme: 'dark' as const }, options: {} },
  rtl: { context: { colorScheme: 'light' as const }, options: { locale: 'ar' } },
};

const ui = (page: Page) => page.evaluate(() => ({ ...window.__ui, focused: document.activeElement?.id }));

describe('<moment-survey> accessibility (axe-core)', () => {
  for (const [variant, { context, options }] of Object.entries(VARIANTS)) {
    it(`reports no violations for any question type in ${variant}`, async () => {
      const page = await site.browser.newPage(context);
      const failures: Record<string, string[]> = {};
      for (const type of QUESTION_TYPES) {
        await page.goto(`${site.url}/fixtures/ui-survey.html?c=${encodeURIComponent(JSON.stringify({ type, options }))}`);
        await page.waitForFunction(() => window.__ui?.shown, undefined, { timeout: 10_000 });
        await settle(page);
        const results = await runAxe(page);
        const found = describeViolations(results);
        if (found.length) failures[type] = found;
        // axe really looked inside the shadow root: it checked the card's buttons and text there.
        expect(shadowNodesPassed(results, 'button-name'), type).toBeGreaterThanOrEqual(type === 'text' ? 2 : 3);
        expect(shadowNodesPassed(results, 'color-contrast'), type).toBeGreaterThanOrEqual(1);
        expect(await page.locator('moment-survey[placement]').getByRole('dialog').getAttribute('aria-labelledby')).toBe('q');
        if (variant === 'rtl') expect(await page.locator('moment-survey[placement]').getAttribute('dir')).toBe('rtl');
      }
      expect(failures).toEqual({});
      await page.close();
    });
  }

  it('reports no violations in the follow-up step and the thanks message, light and dark', async () => {
    for (const colorScheme of ['light', 'dark'] as const) {
      const { page } = await openSurvey(
        site,
        { type: 'csat', survey: { followUp: { text: 'What should we improve?' }, thanks: 'Thanks a lot!' } },
        { colorScheme },
      );
      const card = page.locator('moment-survey');
      await card.getByRole('radio', { name: '2' }).click();
      await card.getByRole('textbox', { name: 'What should we improve?' }).fill('Packaging');
      await settle(page);
      expect(describeViolations(await runAxe(page)), `follow-up ${colorScheme}`).toEqual([]);
      await card.getByRole('button', { name: 'Send' }).click();
      await expect.poll(() => card.getByRole('status').textContent()).toBe('Thanks a lot!');
      await settle(page);
      expect(describeViolations(await runAxe(page)), `thanks ${colorScheme}`).toEqual([]);
      expect((await ui(page)).answers).toEqual([[2, 'Packaging']]);
      await page.close();
    }
  });
});

describe('<moment-survey> accessibility (axe-core) in the new states', () => {
  it('reports no violations for the modal, the collapsed tab, a 320 px card and a Persian card', async () => {
    const cases: Array<[string, Record<string, unknown>, Parameters<typeof openSurvey>[2]]> = [
      ['modal', { type: 'csat', survey: { placement: 'center', theme: { backdrop: true } } }, {}],
      ['320 px', { type: 'nps' }, { viewport: { width: 320, height: 568 } }],
      ['fa', { type: 'emoji', options: { locale: 'fa' } }, {}],
      ['tab', { type: 'thumbs', pay: true }, { viewport: { width: 375, height: 667 } }],
    ];
    const failures: Record<string, string[]> = {};
    for (const [name, config, context] of cases) {
      const { page } = await openSurvey(site, config, context);
      if (name === 'tab') await page.focus('#pay');
      await settle(page);
      const found = describeViolations(await runAxe(page));
      if (found.length) failures[name] = found;
      await page.close();
    }
    expect(failures).toEqual({});
  });
});

describe('<moment-survey> keyboard', () => {
  /** Tab from the page's button before the card: × first, then the question's first control. */
  async function tabIn(page: Page): Promise<void> {
    await page.focus('#before');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
  }

  it.each(QUESTION_TYPES)('answers a %s question with the keyboard alone and returns focus', async (type: QuestionType) => {
    const { page, errors } = await openSurvey(site, { type });
    await tabIn(page);
    if (type === 'text') {
      await page.keyboard.type('Faster');
      await page.keyboard.press('Tab');
      await page.keyboard.press('Enter');
    } else {
      await page.keyboard.press(type === 'thumbs' ? 'ArrowLeft' : 'ArrowRight');
      await page.keyboard.press(type === 'thumbs' ? 'ArrowLeft' : 'ArrowRight');
      await page.keyboard.press('Space');
    }
    await expect.poll(async () => (await ui(page)).answers).toEqual([[THIRD_CHOICE[type], undefined]]);
    await expect.poll(() => page.locator('moment-survey[placement]').getAttribute('phase')).toBe('thanks');
    expect((await ui(page)).focused).toBe('before');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('answers the follow-up with the keyboard: the comment box takes focus after the pick', async () => {
    const { page } = await openSurvey(site, { type: 'nps', survey: { followUp: { values: [0, 1, 2, 3, 4, 5, 6] } } });
    await tabIn(page);
    for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Enter');
    await page.keyboard.type('Arrived cold');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await ui(page)).answers).toEqual([[3, 'Arrived cold']]);
    await page.close();
  });

  it('leaves focus on the page when the card appears, and announces it in a polite live region', async () => {
    const page = await site.browser.newPage();
    await page.goto(`${site.url}/fixtures/ui-survey.html?c=${encodeURIComponent(JSON.stringify({ type: 'nps', delayMs: 400 }))}`);
    await page.focus('#before');
    await page.waitForFunction(() => window.__ui?.shown, undefined, { timeout: 10_000 });
    const status = page.locator('moment-survey[placement]').getByRole('status');
    await expect.poll(() => status.textContent()).toBe('Survey: How likely are you to recommend Tidewater Coffee to a friend?');
    expect(await status.getAttribute('aria-live')).toBeNull(); // role=status is implicitly polite
    expect((await ui(page)).focused).toBe('before');
    await page.close();
  });

  it('dismisses with Escape and gives focus back to the page', async () => {
    const { page } = await openSurvey(site, { type: 'ces' });
    await tabIn(page);
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Escape');
    const state = await ui(page);
    expect(state).toMatchObject({ dismissed: 1, answers: [], focused: 'before' });
    expect(await page.locator('moment-survey[placement]').count()).toBe(0);
    await page.close();
  });

  it('mirrors arrow keys in RTL: ArrowLeft moves to the next score', async () => {
    const { page } = await openSurvey(site, { type: 'csat', options: { locale: 'he' } });
    await tabIn(page);
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('Space');
    await expect.poll(async () => (await ui(page)).answers).toEqual([[2, undefined]]);
    await page.close();
  });
});
