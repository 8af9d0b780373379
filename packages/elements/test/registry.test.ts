// SPDX-License-Identifier: MIT
// A module state of its own (one registration per page): this file starts with the name taken.
import type { SurveyHandlers } from '@moments/core';
import { describe, expect, it, vi } from 'vitest';
import { defineMomentSurvey, MomentSurvey, showSurvey, SURVEY_TAG } from '../src/index.js';
import { makeSurvey } from './helpers.js';

class Other extends HTMLElement {}

describe('defineMomentSurvey with <moment-survey> already taken', () => {
  it('registers the card under the next free moment-survey-<n>, once', () => {
    customElements.define(SURVEY_TAG, Other);
    customElements.define(`${SURVEY_TAG}-2`, class extends HTMLElement {});
    expect(defineMomentSurvey()).toBe('moment-survey-3');
    expect(defineMomentSurvey()).toBe('moment-survey-3');
    expect(customElements.get('moment-survey-3')).toBe(MomentSurvey);
    expect(customElements.get(SURVEY_TAG)).toBe(Other);
  });

  it('shows the card under that tag, rendered by the time showSurvey resolves, and leaves the page’s element alone', async () => {
    document.body.innerHTML = '<moment-survey data-survey="s1"></moment-survey>';
    const handlers: SurveyHandlers = { answer: vi.fn(async () => undefined), dismiss: vi.fn(), closed: vi.fn() };
    await showSurvey(makeSurvey({}, { placement: 'inline' }), handlers);
    const card = document.querySelector<MomentSurvey>('moment-survey-3')!;
    expect(card.placement).toBe('bottom-right');
    expect(card.shadowRoot!.querySelector('[part="card"]')).not.toBeNull();
    expect(document.querySelector('moment-survey')!.shadowRoot).toBeNull();
  });
});
