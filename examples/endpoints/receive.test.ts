// SPDX-License-Identifier: MIT
import { describe, expect, it } from 'vitest';
import { makeAnswer, makeEvent } from './fixtures.js';
import { corsHeaders, parseBatch } from './receive.mjs';

const problem = (body: unknown) => {
  const result = parseBatch(JSON.stringify(body));
  return result.ok ? undefined : `${result.code}: ${result.message}`;
};

describe('parseBatch', () => {
  it('returns answers and events when the batch is well formed', () => {
    const result = parseBatch(JSON.stringify({ answers: [makeAnswer(1)], events: [makeEvent(1)] }));
    expect(result).toEqual({ ok: true, answers: [makeAnswer(1)], events: [makeEvent(1)] });
  });

  it('keeps unknown keys when a newer SDK adds them', () => {
    const result = parseBatch(JSON.stringify({ answers: [{ ...makeAnswer(1), mood: 'calm' }], v: 2 }));
    expect(result.ok && result.answers[0]?.['mood']).toBe('calm');
  });

  it('names the path of the first problem when the batch is malformed', () => {
    expect(problem([])).toBe('invalid-batch: expected {"answers": [...]}');
    expect(problem({ answer: [] })).toBe('invalid-batch: expected {"answers": [...]}');
    expect(problem({ answers: [makeAnswer(1), 7] })).toBe('invalid-batch: answers[1]: expected an object');
    expect(problem({ answers: [makeAnswer(1, { surveyId: '' })] })).toBe('invalid-batch: answers[0].surveyId: expected a non-empty string');
    expect(problem({ answers: [{ ...makeAnswer(1), question: 'nps' }] })).toBe('invalid-batch: answers[0].question: expected {type, text}');
    expect(problem({ answers: [{ ...makeAnswer(1), value: null }] })).toBe(
      'invalid-batch: answers[0].value: expected a number, string or boolean',
    );
    expect(problem({ answers: [], events: {} })).toBe('invalid-batch: events: expected an array');
    expect(problem({ answers: [], events: [{ ...makeEvent(1), kind: undefined }] })).toBe(
      'invalid-batch: events[0].kind: expected a non-empty string',
    );
  });

  it('reports invalid-json when the body is not JSON', () => {
    expect(parseBatch('answers=1')).toMatchObject({ ok: false, code: 'invalid-json' });
  });
});

describe('corsHeaders', () => {
  it('grants only the configured origin when a list is given', () => {
    expect(corsHeaders('https://shop.example', ['https://shop.example'])['access-control-allow-origin']).toBe('https://shop.example');
    expect(corsHeaders('https://shop.example.evil.test', ['https://shop.example'])).toEqual({});
    expect(corsHeaders(undefined, ['*'])).toEqual({});
  });
});
