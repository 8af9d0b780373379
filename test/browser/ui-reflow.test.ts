// SPDX-License-Identifier: MIT
// The card where a shopper's settings bend it, in real Chromium: WCAG 1.4.10 Reflow (320 CSS px
// wide, and 400 % zoom of a 1280 × 800 window), 2.5.8 target size (24 px), 1.4.12 text spacing,
// forced colours (Windows high contrast), and a brand accent under 3:1.
import { QUESTION_TYPES } from '@moments/core';
import type { BrowserContextOptions, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeViolations, openSurvey, runAxe, settle, startUiSite, type UiSite } from './fixtures/ui-harness/page.js';

let site: UiSite;
beforeAll(async () => {
  site = await startUiSite();
});
afterAll(async () => {
  await site?.close();
});

/** The WCAG 1.4.12 test values, as a user style sheet would apply them (page and card). */
const TEXT_SPACING = `* { line-height: 1.5 !important; letter-spacing: 0.12em !important; word-spacing: 0.16em !important; }
p, label { margin-bottom: 2em !important; }`;

const applyTextSpacing = (page: Page) =>
  page.evaluate(async (css) => {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(css);
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
    const host = document.querySelector('moment-survey[placement]')!;
    host.shadowRoot!.adoptedStyleSheets = [...host.shadowRoot!.adoptedStyleSheets, sheet];
    await new Promise((resolve) => requestAnimationFrame(resolve));
  }, TEXT_SPACING);

/**
 * What does not fit: controls outside the card or the viewport, text cut off inside its box,
 * targets under 24 × 24 px, the question running under ×. Empty when the card reflows.
 */
const misfits = (page: Page) =>
  page.evaluate(() => {
    const root = document.querySelector('moment-survey[placement]')!.shadowRoot!;
    const card = root.querySelector('[part="card"]')!;
    const c = card.getBoundingClientRect();
    const found: string[] = [];
    const name = (el: Element) => `${el.getAttribute('part') ?? el.localName} "${(el.textContent ?? '').trim().slice(0, 12)}"`;
    if (c.left < 0 || c.right > innerWidth + 0.5) found.push(`card ${c.left}–${c.right} of ${innerWidth}`);
    if (card.scrollWidth > card.clientWidth) found.push(`card scrolls sideways: ${card.scrollWidth} > ${card.clientWidth}`);
    for (const el of root.querySelectorAll('button, textarea, [part="question"], [part="labels"] span, [part="counter"]')) {
      if (!el.checkVisibility()) continue; // the tab, while the card is open
      const r = el.getBoundingClientRect();
      if (r.left < c.left - 0.5 || r.right > c.right + 0.5) found.push(`${name(el)} at ${r.left}–${r.right} outside the card`);
      if (el.scrollWidth > el.clientWidth + 1) found.push(`${name(el)} cut off: ${el.scrollWidth} > ${el.clientWidth}`);
      if (el.matches('button') && (r.width < 24 || r.height < 24) && el.checkVisibility())
        found.push(`${name(el)} is ${r.width} × ${r.height}`);
    }
    const question = root.querySelector('[part="question"]')?.getBoundingClientRect();
    const close = root.querySelector('[part="close"]')!.getBoundingClientRect();
    if (question && question.right > close.left && question.top < close.bottom) found.push('the question runs under ×');
    return found;
  });

const SCREENS: Record<string, BrowserContextOptions> = {
  '320 px': { viewport: { width: 320, height: 568 } },
  '400 % zoom of 1280 × 800': { viewport: { width: 320, height: 200 }, deviceScaleFactor: 4 },
};

describe('Reflow, target size and text spacing', () => {
  for (const [screen, context] of Object.entries(SCREENS)) {
    it(`fits every question type at ${screen}, targets ≥ 24 px, with and without WCAG text spacing`, async () => {
      const failures: Record<string, string[]> = {};
      for (const type of QUESTION_TYPES) {
        const { page } = await openSurvey(site, { type }, context);
        const plain = await misfits(page);
        await applyTextSpacing(page);
        const spaced = (await misfits(page)).map((m) => `text spacing: ${m}`);
        if (plain.length || spaced.length) failures[type] = [...plain, ...spaced];
        await page.close();
      }
      expect(failures).toEqual({});
    });
  }

  it('keeps every control reachable in a short zoomed window: the card scrolls, the page does not hide it', async () => {
    const { page } = await openSurvey(site, { type: 'nps', survey: { followUp: { when: 'always' } } }, SCREENS['400 % zoom of 1280 × 800']);
    const card = page.locator('moment-survey[placement]');
    await card.getByRole('radio', { name: '10' }).click();
    const field = card.getByRole('textbox');
    await field.fill('Great beans');
    await card.getByRole('button', { name: 'Send' }).click();
    await expect.poll(() => page.evaluate(() => window.__ui.answers)).toEqual([[10, 'Great beans']]);
    await page.close();
  });

  it('fits the text-spacing card on a desktop too, follow-up included', async () => {
    const { page } = await openSurvey(
      site,
      { type: 'csat', survey: { followUp: { when: 'always' } } },
      { viewport: { width: 1280, height: 800 } },
    );
    await applyTextSpacing(page);
    expect(await misfits(page)).toEqual([]);
    await page.locator('moment-survey[placement]').getByRole('radio', { name: '4' }).click();
    await settle(page);
    expect(await misfits(page)).toEqual([]);
    await page.close();
  });
});

