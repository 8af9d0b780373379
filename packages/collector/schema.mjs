// SPDX-License-Identifier: MIT
// What the collector accepts: DESIGN.md's `{"answers": [Answer…], "events": [Event…]}`, checked
// item by item. Only what can be true is stored: each value against its question type, times
// within a window of the server's clock, bounded sizes, no NUL characters, unknown keys dropped.
// One invalid item is refused with its index and reason; the valid ones around it are kept.
import * as z from 'zod';
import { createRegistry, QUESTION_TYPES } from './surveys.mjs';

/** Most items a single request may carry; the SDK sends far smaller batches (20 by default). */
export const MAX_ITEMS = 1000;
/** Most context keys per answer or event. */
export const MAX_CONTEXT_KEYS = 30;
export const EVENT_KINDS = ['triggered', 'skipped', 'shown', 'dismissed'];
const DAY = 86_400_000;

const text = (max, min = 0) =>
  z
    .string()
    .min(min)
    .max(max)
    .refine((s) => !s.includes('\u0000'), 'expected text without NUL characters');
const id = text(200, 1);
const name = text(200, 1);
/** Context values are flat and JSON-safe, as the SDK sends them. */
const context = z
  .record(text(100, 1), z.union([text(500), z.number().finite(), z.boolean(), z.null()]))
  .refine((c) => Object.keys(c).length <= MAX_CONTEXT_KEYS, `expected at most ${MAX_CONTEXT_KEYS} context keys`);
const isoTime = z.iso.datetime({ offset: true });
const priority = z.enum(['critical', 'encounter']);

/** One answer; keys not listed here are dropped (z.object strips them). */
const answerSchema = z.object({
  id,
  surveyId: name,
  moment: name,
  question: z.object({ type: z.enum(QUESTION_TYPES), text: text(2000) }),
  value: z.union([z.number().finite(), text(5000), z.boolean()], { error: 'expected a number, a string or a boolean' }),
  comment: text(5000).optional(),
  context: context.default({}),
  visitorId: text(200).optional(),
  url: text(2000).optional(),
  locale: text(40).optional(),
  answeredAt: isoTime,
  sdk: z.object({ name: text(100), version: text(100) }).optional(),
  priority: priority.optional(),
});

/** A lifecycle event (`report: [...]`): how often a moment happens, and the funnel after it. */
const eventSchema = z.object({
  id,
  kind: z.enum(EVENT_KINDS),
  surveyId: name.optional(),
  moment: name,
  context: context.default({}),
  at: isoTime,
  priority: priority.optional(),
  reason: text(100).optional(),
  visitorId: text(200).optional(),
});

const isInteger = (v) => typeof v === 'number' && Number.isInteger(v);
const scale = (min, max) => (v) => (isInteger(v) && v >= min && v <= max ? undefined : `expected an integer ${min}–${max}`);

/** The rule a value must meet, per question type; `survey` is the known survey, if any. */
function valueRule(type, survey) {
  switch (type) {
    case 'nps':
      return scale(0, 10);
    case 'csat':
      return scale(1, 5);
    case 'ces':
      return scale(1, 7);
    case 'rating':
      return scale(1, survey?.scale ?? 10);
    case 'emoji':
      return scale(1, survey?.faces ?? 5);
    case 'thumbs':
      return (v) => (typeof v === 'boolean' ? undefined : 'expected true (up) or false (down)');
    case 'choice':
      if (survey?.options)
        return (v) => (survey.options.includes(v) ? undefined : `expected one of the options ${JSON.stringify(survey.options)}`);
      return (v) =>
        typeof v === 'string' && v.length > 0 && v.length <= 200 ? undefined : 'expected the chosen option (text up to 200 characters)';
    default: // text
      return (v) =>
        typeof v === 'string' && v.length <= (survey?.maxLength ?? 5000)
          ? undefined
          : `expected text up to ${survey?.maxLength ?? 5000} characters`;
  }
}

function checkTime(time, now, maxAgeDays) {
  const at = Date.parse(time);
  if (at < now - maxAgeDays * DAY) return `is more than ${maxAgeDays} days before the collector's clock`;
  if (at > now + DAY) return "is more than a day after the collector's clock";
  return undefined;
}

const describe = (issues) =>
  issues
    .slice(0, 2)
    .map((issue) => (issue.path.length ? `${issue.path.map(String).join('.')}: ${issue.message}` : issue.message))
    .join('; ');

/** `answers[2].value: …` for a refused item (its reason starts with the path inside the item, if any). */
export const describeRefused = ({ list, index, reason }) => `${list}[${index}]${/^[\w.]+: /.test(reason) ? '.' : ': '}${reason}`;

/** Validates one answer: `{ok: true, value}` or `{ok: false, reason}`. */
export function parseAnswer(input, { now = Date.now(), registry = createRegistry(), maxAgeDays = 90 } = {}) {
  const result = answerSchema.safeParse(input);
  if (!result.success) return { ok: false, reason: describe(result.error.issues) };
  const answer = result.data;
  const survey = registry.survey(answer.surveyId);
  if (survey && survey.type !== answer.question.type)
    return { ok: false, reason: `question.type: survey ${answer.surveyId} asks ${survey.type}; got ${answer.question.type}` };
  const problem = valueRule(answer.question.type, survey)(answer.value);
  if (problem) return { ok: false, reason: `value: ${problem} for ${answer.question.type}; got ${JSON.stringify(answer.value)}` };
  const late = checkTime(answer.answeredAt, now, maxAgeDays);
  if (late) return { ok: false, reason: `answeredAt: ${answer.answeredAt} ${late}` };
  return { ok: true, value: answer };
}

/** Validates one lifecycle event: `{ok: true, value}` or `{ok: false, reason}`. */
export function parseEvent(input, { now = Date.now(), maxAgeDays = 90 } = {}) {
  const result = eventSchema.safeParse(input);
  if (!result.success) return { ok: false, reason: describe(result.error.issues) };
  const late = checkTime(result.data.at, now, maxAgeDays);
  if (late) return { ok: false, reason: `at: ${result.data.at} ${late}` };
  return { ok: true, value: result.data };
}

/**
 * Validates a parsed JSON body. `{ok: false, message}` when its shape is wrong as a whole;
 * otherwise `{ok: true, answers, events, refused}` where `refused` lists each invalid item as
 * `{list: "answers" | "events", index, reason}` and `answers` / `events` hold the valid ones.
 * Unknown top-level keys (`key`, `sentAt`, …) are ignored, so a newer SDK loses nothing.
 */
export function parseBatch(body, options = {}) {
  if (!body || typeof body !== 'object' || Array.isArray(body))
    return { ok: false, message: 'expected a JSON object {"answers": [...], "events": [...]}' };
  const out = { ok: true, answers: [], events: [], refused: [] };
  for (const [list, parse] of [
    ['answers', parseAnswer],
    ['events', parseEvent],
  ]) {
    const items = body[list] ?? [];
    if (!Array.isArray(items)) return { ok: false, message: `${list}: expected an array` };
    if (items.length > MAX_ITEMS) return { ok: false, message: `${list}: expected at most ${MAX_ITEMS} items; got ${items.length}` };
    items.forEach((item, index) => {
      const result = parse(item, options);
      if (result.ok) out[list].push(result.value);
      else out.refused.push({ list, index, reason: result.reason });
    });
  }
  if (out.answers.length + out.events.length + out.refused.length === 0)
    return { ok: false, message: 'expected at least one answer or event (keys "answers" and "events")' };
  return out;
}
