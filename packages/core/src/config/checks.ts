// SPDX-License-Identifier: MIT
/**
 * Small hand-written `z.check`s: about 80 B gzip each in the lazy chunk, where zod's own
 * `z.int()`, `z.minimum()`, `z.minLength()` or `z.record()` would cost 250–800 B each.
 * Each pushes a `custom` issue saying what was expected; `parseConfig` adds what it got.
 */
import * as z from 'zod/mini';

type Payload<T> = Parameters<z.core.CheckFn<T>>[0];

function fail<T>(ctx: Payload<T>, message: string, path: PropertyKey[] = []): void {
  ctx.issues.push({ code: 'custom', message, input: undefined, path });
}

/** A string; with `nonEmpty`, one with at least one character (no `z.string()`: ~100 B). */
export const str = (nonEmpty?: boolean) =>
  z.unknown().check((ctx) => {
    if (typeof ctx.value !== 'string' || (nonEmpty && !ctx.value)) fail(ctx, nonEmpty ? 'expected text' : 'expected string');
  }) as unknown as z.ZodMiniType<string>;

/** A number from `min` to `max`, inclusive; a whole number when `whole` (no `z.number()`: ~70 B). */
export const within = (min: number, max: number, whole?: boolean) =>
  z.unknown().check((ctx) => {
    const v = ctx.value as number;
    if (typeof v !== 'number' || !(v >= min && v <= max) || (whole && v % 1)) {
      fail(ctx, `expected ${whole ? 'a whole number' : 'a number'} ${max === Infinity ? `${min} or more` : `from ${min} to ${max}`}`);
    }
  }) as unknown as z.ZodMiniType<number>;

/** `true` or `false`. */
export const flag = z.unknown().check((ctx) => {
  if (typeof ctx.value !== 'boolean') fail(ctx, 'expected true or false');
}) as unknown as z.ZodMiniType<boolean>;

/** One of `values` (hand-written: `z.enum` costs ~190 B gzip more). */
export const oneOf = <const T extends readonly string[]>(values: T) =>
  z.unknown().check((ctx) => {
    if (!values.includes(ctx.value as string)) fail(ctx, `expected one of ${values.join(', ')}`);
  }) as unknown as z.ZodMiniType<T[number]>;

/** A pattern `new RegExp` accepts. */
export const regexRule = z.unknown().check((ctx) => {
  try {
    if (typeof ctx.value !== 'string') throw 0;
    new RegExp(ctx.value);
  } catch {
    fail(ctx, 'expected a valid regular expression');
  }
}) as unknown as z.ZodMiniType<string>;

/**
 * A list of at least one non-empty string (one of `allowed` when given); with `single`, one
 * such string alone passes too. `T` is the inferred type. Hand-written: `z.array` +
 * `z.union` would add about 1 KB gzip to the lazy chunk.
 */
export const textList = <T>(single?: boolean, allowed?: readonly string[]) =>
  z.unknown().check((ctx) => {
    const v = ctx.value;
    if (single && typeof v === 'string' && v) return;
    if (!Array.isArray(v) || !v.length) return fail(ctx, `expected ${single ? 'text or ' : ''}a list of texts`);
    v.forEach((item, i) => {
      if (typeof item !== 'string' || !item || (allowed && !allowed.includes(item))) {
        fail(ctx, `expected ${allowed ? `one of ${allowed.join(', ')}` : 'text'}`, [i]);
      }
    });
  }) as unknown as z.ZodMiniType<T>;

/** Any array (its items are checked one by one elsewhere, so one bad item spoils nothing else). */
export const anyList = z.unknown().check((ctx) => {
  if (!Array.isArray(ctx.value)) fail(ctx, 'expected array');
}) as unknown as z.ZodMiniType<unknown[]>;

/** A flat object of strings (headers, theme, dataLayer mapping). */
export const stringMap = z.unknown().check((ctx) => {
  const v = ctx.value;
  if (!v || typeof v !== 'object' || Array.isArray(v)) return fail(ctx, 'expected object of strings');
  for (const [key, item] of Object.entries(v)) {
    if (typeof item !== 'string') fail(ctx, 'expected string', [key]);
  }
}) as unknown as z.ZodMiniType<Record<string, string>>;

interface QuestionShape {
  type: string;
  scale?: number | undefined;
  faces?: number | undefined;
  options?: string[] | undefined;
}

/** Rules that depend on the question type (cheaper than a discriminated union). */
export const questionRules = z.check<QuestionShape>((ctx) => {
  const { type, options, faces } = ctx.value;
  if (type === 'choice' && !(options && options.length >= 2)) fail(ctx, 'expected at least 2 options for a choice question', ['options']);
  if (faces !== undefined && faces !== 3 && faces !== 5) fail(ctx, 'expected 3 or 5', ['faces']);
});

/** A function (JS configs only: `transform`, `headers` that fetch a fresh token). */
export const fn = z.unknown().check((ctx) => {
  if (typeof ctx.value !== 'function') fail(ctx, 'expected a function');
}) as unknown as z.ZodMiniType<(...args: never[]) => unknown>;

/** A flat object of strings, or a function returning one (fresh auth headers per request). */
export const headersRule = z.unknown().check((ctx) => {
  if (typeof ctx.value === 'function') return;
  const v = ctx.value;
  if (!v || typeof v !== 'object' || Array.isArray(v)) return fail(ctx, 'expected object of strings or a function');
  for (const [key, item] of Object.entries(v)) if (typeof item !== 'string') fail(ctx, 'expected string', [key]);
}) as unknown as z.ZodMiniType<Record<string, string> | (() => Record<string, string> | Promise<Record<string, string>>)>;

/** A list of answer values (numbers, texts, true/false): the answers a follow-up is asked after. */
export const valueList = z.unknown().check((ctx) => {
  if (!Array.isArray(ctx.value)) return fail(ctx, 'expected a list of answer values');
  ctx.value.forEach((item, i) => {
    if (!['number', 'string', 'boolean'].includes(typeof item)) fail(ctx, 'expected a number, text or true/false', [i]);
  });
}) as unknown as z.ZodMiniType<Array<number | string | boolean>>;

const TRANSLATED = ['text', 'lowLabel', 'highLabel', 'thanks', 'followUp'];

/** Per-language survey strings: `{"de": {"text": "…", "options": ["…"]}}`. */
export const translationsRule = z.unknown().check((ctx) => {
  const v = ctx.value;
  if (!v || typeof v !== 'object' || Array.isArray(v)) return fail(ctx, 'expected object of translations by language');
  for (const [lang, entry] of Object.entries(v as Record<string, unknown>)) {
    if (!entry || typeof entry !== 'object') {
      fail(ctx, 'expected object', [lang]);
      continue;
    }
    for (const [key, item] of Object.entries(entry)) {
      const ok = key === 'options' ? Array.isArray(item) && item.every((o) => typeof o === 'string') : TRANSLATED.includes(key) && typeof item === 'string';
      if (!ok) fail(ctx, key === 'options' ? 'expected a list of texts' : TRANSLATED.includes(key) ? 'expected string' : 'unknown key', [lang, key]);
    }
  }
}) as unknown as z.ZodMiniType<
  Record<string, { text?: string; lowLabel?: string; highLabel?: string; thanks?: string; followUp?: string; options?: string[] }>
>;