/** Computed colours the test compares, read in the page. */
const look = (page: Page, selector: string) =>
  page.evaluate((sel) => {
    const root = document.querySelector('moment-survey[placement]')!.shadowRoot!;
    const el = root.querySelector(sel)!;
    const s = getComputedStyle(el);
    const card = getComputedStyle(root.querySelector('[part="card"]')!);
    return {
      background: s.backgroundColor,
      color: s.color,
      border: `${s.borderTopStyle} ${s.borderTopWidth} ${s.borderTopColor}`,
      borderColor: s.borderTopColor,
      outline: `${s.outlineStyle} ${s.outlineWidth}`,
      outlineColor: s.outlineColor,
      cardBackground: card.backgroundColor,
      cardColor: card.color,
    };
  }, selector);

describe('forced colours (Windows high contrast)', () => {
  const forced: BrowserContextOptions = { forcedColors: 'active', viewport: { width: 1280, height: 800 } };

  it('keeps options, the selected answer and the focus ring visible', async () => {
    const { page } = await openSurvey(site, { type: 'nps', hold: true }, forced);
    const highlight = await page.evaluate(() => {
      const probe = document.body.appendChild(document.createElement('i'));
      probe.style.backgroundColor = 'Highlight';
      return getComputedStyle(probe).backgroundColor;
    });
    const option = await look(page, '[role="radio"]');
    expect(option.border).toMatch(/^solid 1px /);
    expect(option.borderColor).not.toBe(option.cardBackground);
    // Focus by keyboard: the ring is drawn, in a colour other than the card's.
    await page.focus('#before');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    const ring = await look(page, '[role="radio"]:focus-visible');
    expect(ring.outline).toBe('solid 3px');
    expect(ring.outlineColor).not.toBe(ring.cardBackground);
    // The picked answer (stored slowly here) is told apart by the system highlight.
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Space');
    const picked = await look(page, '[aria-checked="true"]');
    const other = await look(page, '[aria-checked="false"]');
    expect(picked.background).toBe(highlight);
    expect(picked.background).not.toBe(other.background);
    await page.close();
  });

  it('outlines the send button, which would otherwise be plain text', async () => {
    const { page } = await openSurvey(site, { type: 'text' }, forced);
    const send = await look(page, '[part="submit"]');
    expect(send.border).toMatch(/^solid 1px /);
    expect(send.borderColor).not.toBe(send.cardBackground);
    await page.close();
  });
});

describe('theme.accent contrast', () => {
  const YELLOW = { type: 'text', options: { theme: { accent: '#ffe14d' } } };

  it('reports an accent under 3:1 against the card as theme-contrast, and keeps the card AA', async () => {
    const { page } = await openSurvey(site, YELLOW, { colorScheme: 'light' });
    const reports = await page.evaluate(() => window.__ui.reports);
    expect(reports.map(([code]) => code)).toEqual(['theme-contrast']);
    expect(reports[0]![1]).toMatch(/^accent has 1\.\d\d:1 contrast against the card/);
    await page.locator('moment-survey[placement]').getByRole('textbox').fill('Fresher beans');
    const send = await look(page, '[part="submit"]');
    expect(send.background).toBe('rgb(255, 225, 77)'); // the brand colour is kept…
    expect(send.color).toBe('rgb(0, 0, 0)'); // …with text that reads on it (white was 1.3:1)
    expect(send.borderColor).toBe(send.cardColor); // and an edge that shows against white
    expect(describeViolations(await runAxe(page))).toEqual([]);
    await page.close();
  });

  it('gives the focus ring and the picked answer the text colour when the accent is faint', async () => {
    const { page } = await openSurvey(
      site,
      { type: 'csat', hold: true, options: { theme: { accent: '#ffe14d' } } },
      { colorScheme: 'light' },
    );
    await page.focus('#before');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    const ring = await look(page, '[role="radio"]:focus-visible');
    expect(ring.outlineColor).toBe(ring.cardColor);
    await page.keyboard.press('Space');
    const picked = await look(page, '[aria-checked="true"]');
    expect(picked.borderColor).toBe(picked.cardColor);
    await page.close();
  });

  it('says nothing about an accent that passes, in light and dark', async () => {
    for (const colorScheme of ['light', 'dark'] as const) {
      const { page } = await openSurvey(site, { type: 'nps' }, { colorScheme });
      expect(await page.evaluate(() => window.__ui.reports)).toEqual([]);
      await page.close();
    }
  });

  it('warns on the console as [moments] theme-contrast when the caller has no report handler', async () => {
    const page = await site.browser.newPage();
    const warnings: string[] = [];
    page.on('console', (message) => void (message.type() === 'warning' && warnings.push(message.text())));
    await page.goto(`${site.url}/fixtures/ui-survey.html?c=${encodeURIComponent(JSON.stringify({ ...YELLOW, noReport: true }))}`);
    await page.waitForFunction(() => window.__ui?.shown, undefined, { timeout: 10_000 });
    expect(warnings.filter((w) => w.startsWith('[moments] theme-contrast: accent has'))).toHaveLength(1);
    await page.close();
  });
});
