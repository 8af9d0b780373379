import { describe, expect, it } from 'vitest';
import { cut, limitAnswer, LIMITS } from '../../src/shared/limits.js';
import { answer } from '../deliver/fakes.js';

describe('LIMITS', () => {
  it('matches what the collector accepts', () => {
    expect(LIMITS).toEqual({ contextKey: 100, contextValue: 2000, comment: 5000, value: 5000, url: 2000, questionText: 2000 });
  });
});

describe('cut', () => {
  it('keeps text within the limit as it is', () => expect(cut('abc', 3)).toBe('abc'));
  it('cuts to the limit', () => expect(cut('abcdef', 4)).toBe('abcd'));
  it('never splits a surrogate pair', () => {
    const text = `${'a'.repeat(3)}😀`;
    expect(cut(text, 4)).toBe('aaa');
    expect(cut(text, 5)).toBe(text);
    expect(cut(`${text}b`, 5)).toBe(text);
  });
});

describe('limitAnswer', () => {
  it('returns the same answer when nothing is too long', () => {
    const a = answer('a1', { comment: 'fine', context: { orderId: 'A-1', n: 3 } });
    expect(limitAnswer(a)).toBe(a);
  });

  it('cuts a long context value and notes its path', () => {
    const a = answer('a1', { context: { utm: 'x'.repeat(2500), orderId: 'A-1' } });
    const limited = limitAnswer(a);
    expect(limited.context).toEqual({ utm: 'x'.repeat(2000), orderId: 'A-1' });
    expect(limited.truncated).toEqual(['context.utm']);
    expect(a.context['utm']).toHaveLength(2500);
  });

  it('cuts a long context key, keeping the first of two keys that then collide', () => {
    const long = 'k'.repeat(150);
    const limited = limitAnswer(answer('a1', { context: { [long]: 1, [`${long}z`]: 2 } }));
    expect(limited.context).toEqual({ ['k'.repeat(100)]: 1 });
    expect(limited.truncated).toEqual([`context.${'k'.repeat(100)}:key`, `context.${'k'.repeat(100)}:key`]);
  });

  it('cuts comment, url, a text value and the question text', () => {
    const limited = limitAnswer(
      answer('a1', {
        comment: 'c'.repeat(6000),
        url: `https://shop.test/?${'q'.repeat(3000)}`,
        value: 'v'.repeat(5001),
        question: { type: 'text', text: 't'.repeat(2001) },
      }),
    );
    expect(limited.comment).toHaveLength(5000);
    expect(limited.url).toHaveLength(2000);
    expect(limited.value).toHaveLength(5000);
    expect(limited.question).toEqual({ type: 'text', text: 't'.repeat(2000) });
    expect(limited.truncated).toEqual(['question.text', 'value', 'url', 'comment']);
  });

  it('leaves numbers, booleans and null in context alone', () => {
    const limited = limitAnswer(answer('a1', { context: { n: 1e300, b: false, z: null, s: 'y'.repeat(2001) } }));
    expect(limited.context).toEqual({ n: 1e300, b: false, z: null, s: 'y'.repeat(2000) });
  });

  it('adds to an earlier truncated list instead of replacing it', () => {
    const limited = limitAnswer(answer('a1', { truncated: ['context.x'], comment: 'c'.repeat(5001) }));
    expect(limited.truncated).toEqual(['context.x', 'comment']);
  });
});
