import { describe, expect, it } from 'vitest';
import { toContext } from '../../../src/eager/triggers/context.js';

describe('toContext', () => {
  it('keeps own flat JSON values and drops the rest', () => {
    const input = { a: 'x', b: 1, c: true, d: null, e: { nested: 1 }, f: () => 1, g: Infinity, h: undefined, i: Symbol('s'), j: 10n };
    expect(toContext(input)).toEqual({ a: 'x', b: 1, c: true, d: null });
  });

  it('drops prototype-polluting keys', () => {
    const context = toContext(JSON.parse('{"__proto__":"x","constructor":"y","prototype":"z","ok":"1"}'));
    expect(context).toEqual({ ok: '1' });
    expect(Object.getPrototypeOf(context)).toBe(Object.prototype);
  });

  it('gives {} for anything that is not an object, and survives a throwing getter', () => {
    expect(toContext('abc')).toEqual({});
    expect(toContext(undefined)).toEqual({});
    const hostile = { a: '1' };
    Object.defineProperty(hostile, 'b', {
      enumerable: true,
      get: () => {
        throw new Error('no');
      },
    });
    expect(toContext(hostile)).toEqual({ a: '1' });
  });
});
