// SPDX-License-Identifier: MIT
// Focus and the card in real Chromium: WCAG 2.4.11 Focus Not Obscured on a checkout page with a
// sticky "Pay now" button under the corner card, and `center` + `theme.backdrop` as a real modal
// dialog (focus in and kept there, the page inert, Escape closes, focus returns).
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSurvey, startUiSite, type UiSite } from './fixtures/ui-harness/page.js';

let site: UiSite;
beforeAll(async () => {
  site = await startUiSite();
});
afterAll(async () => {
  await site?.close();
});

const DESKTOP = { width: 1280, height: 800 };
const PHONE = { width: 375, height: 667 };

/** Whether a click at the middle of `#pay` would reach it (nothing of the card on top of it). */
const payIsUncovered = (page: Page) =>
  page.evaluate(() => {
    const r = document.querySelector('#pay')!.getBoundingClientRect();
    return document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2)?.id === 'pay';
  });

/** The id (or part) of the focused element, looking into the card's shadow root. */
const focused = (page: Page) =>
  page.evaluate(() => {
    const active = document.activeElement;
    const inner = active?.shadowRoot?.activeElement;
    return inner ? `card:${inner.getAttribute('part')}` : active?.id || active?.localName;
  });

/** Where the page's own content is: none of it may move when the card gets out of the way. */
const pageLayout = (page: Page) =>
  page.evaluate(() =>
    ['header', 'main', 'h1', '#before', '#pay'].map((sel) => JSON.stringify(document.querySelector(sel)!.getBoundingClientRect())),
  );

const cardState = (page: Page) =>
  page.evaluate(() => {
    const host = document.querySelector('moment-survey[placement]')!;
    const card = host.shadowRoot!.querySelector('[part="card"]')!;
    const tab = host.shadowRoot!.querySelector('[part="tab"]')!;
    const r = card.getBoundingClientRect();
    return { away: host.getAttribute('away'), card: card.checkVisibility(), tab: tab.checkVisibility(), left: r.left, right: r.right };
  });

describe('Focus Not Obscured (WCAG 2.4.11)', () => {
  it('moves the card to the free corner while the covered "Pay now" has focus, and back after', async () => {
    const { page } = await openSurvey(site, { type: 'nps', pay: true }, { viewport: DESKTOP });
    const layout = await pageLayout(page);
    expect(await payIsUncovered(page)).toBe(false); // the card really sits on the button
    await page.focus('#before');
    await page.keyboard.press('Tab');
    expect(await focused(page)).toBe('pay');
    expect(await payIsUncovered(page)).toBe(true);
    expect(await cardState(page)).toMatchObject({ card: true, left: 16 });
    // Into the card: it stays where the shopper found it; answering still works.
    await page.keyboard.press('Tab');
    expect(await focused(page)).toBe('card:close');
    expect(await cardState(page)).toMatchObject({ card: true, left: 16 });
    // Focus back on the page, on something the card does not cover: the card goes home.
    await page.focus('#before');
    expect(await cardState(page)).toMatchObject({ away: null, card: true, right: 1264 });
    expect(await pageLayout(page)).toEqual(layout);
    await page.close();
  });

  it('shrinks to a tab on a phone, where the sheet spans the width, and reopens from it', async () => {
    const { page } = await openSurvey(site, { type: 'nps', pay: true }, { viewport: PHONE, hasTouch: true });
    const layout = await pageLayout(page);
    expect(await payIsUncovered(page)).toBe(false);
    await page.focus('#before');
    await page.keyboard.press('Tab');
    expect(await focused(page)).toBe('pay');
    expect(await payIsUncovered(page)).toBe(true);
    expect(await cardState(page)).toMatchObject({ card: false, tab: true });
    // The tab is the next stop: it names the survey and brings the card back, focus on the scale.
    await page.keyboard.press('Tab');
    const tab = page.locator('moment-survey[placement]').getByRole('button', { name: 'Survey' });
    expect(await tab.evaluate((el) => el.matches(':focus'))).toBe(true);
    await page.keyboard.press('Enter');
    expect(await cardState(page)).toMatchObject({ away: null, card: true, tab: false });
    expect(await focused(page)).toBe('card:option');
    await page.keyboard.press('Space');
    await expect.poll(() => page.evaluate(() => window.__ui.answers)).toEqual([[0, undefined]]);
    expect(await pageLayout(page)).toEqual(layout);
    await page.close();
  });

  it('checks when the card appears too: focus already on the covered button', async () => {
    const page = await site.browser.newPage({ viewport: DESKTOP });
    await page.goto(
      `${site.url}/fixtures/ui-survey.html?c=${encodeURIComponent(JSON.stringify({ type: 'csat', pay: true, delayMs: 1_000 }))}`,
    );
    await page.focus('#pay');
    expect(await page.evaluate(() => window.__ui.shown)).toBe(false); // focus came first, as meant
    await page.waitForFunction(() => window.__ui?.shown, undefined, { timeout: 10_000 });
    expect(await payIsUncovered(page)).toBe(true);
    expect(await focused(page)).toBe('pay');
    await page.close();
  });
});

