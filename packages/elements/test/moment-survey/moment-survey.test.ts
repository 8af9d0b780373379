// SPDX-License-Identifier: MIT
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { AnswerValue, QuestionType } from '@moments/core';
import { ANNOUNCE_DELAY_MS, type MomentSurvey, type UiQuestion } from '../../src/index.js';
import { answersOf, key, makeSurvey, mount, nameOf, radios, shadow, type } from '../helpers.js';

afterEach(() => {
  document.body.replaceChildren();
  vi.useRealTimers();
});

const HOSTILE = '<img src=x onerror="globalThis.pwned=1"><b>bold</b>';

describe('MomentSurvey', () => {
  it('renders a non-modal dialog named by its question when given a survey', async () => {
    const el = await mount(makeSurvey({ text: 'How likely are you to recommend us?' }));
    const dialog = shadow(el).querySelector('[role="dialog"]')!;
    expect(dialog.getAttribute('aria-modal')).toBeNull();
    const label = shadow(el).getElementById(dialog.getAttribute('aria-labelledby')!)!;
    expect(label.textContent).toBe('How likely are you to recommend us?');
    expect(shadow(el).querySelector('[role="radiogroup"]')!.getAttribute('aria-labelledby')).toBe(label.id);
  });

  it('renders nothing when it has no survey', async () => {
    const el = await mount(undefined as never);
    expect(shadow(el).querySelector('[role="dialog"]')).toBeNull();
  });

  it.each([
    ['nps', {}, ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9', '10'], [0, 10], ['Not likely', 'Very likely']],
    ['csat', {}, ['1', '2', '3', '4', '5'], [1, 5], ['Very unsatisfied', 'Very satisfied']],
    ['ces', {}, ['1', '2', '3', '4', '5', '6', '7'], [1, 7], ['Very difficult', 'Very easy']],
    ['rating', { scale: 4 }, ['1 of 4', '2 of 4', '3 of 4', '4 of 4'], [1, 4], undefined],
    ['emoji', {}, ['1 of 5', '2 of 5', '3 of 5', '4 of 5', '5 of 5'], [1, 5], undefined],
    ['thumbs', {}, ['Yes', 'No'], [true, false], undefined],
    ['choice', { options: ['Price', 'Speed'] }, ['Price', 'Speed'], ['Price', 'Speed'], undefined],
  ] as Array<[QuestionType, Partial<UiQuestion>, string[], AnswerValue[], string[] | undefined]>)(
    'renders a %s question as a radio group and submits the clicked value',
    async (qt, extra, names, ends, labels) => {
      const el = await mount(makeSurvey({ type: qt, ...extra }));
      const answers = answersOf(el);
      const options = radios(el);
      expect(options.map(nameOf)).toEqual(names);
      expect(options.map((o) => o.getAttribute('aria-checked'))).toEqual(names.map(() => 'false'));
      expect(options.map((o) => o.tabIndex)).toEqual(names.map((_, i) => (i === 0 ? 0 : -1)));
      const labelText = [...shadow(el).querySelectorAll('[part="labels"] span')].map((s) => s.textContent);
      expect(labelText).toEqual(labels ?? []);
      options.at(-1)!.click();
      expect(answers).toEqual([{ value: ends[1] }]);
    },
  );

  it('uses the configured end labels instead of the built-in ones', async () => {
    const el = await mount(makeSurvey({ lowLabel: 'Never', highLabel: 'Always' }));
    expect(shadow(el).querySelector('[part="labels"]')!.textContent).toBe('NeverAlways');
    expect(shadow(el).querySelector('[role="radiogroup"]')!.getAttribute('aria-describedby')).toBe('l');
  });

  it('moves focus with arrow keys, Home and End without submitting', async () => {
    const el = await mount(makeSurvey({ type: 'csat' }));
    const answers = answersOf(el);
    const options = radios(el);
    options[0]!.focus();
    key(options[0]!, 'ArrowRight');
    expect(shadow(el).activeElement).toBe(options[1]);
    expect(options.map((o) => o.tabIndex)).toEqual([-1, 0, -1, -1, -1]);
    key(options[1]!, 'End');
    expect(shadow(el).activeElement).toBe(options[4]);
    key(options[4]!, 'ArrowDown');
    expect(shadow(el).activeElement).toBe(options[0]);
    key(options[0]!, 'ArrowLeft');
    expect(shadow(el).activeElement).toBe(options[4]);
    key(options[4]!, 'Home');
    expect(shadow(el).activeElement).toBe(options[0]);
    expect(answers).toEqual([]);
  });

  it('mirrors left and right arrows when the locale is right-to-left', async () => {
    const el = await mount(makeSurvey({ type: 'csat' }), { locale: 'ar' });
    expect(el.dir).toBe('rtl');
    expect(el.lang).toBe('ar');
    const options = radios(el);
    options[0]!.focus();
    key(options[0]!, 'ArrowLeft');
    expect(shadow(el).activeElement).toBe(options[1]);
  });

  it('submits once when the shopper clicks twice', async () => {
    const el = await mount(makeSurvey());
    const answers = answersOf(el);
    radios(el)[3]!.click();
    radios(el)[5]!.click();
    expect(answers).toEqual([{ value: 3 }]);
  });

  it('asks the follow-up after an answer it applies to, then sends value and comment', async () => {
    const el = await mount(makeSurvey({}, { followUp: { text: 'What went wrong?', values: [0, 1, 2, 3, 4, 5, 6], maxLength: 40 } }));
    const answers = answersOf(el);
    radios(el)[3]!.click();
    await el.updateComplete;
    expect(el.phase).toBe('follow-up');
    expect(answers).toEqual([]);
    const field = shadow(el).querySelector('textarea')!;
    expect(shadow(el).querySelector(`label[for="${field.id}"]`)!.textContent).toBe('What went wrong?');
    expect(field.maxLength).toBe(40);
    type(field, '  Too slow  ');
    await el.updateComplete;
    expect(shadow(el).querySelector('[part="counter"]')!.textContent).toBe('12 of 40 characters');
    shadow(el).querySelector<HTMLButtonElement>('[part="submit"]')!.click();
    expect(answers).toEqual([{ value: 3, comment: 'Too slow' }]);
  });

  it('submits at once when the answer is not one the follow-up applies to', async () => {
    const el = await mount(makeSurvey({}, { followUp: { values: [0, 1, 2] } }));
    const answers = answersOf(el);
    radios(el)[9]!.click();
    expect(answers).toEqual([{ value: 9 }]);
    expect(el.phase).toBe('question');
  });

  it('sends the answer without a comment when the follow-up is left empty', async () => {
    const el = await mount(makeSurvey({ type: 'thumbs' }, { followUp: {} }));
    const answers = answersOf(el);
    radios(el)[1]!.click();
    await el.updateComplete;
    expect(shadow(el).querySelector('label')!.textContent).toBe('Anything else you would like to tell us?');
    shadow(el).querySelector<HTMLButtonElement>('[part="submit"]')!.click();
    expect(answers).toEqual([{ value: false }]);
  });

  it('keeps the picked score when the shopper closes the follow-up', async () => {
    const el = await mount(makeSurvey({ type: 'csat' }, { followUp: {} }));
    const answers = answersOf(el);
    const order: string[] = [];
    el.addEventListener('moments:answer', () => order.push('answer'));
    el.addEventListener('moments:dismiss', () => order.push('dismiss'));
    radios(el)[1]!.click();
    await el.updateComplete;
    key(shadow(el).querySelector('textarea')!, 'Escape');
    expect(answers).toEqual([{ value: 2 }]);
    expect(order).toEqual(['answer', 'dismiss']);
  });

  it('keeps send disabled until a text answer is typed, counts characters and sends trimmed text', async () => {
    const el = await mount(makeSurvey({ type: 'text', text: 'What could we do better?', maxLength: 200 }));
    const answers = answersOf(el);
    const field = shadow(el).querySelector('textarea')!;
    const send = shadow(el).querySelector<HTMLButtonElement>('[part="submit"]')!;
    expect(field.getAttribute('aria-describedby')).toBe('n');
    expect(field.maxLength).toBe(200);
    expect(send.disabled).toBe(true);
    type(field, ' Faster ');
    await el.updateComplete;
    expect(send.disabled).toBe(false);
    expect(shadow(el).getElementById('n')!.textContent).toBe('8 of 200 characters');
    send.click();
    expect(answers).toEqual([{ value: 'Faster' }]);
  });

  it('fires moments:dismiss when × is clicked or Escape is pressed', async () => {
    const el = await mount(makeSurvey());
    let dismissed = 0;
    el.addEventListener('moments:dismiss', () => dismissed++);
    const close = shadow(el).querySelector<HTMLButtonElement>('[part="close"]')!;
    expect(close.getAttribute('aria-label')).toBe('Close');
    close.click();
    key(radios(el)[0]!, 'Escape');
    key(radios(el)[0]!, 'Enter');
    radios(el)[0]!.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', isComposing: true, bubbles: true, composed: true }));
    expect(dismissed).toBe(2);
  });

  it('shows the survey thanks in the live region and names the dialog by it when phase is thanks', async () => {
    const el = await mount(makeSurvey({}, { thanks: 'Cheers!' }));
    el.phase = 'thanks';
    await el.updateComplete;
    const status = shadow(el).querySelector('[role="status"]')!;
    expect(status.textContent).toBe('Cheers!');
    expect(status.classList.contains('sr')).toBe(false);
    expect(shadow(el).querySelector('[role="dialog"]')!.getAttribute('aria-labelledby')).toBe(status.id);
    expect(radios(el)).toEqual([]);
  });

  it('announces the card politely a moment after it appears', async () => {
    vi.useFakeTimers();
    const el = await mount(makeSurvey({ text: 'Rate us' }));
    const status = shadow(el).querySelector('[role="status"]')!;
    expect(status.textContent).toBe('');
    vi.advanceTimersByTime(ANNOUNCE_DELAY_MS);
    await el.updateComplete;
    expect(status.textContent).toBe('Survey: Rate us');
    expect(status.classList.contains('sr')).toBe(true);
  });

  it('returns focus to where the shopper came from when the card is dismissed', async () => {
    const outside = document.createElement('button');
    document.body.append(outside);
    outside.focus();
    const el = await mount(makeSurvey());
    radios(el)[0]!.dispatchEvent(new FocusEvent('focusin', { bubbles: true, composed: true, relatedTarget: outside }));
    radios(el)[0]!.focus();
    key(radios(el)[0]!, 'Escape');
    expect(document.activeElement).toBe(outside);
  });

  it('renders hostile config strings as text, never as HTML', async () => {
    const survey = makeSurvey(
      { type: 'choice', text: HOSTILE, options: [HOSTILE], lowLabel: HOSTILE },
      { thanks: HOSTILE, translations: { de: { text: HOSTILE } } },
    );
    for (const locale of ['en', 'de']) {
      const el: MomentSurvey = await mount(survey, { locale });
      el.phase = locale === 'de' ? 'thanks' : 'question';
      await el.updateComplete;
      expect(shadow(el).querySelector('img, b')).toBeNull();
      expect(shadow(el).textContent).toContain(HOSTILE);
    }
    expect((globalThis as { pwned?: number }).pwned).toBeUndefined();
  });

  it('uses the survey translation for the locale but answers with the original option', async () => {
    const survey = makeSurvey(
      { type: 'choice', text: 'Why?', options: ['Price', 'Speed'] },
      { translations: { de: { text: 'Warum?', options: ['Preis', 'Tempo'] } } },
    );
    const el = await mount(survey, { locale: 'de-at' });
    const answers = answersOf(el);
    expect(shadow(el).getElementById('q')!.textContent).toBe('Warum?');
    expect(radios(el).map(nameOf)).toEqual(['Preis', 'Tempo']);
    radios(el)[1]!.click();
    expect(answers).toEqual([{ value: 'Speed' }]);
  });

  it('prefers the translation for the exact region, in any letter case, over the language', async () => {
    const survey = makeSurvey({ text: 'Rate us' }, { translations: { pt: { text: 'Avalie-nos' }, 'pt-BR': { text: 'Avalie a gente' } } });
    const br = await mount(survey, { locale: 'pt-br' });
    expect(shadow(br).getElementById('q')!.textContent).toBe('Avalie a gente');
    const pt = await mount(survey, { locale: 'pt-PT' });
    expect(shadow(pt).getElementById('q')!.textContent).toBe('Avalie-nos');
  });

  it('sets theme custom properties, scheme and backdrop on the host when given a theme', async () => {
    const el = await mount(makeSurvey(), { theme: { accent: '#ff0066', radius: '4px', scheme: 'dark', backdrop: true } });
    expect(el.style.getPropertyValue('--moments-accent')).toBe('#ff0066');
    expect(el.style.getPropertyValue('--moments-radius')).toBe('4px');
    expect(el.getAttribute('scheme')).toBe('dark');
    expect(el.hasAttribute('backdrop')).toBe(true);
    el.theme = {};
    await el.updateComplete;
    expect(el.style.getPropertyValue('--moments-accent')).toBe('');
    expect(el.hasAttribute('scheme')).toBe(false);
  });

  it('starts over at the question when it is given another survey', async () => {
    const el = await mount(makeSurvey({}, { followUp: {} }));
    radios(el)[2]!.click();
    await el.updateComplete;
    expect(el.phase).toBe('follow-up');
    el.survey = makeSurvey({ type: 'csat' });
    await el.updateComplete;
    expect(el.phase).toBe('question');
    expect(radios(el)).toHaveLength(5);
  });
});

describe('MomentSurvey on a phone', () => {
  it('lifts the card above the on-screen keyboard when the visual viewport shrinks', async () => {
    const viewport = Object.assign(new EventTarget(), { height: innerHeight, offsetTop: 0 });
    const original = Object.getOwnPropertyDescriptor(window, 'visualViewport');
    Object.defineProperty(window, 'visualViewport', { configurable: true, value: viewport });
    try {
      const el = await mount(makeSurvey({ type: 'text' }));
      viewport.height = innerHeight - 300;
      viewport.dispatchEvent(new Event('resize'));
      expect(el.style.getPropertyValue('--_kb')).toBe('300px');
      viewport.height = innerHeight;
      viewport.dispatchEvent(new Event('resize'));
      expect(el.style.getPropertyValue('--_kb')).toBe('0px');
      el.remove();
      viewport.height = 10;
      viewport.dispatchEvent(new Event('resize'));
      expect(el.style.getPropertyValue('--_kb')).toBe('0px');
    } finally {
      if (original) Object.defineProperty(window, 'visualViewport', original);
      else delete (window as { visualViewport?: unknown }).visualViewport;
    }
  });
});
