// SPDX-License-Identifier: MIT
// What a screen reader gets: Chromium's own accessibility tree (CDP Accessibility.getFullAXTree)
// for every question type, compared with expectations written out here by hand: roles, names,
// descriptions, states, the polite announcement of the card and of the thanks, the modal flag,
// the collapsed tab, and a Persian card named in Persian.
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

interface AxNode {
  nodeId: string;
  ignored: boolean;
  role?: { value: string };
  name?: { value: string };
  description?: { value: string };
  properties?: Array<{ name: string; value: { value: unknown } }>;
  childIds?: string[];
}

/** Roles that only carry text or layout: their text shows on the role that owns it. */
const PLAIN = new Set(['StaticText', 'InlineTextBox', 'generic', 'paragraph', 'LabelText', 'none']);
/** States a screen reader announces, as `name=value`. */
const STATES = ['checked', 'disabled', 'modal', 'live', 'atomic', 'expanded'];

/**
 * The card's part of the tree, one line per node a screen reader stops on, indented by depth:
 * `role "name"`, then `desc="…"`, announced states, and for live regions the text they hold.
 */
async function axOutline(page: Page): Promise<string[]> {
  const cdp = await page.context().newCDPSession(page);
  const { nodes } = (await cdp.send('Accessibility.getFullAXTree')) as unknown as { nodes: AxNode[] };
  await cdp.detach();
  const byId = new Map(nodes.map((n) => [n.nodeId, n]));
  // The collapsed card's tab sits beside the dialog, not in it.
  const tabName = await page.evaluate(
    () => document.querySelector('moment-survey[placement]')?.shadowRoot?.querySelector('[part="tab"]')?.textContent ?? '',
  );
  const text = (n: AxNode): string =>
    n.role?.value === 'StaticText' ? (n.name?.value ?? '') : (n.childIds ?? []).map((id) => text(byId.get(id)!)).join('');
  const lines: string[] = [];
  const walk = (n: AxNode, depth: number, inCard: boolean): void => {
    const role = n.role?.value ?? '';
    const card = inCard || role === 'dialog' || (role === 'button' && n.name?.value === tabName);
    const shown = card && !n.ignored && !PLAIN.has(role);
    if (shown) {
      const parts = [`${'  '.repeat(depth)}${role} "${n.name?.value ?? ''}"`];
      if (n.description?.value) parts.push(`desc="${n.description.value}"`);
      for (const p of n.properties ?? []) {
        if (!STATES.includes(p.name) || (p.name === 'modal' && p.value.value === false)) continue;
        parts.push(`${p.name}=${String(p.value.value)}`);
      }
      if (n.properties?.some((p) => p.name === 'live')) parts.push(`text="${text(n)}"`);
      lines.push(parts.join(' '));
    }
    for (const id of n.childIds ?? []) walk(byId.get(id)!, shown ? depth + 1 : depth, card);
  };
  walk(nodes[0]!, 0, false);
  return lines;
}

const radios = (names: string[], checked = -1) => names.map((name, i) => `    radio "${name}" checked=${i === checked}`);
const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => String(from + i));
const status = (said: string) => `  status "" live=polite atomic=true text="${said}"`;

/** The tree every type should give, with the harness's surveys (see fixtures/ui-harness/surveys.ts). */
const EXPECTED: Record<string, string[]> = {
  nps: [
    'dialog "How likely are you to recommend Tidewater Coffee to a friend?"',
    '  button "Close"',
    '  radiogroup "How likely are you to recommend Tidewater Coffee to a friend?" desc="Not likely Very likely"',
    ...radios(range(0, 10)),
    status('Survey: How likely are you to recommend Tidewater Coffee to a friend?'),
  ],
  csat: [
    'dialog "How satisfied are you with your delivery?"',
    '  button "Close"',
    '  radiogroup "How satisfied are you with your delivery?" desc="Very unsatisfied Very satisfied"',
    ...radios(range(1, 5)),
    status('Survey: How satisfied are you with your delivery?'),
  ],
  ces: [
    'dialog "How easy was it to place your order?"',
    '  button "Close"',
    '  radiogroup "How easy was it to place your order?" desc="Very difficult Very easy"',
    ...radios(range(1, 7)),
    status('Survey: How easy was it to place your order?'),
  ],
  rating: [
    'dialog "How would you rate the coffee?"',
    '  button "Close"',
    '  radiogroup "How would you rate the coffee?"',
    ...radios(['1 of 5', '2 of 5', '3 of 5', '4 of 5', '5 of 5']),
    status('Survey: How would you rate the coffee?'),
  ],
  emoji: [
    'dialog "How did unboxing your order feel?"',
    '  button "Close"',
    '  radiogroup "How did unboxing your order feel?"',
    ...radios(['1 of 5', '2 of 5', '3 of 5', '4 of 5', '5 of 5']),
    status('Survey: How did unboxing your order feel?'),
  ],
  thumbs: [
    'dialog "Did your order arrive on time?"',
    '  button "Close"',
    '  radiogroup "Did your order arrive on time?"',
    ...radios(['Yes', 'No']),
    status('Survey: Did your order arrive on time?'),
  ],
  choice: [
    'dialog "What made you choose us today?"',
    '  button "Close"',
    '  radiogroup "What made you choose us today?"',
    ...radios(['Price', 'Taste', 'Fast delivery', 'A friend’s tip']),
    status('Survey: What made you choose us today?'),
  ],
  text: [
    'dialog "What could we do better?"',
    '  button "Close"',
    '  textbox "What could we do better?" desc="0 of 280 characters"',
    '  button "Send" disabled=true',
    status('Survey: What could we do better?'),
  ],
};