describe('center + backdrop: a modal dialog', () => {
  // The card shows a second after load: time enough to put focus on the page first, even on a busy machine.
  const MODAL = { type: 'csat', survey: { placement: 'center', theme: { backdrop: true } }, delayMs: 1_000 };

  /** Opens the page, focuses "Track parcel" before the card appears, waits for the card. */
  async function openModal(config: Record<string, unknown>): Promise<Page> {
    const page = await site.browser.newPage({ viewport: DESKTOP });
    await page.goto(`${site.url}/fixtures/ui-survey.html?c=${encodeURIComponent(JSON.stringify(config))}`);
    await page.focus('#before');
    await page.evaluate(() => {
      const before = document.querySelector('#before')!;
      before.addEventListener('click', () => before.setAttribute('data-clicked', ''));
    });
    expect(await page.evaluate(() => window.__ui.shown)).toBe(false); // focus came first, as meant
    await page.waitForFunction(() => window.__ui?.shown, undefined, { timeout: 10_000 });
    return page;
  }

  it('takes focus, keeps it inside, and leaves the page behind inert', async () => {
    const page = await openModal(MODAL);
    expect(await focused(page)).toBe('card:option');
    expect(
      await page.evaluate(() => document.querySelector('moment-survey[placement]')!.shadowRoot!.querySelector('dialog')!.matches(':modal')),
    ).toBe(true);
    const stops = new Set<string | undefined>();
    for (let i = 0; i < 8; i++) {
      await page.keyboard.press('Tab');
      stops.add(await focused(page));
    }
    // Tab cycles × and the scale (and the browser's own UI), never the page's links or buttons.
    expect([...stops].filter((stop) => !stop?.startsWith('card:') && stop !== 'body')).toEqual([]);
    expect(stops.has('card:close')).toBe(true);
    // Neither a click nor a script can reach the page behind.
    const box = (await page.locator('#before').boundingBox())!;
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    expect(await page.locator('#before').getAttribute('data-clicked')).toBeNull();
    expect(await page.evaluate(() => (document.querySelector<HTMLElement>('#before')!.focus(), document.activeElement?.id))).not.toBe(
      'before',
    );
    await page.close();
  });

  it('closes on Escape and gives focus back to where it was', async () => {
    const page = await openModal(MODAL);
    await page.keyboard.press('Escape');
    expect(await page.evaluate(() => window.__ui.dismissed)).toBe(1);
    expect(await page.locator('moment-survey[placement]').count()).toBe(0);
    expect(await focused(page)).toBe('before');
    await page.close();
  });

  it('shows the thanks inside the dialog, then closes and gives focus back', async () => {
    const page = await openModal(MODAL);
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Enter');
    const card = page.locator('moment-survey[placement]');
    await expect.poll(() => card.getByRole('status').textContent()).toBe('Thank you!');
    expect(await focused(page)).toBe('card:close');
    await expect.poll(() => card.count(), { timeout: 5_000 }).toBe(0);
    expect(await focused(page)).toBe('before');
    expect(await page.evaluate(() => window.__ui.answers)).toEqual([[2, undefined]]);
    await page.close();
  });

  it('stays a non-modal region without a backdrop: focus and the page are the shopper’s', async () => {
    const page = await openModal({ ...MODAL, survey: { placement: 'center' } });
    expect(await focused(page)).toBe('before');
    expect(await page.evaluate(() => document.querySelector('moment-survey[placement]')!.shadowRoot!.querySelector('dialog'))).toBeNull();
    await page.locator('#before').click();
    expect(await page.locator('#before').getAttribute('data-clicked')).toBe('');
    await page.close();
  });
});
