// SPDX-License-Identifier: MIT
import type { Schema } from './schemaKit.js';

type Note = (path: PropertyKey[], message: string) => void;

/** Keys that could reach `Object.prototype` if a later step merged or assigned them. */
const UNSAFE = /^(__proto__|constructor|prototype)$/;
/** Deeper than any real config: stops a hostile or cyclic object from exhausting the stack. */
const MAX_DEPTH = 12;

/**
 * A clean copy of a config (or part of one) before its schema checks it: fresh arrays and plain
 * objects only, cut at `MAX_DEPTH`, without `__proto__`/`constructor`/`prototype` keys
 * ("unsafe key ignored") and without keys the schema's objects do not declare ("unknown key
 * ignored"), each reported through `note` with its path. The schema's own definition is the
 * list of known keys, so it is never written twice. Dropping unknown keys silently, or failing
 * a whole survey for one typo, would both serve merchants worse.
 * Functions and primitives are kept as they are.
 */
export function clean(schema: Schema<unknown> | undefined, value: unknown, note: Note, path: PropertyKey[] = []): unknown {
  const shape = schema?.shape;
  if (!value || typeof value !== 'object') return value;
  if (path.length >= MAX_DEPTH) return undefined;
  if (Array.isArray(value)) return value.map((item, i) => clean(undefined, item, note, [...path, i]));
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value)) {
    const unsafe = UNSAFE.test(key);
    if (unsafe || (shape && !Object.prototype.hasOwnProperty.call(shape, key)))
      note([...path, key], `${unsafe ? 'unsafe' : 'unknown'} key ignored`);
    else out[key] = clean(shape?.[key], (value as Record<string, unknown>)[key], note, [...path, key]);
  }
  return out;
}
