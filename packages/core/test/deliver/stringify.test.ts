// A page that patched toJSON (Prototype.js) must still get correct JSON from every format.
import { afterEach, describe, expect, it } from 'vitest';
import { cloudEventsFormat, jsonFormat } from '../../src/deliver/formats.js';
import { stringify } from '../../src/deliver/stringify.js';
import { answer } from './fakes.js';

type Patched = { toJSON?: () => unknown };
const arrayProto = Array.prototype as unknown as Patched;
const objectProto = Object.prototype as unknown as Patched;

afterEach(() => {
  delete arrayProto.toJSON;
  delete objectProto.toJSON;
});

/** Prototype.js 1.6's Array#toJSON: the array as a JSON string, so it nests as `"[…]"`. */
function patchLikePrototypeJs(): void {
  Object.defineProperty(Array.prototype, 'toJSON', {
    configurable: true,
    writable: true,
    value(this: unknown[]) {
      return `[${this.map((item) => JSON.stringify(item)).join(', ')}]`;
    },
  });
}

describe('stringify', () => {
  it('is JSON.stringify on an unpatched page', () => {
    const value = { a: [1, 'x', { b: null }], c: true };
    expect(stringify(value)).toBe(JSON.stringify(value));
  });

  it('ignores an Array.prototype.toJSON, as Prototype.js adds', () => {
    patchLikePrototypeJs();
    expect(JSON.stringify({ answers: [1] })).toBe('{"answers":"[1]"}');
    expect(stringify({ answers: [1, [2]] })).toBe('{"answers":[1,[2]]}');
    expect(stringify([1])).toBe('[1]');
  });

  it('ignores an Object.prototype.toJSON and leaves the page its patch', () => {
    objectProto.toJSON = () => 'patched';
    expect(stringify({ a: { b: 1 } })).toBe('{"a":{"b":1}}');
    expect(typeof objectProto.toJSON).toBe('function');
  });
});

describe('formats on a page with a patched toJSON', () => {
  it('keep "answers" an array in the JSON format and the CloudEvents batch', async () => {
    patchLikePrototypeJs();
    const withContext = answer('a1', { context: { tags: 'x' } });
    const json = JSON.parse((await jsonFormat([withContext], [], { key: 'k' })).body) as unknown;
    expect(json).toEqual({ answers: [withContext], key: 'k' });
    const events = JSON.parse((await cloudEventsFormat([withContext], [])).body) as unknown[];
    expect(Array.isArray(events)).toBe(true);
    expect(events).toHaveLength(1);
  });
});
