// SPDX-License-Identifier: MIT
import type * as z from 'zod/mini';

type Def = { shape?: Record<string, Schema>; innerType?: Schema };
type Schema = z.core.$ZodType | { _zod: { def: Def } };
type Note = (path: PropertyKey[], message: string) => void;

/** Keys that could reach `Object.prototype` if a later step merged or assigned them. */
const UNSAFE = /^(__proto__|constructor|prototype)$/;
/** Deeper than any real config: stops a hostile or cyclic object from exhausting the stack. */
const MAX_DEPTH = 12;

/**
 * A clean copy of a config (or part of one) before zod sees it: fresh arrays and plain
 * objects only, cut at `MAX_DEPTH`, without `__proto__`/`constructor`/`prototype` keys
 * ("unsafe key ignored") and without keys the schema's objects do not declare ("unknown key
 * ignored"), each reported through `note` with its path. The schema's own definition is the
 * list of known keys, so it is never written twice. zod's `z.object` would drop unknown keys
 * silently, and `z.strictObject` would fail a whole survey for one typo; we want neither.
 * Functions and primitives are kept as they are.
 */
export function clean(schema: Schema | undefined, value: unknown, note: Note, path: PropertyKey[] = []): unknown {
  const def = (schema as { _zod: { def: Def } } | undefined)?._zod.def;
  if (def?.innerType) return clean(def.innerType, value, note, path);
  if (!value || typeof value !== 'object') return value;
  if (path.length >= MAX_DEPTH) return undefined;
  if (Array.isArray(value)) return value.map((item, i) => clean(undefined, item, note, [...path, i]));
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value)) {
    const unsafe = UNSAFE.test(key);
    if (unsafe || (def?.shape && !Object.prototype.hasOwnProperty.call(def.shape, key))) note([...path, key], `${unsafe ? 'unsafe' : 'unknown'} key ignored`);
    else out[key] = clean(def?.shape?.[key], (value as Record<string, unknown>)[key], note, [...path, key]);
  }
  return out;
}
