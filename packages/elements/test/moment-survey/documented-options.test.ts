// SPDX-License-Identifier: MIT
// Options docs/config.md promises, through the card a shopper uses: `followUp.when` and the
// placeholders of `question` and `followUp`.
import { afterEach, describe, expect, it } from 'vitest';
import type { FollowUp } from '../../src/index.js';
import { answersOf, makeSurvey, mount, radios, shadow } from '../helpers.js';

afterEach(() => document.body.replaceChildren());

type Case = [type: 'nps' | 'csat' | 'thumbs', when: NonNullable<FollowUp['when']>, radio: number, asked: boolean];

// Radio indexes: NPS 0–10 → value = index; CSAT 1–5 → value = index + 1; thumbs: [up, down].
const CASES: Case[] = [
  ['nps', 'low', 6, true],
  ['nps', 'low', 7, false],
  ['nps', 'high', 9, true],
  ['nps', 'high', 8, false],
  ['csat', 'low', 1, true], // 2 of 5
  ['csat', 'low', 2, false], // 3: the middle is neither low nor high
  ['csat', 'high', 2, false],
  ['csat', 'high', 3, true], // 4 of 5
  ['thumbs', 'low', 1, true],
  ['thumbs', 'low', 0, false],
  ['thumbs', 'high', 0, true],
  ['thumbs', 'high', 1, false],
];

describe('followUp.when', () => {
  it.each(CASES)('%s, when %s: the answer at radio %i asks the follow-up: %s', async (type, when, radio, asked) => {
    const el = await mount(makeSurvey({ type }, { followUp: { when } }));
    const answers = answersOf(el);
    radios(el)[radio]!.click();
    await el.updateComplete;
    expect(el.phase).toBe(asked ? 'follow-up' : 'question');
    expect(shadow(el).querySelector('textarea') !== null).toBe(asked);
    expect(answers).toHaveLength(asked ? 0 : 1);
  });
});

describe('placeholders', () => {
  it('shows question.placeholder in the empty answer box of a text question', async () => {
    const el = await mount(makeSurvey({ type: 'text', text: 'What brought you here?', placeholder: 'A few words' }));
    expect(shadow(el).querySelector('textarea')!.placeholder).toBe('A few words');
  });

  it('shows followUp.placeholder in the comment box', async () => {
    const el = await mount(makeSurvey({ type: 'thumbs' }, { followUp: { placeholder: 'Optional' } }));
    radios(el)[0]!.click();
    await el.updateComplete;
    expect(shadow(el).querySelector('textarea')!.placeholder).toBe('Optional');
  });

  it('leaves the box without a placeholder when none is configured', async () => {
    const el = await mount(makeSurvey({ type: 'text', text: 'Anything?' }));
    expect(shadow(el).querySelector('textarea')!.hasAttribute('placeholder')).toBe(false);
  });
});
