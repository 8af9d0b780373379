// SPDX-License-Identifier: MIT
// What the collector accepts: DESIGN.md's `{"answers": [Answer…], "events": [Event…]}`. Full zod
// is fine here (server side); the browser bundle uses zod/mini for the same reason it is small.
import * as z from 'zod';

const id = z.string().min(1).max(200);
const name = z.string().min(1).max(200);
/** Context values are flat and JSON-safe, as the SDK sends them. */
const context = z.record(z.string().max(100), z.union([z.string().max(2000), z.number(), z.boolean(), z.null()]));
const isoTime = z.iso.datetime({ offset: true });

/** One answer, as the SDK delivers it. Unknown keys are kept in the stored body, not validated. */
export const answerSchema = z.looseObject({
  id,
  surveyId: name,
  moment: name,
  question: z.looseObject({ type: z.string().min(1).max(40), text: z.string().max(2000) }),
  value: z.union([z.number().finite(), z.string().max(5000), z.boolean()], { error: 'expected a number, a string or a boolean' }),
  comment: z.string().max(5000).optional(),
  context: context.default({}),
  visitorId: z.string().max(200).optional(),
  url: z.string().max(2000).optional(),
  locale: z.string().max(40).optional(),
  answeredAt: isoTime,
  sdk: z.looseObject({ name: z.string().max(100), version: z.string().max(100) }).optional(),
});

/** A lifecycle event (`report: ["shown", "dismissed"]`): what a response rate is computed from. */
export const eventSchema = z.looseObject({
  id,
  kind: z.string().min(1).max(40),
  surveyId: name,
  moment: name,
  context: context.default({}),
  at: isoTime,
});

/** Most a single request may carry; the SDK sends far smaller batches (20 by default). */
export const MAX_ITEMS = 1000;

/**
 * The request body. Loose at the top level on purpose: a collector that 400s on a key a newer SDK
 * adds (say `sentAt`) would make that SDK drop answers, so unknown keys are ignored, not refused.
 */
export const batchSchema = z
  .looseObject({
    answers: z.array(answerSchema).max(MAX_ITEMS).default([]),
    events: z.array(eventSchema).max(MAX_ITEMS).default([]),
  })
  .refine((b) => b.answers.length + b.events.length > 0, {
    message: 'expected at least one answer or event (keys "answers" and "events")',
  });

/**
 * Validates a parsed JSON body. Resolves to `{ok: true, answers, events}` or `{ok: false,
 * message}` where the message names the first few problems with their paths
 * (`answers[2].value: …`). One bad item rejects the whole batch, so a batch is stored all or nothing.
 */
export function parseBatch(body) {
  const result = batchSchema.safeParse(body);
  if (result.success) return { ok: true, answers: result.data.answers, events: result.data.events };
  return { ok: false, message: describeIssues(result.error.issues) };
}

/** `path: message` for up to three issues, e.g. `answers[0].value: Invalid input`. */
export function describeIssues(issues, prefix = []) {
  const shown = issues.slice(0, 3).map((issue) => `${formatPath([...prefix, ...issue.path]) || '(body)'}: ${issue.message}`);
  if (issues.length > 3) shown.push(`and ${issues.length - 3} more`);
  return shown.join('; ');
}

function formatPath(path) {
  return path.reduce((out, key) => (typeof key === 'number' ? `${out}[${key}]` : out ? `${out}.${String(key)}` : String(key)), '');
}
