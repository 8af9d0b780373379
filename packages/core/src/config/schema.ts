// SPDX-License-Identifier: MIT
/**
 * The config schema. Built with `zod/mini` because it ships in the lazy browser chunk, where
 * every byte counts; config types are inferred from it, never copied by hand.
 */
import * as z from 'zod/mini';

/** Every question type a survey may ask. */
export const QUESTION_TYPES = ['nps', 'csat', 'ces', 'rating', 'emoji', 'thumbs', 'choice', 'text'] as const;

/** Where the card appears. */
export const PLACEMENTS = ['bottom-right', 'bottom-left', 'center', 'inline'] as const;

const text = z.string().check(z.minLength(1));

export const questionSchema = z.object({
  type: z.enum(QUESTION_TYPES),
  text,
  /** Labels under the two ends of a scale, e.g. "Not likely" / "Very likely". */
  lowLabel: z.optional(z.string()),
  highLabel: z.optional(z.string()),
  /** `rating` only: number of stars, 3–10 (default 5). */
  scale: z.optional(z.int().check(z.minimum(3), z.maximum(10))),
  /** `choice` only. */
  options: z.optional(z.array(text)),
});

export const surveySchema = z.object({
  id: text,
  /** The moment (or moments) this survey asks at. */
  moment: z.union([text, z.array(text).check(z.minLength(1))]),
  question: questionSchema,
  thanks: z.optional(z.string()),
  /** Wait before showing, in milliseconds (default 0). */
  delayMs: z.optional(z.int().check(z.minimum(0))),
  placement: z.optional(z.enum(PLACEMENTS)),
});

export const configSchema = z.object({
  /** Where answers are POSTed. Relative URLs resolve against the page. */
  endpoint: text,
  headers: z.optional(z.record(z.string(), z.string())),
  locale: z.optional(z.string()),
  debug: z.optional(z.boolean()),
  surveys: z.array(z.unknown()),
});

export type Question = z.infer<typeof questionSchema>;
export type QuestionType = Question['type'];
export type Placement = (typeof PLACEMENTS)[number];
export type Survey = z.infer<typeof surveySchema>;
/** A validated config: every survey in it passed its own schema. */
export type MomentsConfig = Omit<z.infer<typeof configSchema>, 'surveys'> & { surveys: Survey[] };
/** What a host page hands over before validation. */
export type MomentsConfigInput = Record<string, unknown>;
