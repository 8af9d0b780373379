import type { Survey } from '@moments/core';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { lazyShowSurvey } from '../src/index.js';

const survey = { id: 'nps', moment: 'purchase', question: { type: 'nps', text: 'Recommend us?' } } as Survey;
const handlers = { answer: vi.fn(async () => undefined), dismiss: vi.fn(), closed: vi.fn() };

afterEach(() => {
  document.body.innerHTML = '';
});

describe('lazyShowSurvey', () => {
  it("passes the config's theme and the page locale through to the card", async () => {
    const theme = { accent: '#0b6e4f', radius: '4px' };
    const view = await lazyShowSurvey(survey, handlers, { locale: 'de', theme });
    const card = document.querySelector<HTMLElement & { locale: string; theme: unknown }>('moment-survey');
    expect(card).not.toBeNull();
    expect(card!.locale).toBe('de');
    expect(card!.theme).toEqual(theme);
    view.close();
  });
});