/** Waits for the delayed announcement of the card to be in its live region. */
const announced = (page: Page) =>
  page.waitForFunction(() =>
    document.querySelector('moment-survey[placement]')?.shadowRoot?.querySelector('[role="status"]')?.textContent?.includes(':'),
  );

describe('the accessibility tree (Chromium, through CDP)', () => {
  it.each(Object.keys(EXPECTED))('gives a screen reader the expected %s card', async (type) => {
    const { page } = await openSurvey(site, { type });
    await announced(page);
    expect(await axOutline(page)).toEqual(EXPECTED[type]);
    await page.close();
  });

  it('announces the thanks politely and names the dialog by it once answered', async () => {
    const { page } = await openSurvey(site, { type: 'thumbs', survey: { thanks: 'Thanks, see you soon!' } });
    await page.locator('moment-survey[placement]').getByRole('radio', { name: 'Yes' }).click();
    await page.waitForFunction(() => document.querySelector('moment-survey[placement]')?.getAttribute('phase') === 'thanks');
    expect(await axOutline(page)).toEqual([
      'dialog "Thanks, see you soon!"',
      '  button "Close"',
      '  status "" live=polite atomic=true text="Thanks, see you soon!"',
    ]);
    await page.close();
  });

  it('marks the picked answer checked while it is being stored, and the follow-up box with its counter', async () => {
    const { page } = await openSurvey(site, { type: 'csat', hold: true });
    await announced(page);
    await page.locator('moment-survey[placement]').getByRole('radio', { name: '4' }).click();
    expect((await axOutline(page)).filter((line) => line.includes('radio "'))).toEqual(radios(range(1, 5), 3));
    await page.close();
    const followUp = await openSurvey(site, { type: 'nps', survey: { followUp: { text: 'What would make it a 10?', maxLength: 1 } } });
    await followUp.page.locator('moment-survey[placement]').getByRole('radio', { name: '7' }).click();
    // maxLength 1: the singular form, chosen by Intl.PluralRules.
    expect((await axOutline(followUp.page)).slice(0, 4)).toEqual([
      'dialog "What would make it a 10?"',
      '  button "Close"',
      '  textbox "What would make it a 10?" desc="0 of 1 character"',
      '  button "Send"',
    ]);
    await followUp.page.close();
  });

  it('flags the center + backdrop card as a modal dialog', async () => {
    const { page } = await openSurvey(site, { type: 'thumbs', survey: { placement: 'center', theme: { backdrop: true } } });
    await announced(page);
    expect((await axOutline(page)).slice(0, 2)).toEqual(['dialog "Did your order arrive on time?" modal=true', '  button "Close"']);
    await page.close();
  });

  it('leaves only the named tab when the card steps aside for the focused element', async () => {
    const { page } = await openSurvey(site, { type: 'thumbs', pay: true }, { viewport: { width: 375, height: 667 } });
    await page.focus('#pay');
    expect(await axOutline(page)).toEqual(['button "Survey"']);
    await page.close();
  });

  it('speaks the shopper’s language: a Persian card is named in Persian', async () => {
    const { page } = await openSurvey(site, { type: 'thumbs', options: { locale: 'fa' } });
    await announced(page);
    expect(await axOutline(page)).toEqual([
      'dialog "Did your order arrive on time?"',
      '  button "بستن"',
      '  radiogroup "Did your order arrive on time?"',
      ...radios(['بله', 'خیر']),
      status('نظرسنجی: Did your order arrive on time?'),
    ]);
    await page.close();
  });
});
