// SPDX-License-Identifier: MIT
/**
 * The config's field rules, each a few dozen bytes: every one says what it expected, and
 * `parseConfig` adds what it got. (Measured with zod/mini, its `z.int()`, `z.minimum()`,
 * `z.minLength()` or `z.record()` cost 250–800 B gzip each.)
 */
import {
  isDataLayerTarget,
  isFlag,
  isFunction,
  isHeaders,
  isObject,
  isOneOf,
  isString,
  isText,
  isWithin,
  type DataLayerTarget,
} from '../../shared/settingsRules.js';
import { rule } from './schemaKit.js';

/** A string; with `nonEmpty`, one with at least one character. */
export const str = (nonEmpty?: boolean) =>
  rule<string>((v, fail) => {
    if (!(nonEmpty ? isText : isString)(v)) fail(nonEmpty ? 'expected text' : 'expected string');
  });

/** A number from `min` to `max`, inclusive; a whole number when `whole`. */
export const within = (min: number, max: number, whole?: boolean) =>
  rule<number>((v, fail) => {
    if (!isWithin(min, max, whole)(v)) {
      fail(`expected ${whole ? 'a whole number' : 'a number'} ${max === Infinity ? `${min} or more` : `from ${min} to ${max}`}`);
    }
  });

/** `true` or `false`. */
export const flag = /* @__PURE__ */ rule<boolean>((v, fail) => {
  if (!isFlag(v)) fail('expected true or false');
});

/** One of `values`. */
export const oneOf = <const T extends readonly string[]>(values: T) =>
  rule<T[number]>((v, fail) => {
    if (!isOneOf(values)(v)) fail(`expected one of ${values.join(', ')}`);
  });

/** A pattern `new RegExp` accepts. */
export const regexRule = /* @__PURE__ */ rule<string>((v, fail) => {
  try {
    if (typeof v !== 'string') throw 0;
    new RegExp(v);
  } catch {
    fail('expected a valid regular expression');
  }
});

/**
 * A list of at least one non-empty string (one of `allowed` when given); with `single`, one
 * such string alone passes too. `T` is the inferred type.
 */
export const textList = <T>(single?: boolean, allowed?: readonly string[]) =>
  rule<T>((v, fail) => {
    if (single && typeof v === 'string' && v) return;
    if (!Array.isArray(v) || !v.length) return fail(`expected ${single ? 'text or ' : ''}a list of texts`);
    v.forEach((item, i) => {
      if (!isText(item) || (allowed && !allowed.includes(item))) {
        fail(`expected ${allowed ? `one of ${allowed.join(', ')}` : 'text'}`, [i]);
      }
    });
  });

/** Any array (its items are checked one by one elsewhere, so one bad item spoils nothing else). */
export const anyList = /* @__PURE__ */ rule<unknown[]>((v, fail) => {
  if (!Array.isArray(v)) fail('expected array');
});

/** A flat object of strings (headers, theme, dataLayer mapping). */
export const stringMap = /* @__PURE__ */ rule<Record<string, string>>((v, fail) => {
  if (!v || typeof v !== 'object' || Array.isArray(v)) return fail('expected object of strings');
  for (const [key, item] of Object.entries(v)) {
    if (typeof item !== 'string') fail('expected string', [key]);
  }
});

interface QuestionShape {
  type: string;
  scale?: number | undefined;
  faces?: number | undefined;
  options?: string[] | undefined;
}

/** Rules that depend on the question type (cheaper than a discriminated union). */
export const questionRules = ({ type, options, faces }: QuestionShape, fail: (message: string, at?: PropertyKey[]) => void): void => {
  if (type === 'choice' && !(options && options.length >= 2)) fail('expected at least 2 options for a choice question', ['options']);
  if (faces !== undefined && faces !== 3 && faces !== 5) fail('expected 3 or 5', ['faces']);
};

/** A function (JS configs only: `transform`, `headers` that fetch a fresh token). */
export const fn = /* @__PURE__ */ rule<(...args: never[]) => unknown>((v, fail) => {
  if (!isFunction(v)) fail('expected a function');
});

/** A flat object of strings, or a function returning one (fresh auth headers per request). */
export const headersRule = /* @__PURE__ */ rule<Record<string, string> | (() => Record<string, string> | Promise<Record<string, string>>)>(
  (v, fail) => {
    if (isHeaders(v)) return;
    if (!isObject(v)) return fail('expected object of strings or a function');
    for (const [key, item] of Object.entries(v)) if (!isString(item)) fail('expected string', [key]);
  },
);

/** GTM/GA4 event name → moment, or `{"moment": "…", "context": ["field", …]}` (`isDataLayerTarget`). */
export const dataLayerRule = /* @__PURE__ */ rule<Record<string, DataLayerTarget>>((v, fail) => {
  if (!isObject(v)) return fail('expected object of event name to moment');
  for (const [event, target] of Object.entries(v)) {
    if (!isDataLayerTarget(target)) fail('expected a moment, or {"moment": "…", "context": ["field", …]}', [event]);
  }
});

/** A list of answer values (numbers, texts, true/false): the answers a follow-up is asked after. */
export const valueList = /* @__PURE__ */ rule<Array<number | string | boolean>>((v, fail) => {
  if (!Array.isArray(v)) return fail('expected a list of answer values');
  v.forEach((item, i) => {
    if (!['number', 'string', 'boolean'].includes(typeof item)) fail('expected a number, text or true/false', [i]);
  });
});

const TRANSLATED = ['text', 'lowLabel', 'highLabel', 'thanks', 'followUp'];

/** Per-language survey strings: `{"de": {"text": "…", "options": ["…"]}}`. */
export const translationsRule = /* @__PURE__ */ rule<
  Record<string, { text?: string; lowLabel?: string; highLabel?: string; thanks?: string; followUp?: string; options?: string[] }>
>((v, fail) => {
  if (!v || typeof v !== 'object' || Array.isArray(v)) return fail('expected object of translations by language');
  for (const [lang, entry] of Object.entries(v as Record<string, unknown>)) {
    if (!entry || typeof entry !== 'object') {
      fail('expected object', [lang]);
      continue;
    }
    for (const [key, item] of Object.entries(entry)) {
      const ok =
        key === 'options'
          ? Array.isArray(item) && item.every((o) => typeof o === 'string')
          : TRANSLATED.includes(key) && typeof item === 'string';
      if (!ok)
        fail(key === 'options' ? 'expected a list of texts' : TRANSLATED.includes(key) ? 'expected string' : 'unknown key', [lang, key]);
    }
  }
});
