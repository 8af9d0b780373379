// SPDX-License-Identifier: MIT
import type { Answer, Context } from '../types.js';

/**
 * Longest strings an answer carries, in UTF-16 code units (JavaScript's `length`): the limits
 * the Moments collector enforces, so an answer made by the SDK is never refused for its size.
 * A longer string is cut (see `limitAnswer`), never dropped.
 */
export const LIMITS = {
  /** A `context` key (a `data-moment-context-*` name, a dataLayer field). */
  contextKey: 100,
  /** A `context` string value. */
  contextValue: 2_000,
  /** The follow-up comment. */
  comment: 5_000,
  /** A text answer (`value` of a `text` question). */
  value: 5_000,
  /** `url` (with `fullUrl`, tracking parameters make it long). */
  url: 2_000,
  /** The question's text. */
  questionText: 2_000,
} as const;

/**
 * `text` cut to `max` code units, never between the two halves of a surrogate pair (an emoji is
 * kept whole or left out, so the result stays well-formed UTF-16 and valid UTF-8 on the wire).
 */
export function cut(text: string, max: number): string {
  if (text.length <= max) return text;
  const code = text.charCodeAt(max - 1);
  const end = code >= 0xd800 && code <= 0xdbff ? max - 1 : max;
  return text.slice(0, end);
}

/**
 * The answer with every string within `LIMITS`. What was cut is listed in `truncated`, by path
 * (`"comment"`, `"url"`, `"value"`, `"question.text"`, `"context.<key>"` for a cut value and
 * `"context.<key>:key"` for a cut key, named by its original key cut to the limit), so the
 * endpoint can tell a cut comment from a short one. Returns the same object when nothing was cut.
 * Two keys that become equal once cut keep the first one's value.
 */
export function limitAnswer(answer: Answer): Answer {
  const truncated: string[] = [];
  const limit = (text: string, max: number, path: string): string => {
    if (text.length <= max) return text;
    truncated.push(path);
    return cut(text, max);
  };
  const context: Context = {};
  for (const [key, value] of Object.entries(answer.context)) {
    const name = limit(key, LIMITS.contextKey, `context.${cut(key, LIMITS.contextKey)}:key`);
    if (Object.prototype.hasOwnProperty.call(context, name)) continue;
    context[name] = typeof value === 'string' ? limit(value, LIMITS.contextValue, `context.${name}`) : value;
  }
  const limited: Answer = {
    ...answer,
    question: { ...answer.question, text: limit(answer.question.text, LIMITS.questionText, 'question.text') },
    value: typeof answer.value === 'string' ? limit(answer.value, LIMITS.value, 'value') : answer.value,
    context,
    url: limit(answer.url, LIMITS.url, 'url'),
  };
  if (answer.comment !== undefined) limited.comment = limit(answer.comment, LIMITS.comment, 'comment');
  if (!truncated.length) return answer;
  limited.truncated = [...(answer.truncated ?? []), ...truncated];
  return limited;
}
