// SPDX-License-Identifier: MIT
/**
 * The tests behind the config keys the eager script reads, as plain predicates. The config
 * schema (`decide/config/schema.ts`) builds its rules for these keys from these very
 * predicates (adding the messages, which only the full validation prints), so `moments.js`
 * and the full validation can never disagree on what a valid value is. The eager script takes
 * a value only when its predicate passes and leaves the report to the full validation.
 */

/** Lifecycle events the config's `report` may ask the queue to deliver. */
export const REPORT_KINDS = ['triggered', 'skipped', 'shown', 'dismissed'] as const;
export type ReportKind = (typeof REPORT_KINDS)[number];
export const CONSENT_MODES = ['granted', 'pending'] as const;
export const FORMATS = ['json', 'cloudevents'] as const;

/** A `dataLayer` mapping's value: a moment, or a moment with the event fields to keep as context. */
export type DataLayerTarget = string | { moment: string; context?: string[] };

export const isText = (v: unknown): v is string => typeof v === 'string' && v !== '';
export const isString = (v: unknown): v is string => typeof v === 'string';
export const isFlag = (v: unknown): v is boolean => typeof v === 'boolean';
export const isFunction = (v: unknown): v is (...args: never[]) => unknown => typeof v === 'function';
export const isObject = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v);
export const isOneOf =
  <T extends string>(values: readonly T[]) =>
  (v: unknown): v is T =>
    values.includes(v as T);
/** A number from `min` to `max`, inclusive; a whole one when `whole`. */
export const isWithin =
  (min: number, max: number, whole?: boolean) =>
  (v: unknown): v is number =>
    typeof v === 'number' && v >= min && v <= max && !(whole && v % 1);
/** A list of non-empty strings, each one of `allowed` when given. */
export const isTextList =
  <T extends string>(allowed?: readonly T[]) =>
  (v: unknown): v is T[] =>
    Array.isArray(v) && v.length > 0 && v.every((item) => isText(item) && (!allowed || allowed.includes(item as T)));
/** A mapping's target: a moment, or `{"moment": "…", "context": ["field", …]}`. */
export const isDataLayerTarget = (v: unknown): v is DataLayerTarget =>
  isText(v) || (isObject(v) && isText(v['moment']) && (v['context'] === undefined || isTextList()(v['context'])));
/** Header values are strings; a function returns them per request. */
export const isHeaders = (v: unknown): v is Record<string, string> | (() => Record<string, string> | Promise<Record<string, string>>) =>
  isFunction(v) || (isObject(v) && Object.values(v).every(isString));

export const batchSizeOk = /* @__PURE__ */ isWithin(1, 500, true);
export const maxItemsOk = /* @__PURE__ */ isWithin(1, Infinity, true);
export const maxAgeDaysOk = /* @__PURE__ */ isWithin(0, Infinity);
