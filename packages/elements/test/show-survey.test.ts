// SPDX-License-Identifier: MIT
import type { AnswerValue, SurveyHandlers } from '@moments/core';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { showSurvey, THANKS_MS } from '../src/index.js';
import { makeSurvey, radios, shadow } from './helpers.js';

/** Stub handlers that record calls; `answer` resolves (or rejects) when the test says so. */
function stubHandlers(outcome: 'store' | 'fail' = 'store') {
  const calls = { answers: [] as Array<[AnswerValue, string | undefined]>, dismissed: 0, closed: 0 };
  const handlers: SurveyHandlers = {
    answer: (value, comment) => {
      calls.answers.push([value, comment]);
      return outcome === 'store' ? Promise.resolve() : Promise.reject(new Error('storage-failed'));
    },
    dismiss: () => void calls.dismissed++,
    closed: () => void calls.closed++,
  };
  return { calls, handlers };
}

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));
const card = () => document.querySelector('moment-survey')!;

afterEach(() => {
  document.body.replaceChildren();
  document.documentElement.lang = '';
  vi.useRealTimers();
});

describe('showSurvey', () => {
  it('appends a bottom-right card, says thanks once the answer is stored, and closes after THANKS_MS', async () => {
    const { calls, handlers } = stubHandlers();
    await showSurvey(makeSurvey({}, { thanks: 'Cheers!' }), handlers);
    expect(card().placement).toBe('bottom-right');
    vi.useFakeTimers();
    radios(card())[8]!.click();
    await vi.advanceTimersByTimeAsync(0);
    expect(calls.answers).toEqual([[8, undefined]]);
    expect(card().phase).toBe('thanks');
    await card().updateComplete;
    expect(shadow(card()).querySelector('[role="status"]')!.textContent).toBe('Cheers!');
    await vi.advanceTimersByTimeAsync(THANKS_MS - 1);
    expect(card()).not.toBeNull();
    expect(calls.closed).toBe(0);
    await vi.advanceTimersByTimeAsync(1);
    expect(document.querySelector('moment-survey')).toBeNull();
    expect(calls.dismissed).toBe(0);
    expect(calls.closed).toBe(1);
  });

  it('passes the follow-up comment to handlers.answer', async () => {
    const { calls, handlers } = stubHandlers();
    await showSurvey(makeSurvey({}, { followUp: {} }), handlers);
    radios(card())[2]!.click();
    await card().updateComplete;
    const field = shadow(card()).querySelector('textarea')!;
    field.value = 'Late';
    field.dispatchEvent(new Event('input'));
    shadow(card()).querySelector<HTMLButtonElement>('[part="submit"]')!.click();
    await flush();
    expect(calls.answers).toEqual([[2, 'Late']]);
  });

  it('records a dismissal and removes the card when the shopper closes it', async () => {
    const { calls, handlers } = stubHandlers();
    await showSurvey(makeSurvey(), handlers);
    shadow(card()).querySelector<HTMLButtonElement>('[part="close"]')!.click();
    expect(calls.dismissed).toBe(1);
    expect(calls.closed).toBe(1);
    expect(document.querySelector('moment-survey')).toBeNull();
  });

  it('does not record a dismissal when the card is closed during thanks', async () => {
    const { calls, handlers } = stubHandlers();
    await showSurvey(makeSurvey(), handlers);
    radios(card())[5]!.click();
    await flush();
    shadow(card()).querySelector<HTMLButtonElement>('[part="close"]')!.click();
    expect(calls.dismissed).toBe(0);
    expect(document.querySelector('moment-survey')).toBeNull();
  });

  it('stores the picked score, and records no dismissal, when the follow-up is closed', async () => {
    const { calls, handlers } = stubHandlers();
    await showSurvey(makeSurvey({}, { followUp: {} }), handlers);
    radios(card())[7]!.click();
    await card().updateComplete;
    shadow(card()).querySelector<HTMLButtonElement>('[part="close"]')!.click();
    await flush();
    expect(calls).toEqual({ answers: [[7, undefined]], dismissed: 0, closed: 1 });
    expect(document.querySelector('moment-survey')).toBeNull();
  });

  it('closes without thanks when the answer could not be stored', async () => {
    const { handlers } = stubHandlers('fail');
    await showSurvey(makeSurvey(), handlers);
    radios(card())[5]!.click();
    await flush();
    expect(document.querySelector('moment-survey')).toBeNull();
  });

  it('removes the card when core closes the view', async () => {
    const view = await showSurvey(makeSurvey(), stubHandlers().handlers);
    view.close();
    expect(document.querySelector('moment-survey')).toBeNull();
  });

  it('renders into the page’s own <moment-survey> for inline placement and keeps it on close', async () => {
    document.body.innerHTML = '<moment-survey data-survey="other"></moment-survey><moment-survey data-survey="s1"></moment-survey>';
    const view = await showSurvey(makeSurvey({}, { placement: 'inline' }), stubHandlers().handlers);
    const [other, mine] = document.querySelectorAll('moment-survey');
    expect(other!.survey).toBeUndefined();
    expect(mine!.survey?.id).toBe('s1');
    expect(mine!.placement).toBe('inline');
    view.close();
    expect(mine!.isConnected).toBe(true);
    expect(mine!.survey).toBeUndefined();
  });

  it('leaves a later survey in the same inline element alone when the earlier view closes again', async () => {
    document.body.innerHTML = '<moment-survey></moment-survey>';
    const first = await showSurvey(makeSurvey({}, { placement: 'inline' }), stubHandlers().handlers);
    first.close();
    await showSurvey(makeSurvey({ type: 'csat' }, { id: 's2', placement: 'inline' }), stubHandlers().handlers);
    first.close();
    expect(card().survey?.id).toBe('s2');
  });

  it('falls back to a bottom-right card when no inline element stands in the page', async () => {
    await showSurvey(makeSurvey({}, { placement: 'inline' }), stubHandlers().handlers);
    expect(card().placement).toBe('bottom-right');
    expect(card().parentElement).toBe(document.body);
  });

  it('keeps the configured placement and theme', async () => {
    await showSurvey(makeSurvey({}, { placement: 'center' }), stubHandlers().handlers, { theme: { scheme: 'light' } });
    expect(card().getAttribute('placement')).toBe('center');
    expect(card().getAttribute('scheme')).toBe('light');
  });

  it('loads the locale from options, else from <html lang>, and mirrors right-to-left locales', async () => {
    await showSurvey(makeSurvey(), stubHandlers().handlers, { locale: 'de-DE' });
    expect(shadow(card()).querySelector('[part="close"]')!.getAttribute('aria-label')).toBe('Schließen');
    expect(shadow(card()).querySelector('[part="labels"]')!.textContent).toBe('UnwahrscheinlichSehr wahrscheinlich');
    document.body.replaceChildren();
    document.documentElement.lang = 'he';
    await showSurvey(makeSurvey(), stubHandlers().handlers);
    expect(card().dir).toBe('rtl');
    expect(shadow(card()).querySelector('[part="close"]')!.getAttribute('aria-label')).toBe('סגירה');
  });
});
