import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../../src/decide/config/parseConfig.js';

const nps = { id: 'a', moment: 'purchase', question: { type: 'nps', text: 'Recommend us?' } };
const parse = (config: Record<string, unknown>) => parseConfig({ endpoint: '/collect', surveys: [nps], ...config });
const survey = (fields: Record<string, unknown>) => parse({ surveys: [{ ...nps, ...fields }] });

describe('parseConfig', () => {
  it('accepts a valid config', () => {
    const result = parseConfig({ endpoint: '/collect', surveys: [nps] });
    expect(result).toMatchObject({ ok: true, issues: [], config: { endpoint: '/collect', surveys: [nps] } });
  });

  it('accepts every documented field', () => {
    const full = {
      endpoint: '/collect',
      headers: { authorization: 'Bearer x' },
      format: 'cloudevents',
      locale: 'de-CH',
      theme: { accent: '#333' },
      fatigue: { minDaysBetweenSurveys: 7, maxPerSession: 1 },
      dataLayer: { purchase: 'purchase' },
      consent: 'pending',
      respectGpc: true,
      fullUrl: false,
      report: ['shown', 'dismissed'],
      debug: true,
      surveys: [
        {
          id: 'full',
          moment: ['purchase', 'delivered'],
          question: { type: 'rating', text: 'Stars?', scale: 10, lowLabel: 'Bad', highLabel: 'Good' },
          followUp: { text: 'Why?', when: 'low', placeholder: 'Tell us' },
          thanks: 'Thanks!',
          delayMs: 500,
          placement: 'center',
          sample: 0.25,
          recontactDays: 30,
          oncePer: 'orderId',
          priority: 'critical',
          url: { prefix: '/checkout', regex: '^/checkout/(thanks|done)$' },
          on: { pageView: true, exitIntent: true, scrollDepth: 50, timeOnPageMs: 10_000 },
          after: { days: 3, hours: 2 },
          device: 'desktop',
          locales: ['en', 'de-CH'],
        },
        { id: 'c', moment: 'x', question: { type: 'choice', text: 'Which?', options: ['A', 'B'] } },
        { id: 'e', moment: 'x', question: { type: 'emoji', text: 'How?', faces: 3 } },
      ],
    };
    const result = parseConfig(full);
    expect(result.issues).toEqual([]);
    expect(result).toMatchObject({ ok: true, config: full });
  });

  it('names the path and the problem when a question type is unknown, and keeps the valid surveys', () => {
    const bad = { ...nps, id: 'b', question: { type: 'bogus', text: 'x' } };
    const result = parseConfig({ endpoint: '/collect', surveys: [bad, nps] });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.config.surveys.map((s) => s.id)).toEqual(['a']);
    expect(result.issues).toEqual([
      { path: 'surveys[0].question.type', message: expect.stringMatching(/^expected one of nps, csat, .*; got "bogus"$/) },
    ]);
  });

  it('fails the whole config when the endpoint is missing', () => {
    const result = parseConfig({ surveys: [] });
    expect(result).toEqual({ ok: false, issues: [{ path: 'endpoint', message: 'expected text; got nothing' }] });
  });

  it('reports a non-object config at the root', () => {
    const result = parseConfig('nope');
    expect(result.ok).toBe(false);
    expect(result.issues[0]).toEqual({ path: '(config)', message: 'expected object; got "nope"' });
  });

  it('reports unknown keys with their path and ignores them without failing', () => {
    const result = parseConfig({
      endpoint: '/c',
      colour: 'red',
      surveys: [{ ...nps, dleayMs: 5, question: { ...nps.question, txt: 'x' } }],
    });
    expect(result.ok).toBe(true);
    expect(result.issues).toEqual([
      { path: 'colour', message: 'unknown key ignored' },
      { path: 'surveys[0].question.txt', message: 'unknown key ignored' },
      { path: 'surveys[0].dleayMs', message: 'unknown key ignored' },
    ]);
    if (result.ok) expect(result.config.surveys[0]).toEqual(nps);
  });

  it('drops __proto__, constructor and prototype keys without polluting any prototype', () => {
    const input = JSON.parse(
      '{"endpoint":"/c","__proto__":{"polluted":1},"headers":{"constructor":"x","__proto__":{"polluted":2},"a":"b"},"surveys":[{"id":"a","moment":"m","question":{"type":"nps","text":"q"},"prototype":{"polluted":3}}]}',
    );
    const result = parseConfig(input);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(Object.getPrototypeOf(result.config.headers)).toBe(Object.prototype);
    expect(result.config.headers).toEqual({ a: 'b' });
    expect(result.issues.map((i) => i.path)).toEqual(['__proto__', 'headers.constructor', 'headers.__proto__', 'surveys[0].prototype']);
    expect(result.issues.every((i) => i.message === 'unsafe key ignored')).toBe(true);
  });

  it.each([
    [{ sample: 2 }, 'surveys[0].sample', 'expected a number from 0 to 1; got 2'],
    [{ delayMs: -1 }, 'surveys[0].delayMs', 'expected a whole number 0 or more; got -1'],
    [{ recontactDays: 1.5 }, 'surveys[0].recontactDays', 'expected a whole number 0 or more; got 1.5'],
    [{ moment: [] }, 'surveys[0].moment', 'expected text or a list of texts; got []'],
    [{ moment: ['a', 3] }, 'surveys[0].moment[1]', 'expected text; got 3'],
    [{ id: '' }, 'surveys[0].id', 'expected text; got ""'],
    [{ priority: 'urgent' }, 'surveys[0].priority', 'expected one of critical, encounter; got "urgent"'],
    [{ url: { regex: '(' } }, 'surveys[0].url.regex', 'expected a valid regular expression; got "("'],
    [{ on: { exitIntent: 'yes' } }, 'surveys[0].on.exitIntent', 'expected true or false; got "yes"'],
    [{ on: { scrollDepth: 0 } }, 'surveys[0].on.scrollDepth', 'expected a whole number from 1 to 100; got 0'],
    [{ question: { type: 'rating', text: 'q', scale: 11 } }, 'surveys[0].question.scale', 'expected a whole number from 3 to 10; got 11'],
    [{ question: { type: 'emoji', text: 'q', faces: 4 } }, 'surveys[0].question.faces', 'expected 3 or 5; got 4'],
    [
      { question: { type: 'choice', text: 'q', options: ['only'] } },
      'surveys[0].question.options',
      'expected at least 2 options for a choice question; got ["only"]',
    ],
    [{ question: 'nps' }, 'surveys[0].question', 'expected object; got "nps"'],
    [{ followUp: { text: 'Why?', when: 'sometimes' } }, 'surveys[0].followUp.when', 'expected one of always, low, high; got "sometimes"'],
  ])('explains a bad survey field %j at its path and skips only that survey', (fields, path, message) => {
    const result = survey(fields);
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.config.surveys).toEqual([]);
    expect(result.issues).toContainEqual({ path, message });
  });

  it.each([
    [{ headers: { a: 1 } }, 'headers.a', 'expected string; got 1'],
    [{ headers: 'x' }, 'headers', 'expected object of strings or a function; got "x"'],
    [{ consent: 'maybe' }, 'consent', 'expected one of granted, pending; got "maybe"'],
    [{ report: ['answered'] }, 'report[0]', 'expected one of triggered, skipped, shown, dismissed; got "answered"'],
    [{ fatigue: { maxPerSession: -2 } }, 'fatigue.maxPerSession', 'expected a whole number 0 or more; got -2'],
    [{ surveys: {} }, 'surveys', 'expected array; got {}'],
  ])('fails the config for a bad top-level field %j, naming its path', (fields, path, message) => {
    const result = parse(fields);
    expect(result.ok).toBe(false);
    expect(result.issues).toContainEqual({ path, message });
  });

  it('reports instead of throwing when reading the config throws', () => {
    const hostile = { endpoint: '/c', surveys: [] };
    Object.defineProperty(hostile, 'locale', {
      enumerable: true,
      get: () => {
        throw new Error('boom');
      },
    });
    const result = parseConfig(hostile);
    expect(result).toEqual({ ok: false, issues: [{ path: '(config)', message: expect.stringContaining('boom') }] });
  });

  it('cuts a cyclic config instead of recursing forever', () => {
    const cyclic: Record<string, unknown> = { endpoint: '/c', surveys: [] };
    cyclic['theme'] = cyclic;
    expect(() => parseConfig(cyclic)).not.toThrow();
  });
});
