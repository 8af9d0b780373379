// SPDX-License-Identifier: MIT
/**
 * The survey fields the UI reads beyond today's core schema (`followUp`, `theme`,
 * `translations`, `question.maxLength`). Typed here, all optional, so the UI compiles against
 * any core schema; once core's schema declares them, these become plain aliases.
 */
import type { AnswerValue, Question, Survey } from '@moments/core';

/** An optional second step: a comment box shown after the answer. */
export interface FollowUp {
  /** The prompt above the comment box (default: the locale's "anything else?"). */
  text?: string;
  /** Longest comment, in characters (default 500). */
  maxLength?: number;
  /** Ask only after these answers (e.g. `[0, 1, 2, 3, 4, 5, 6]` for NPS detractors); default: after any. */
  values?: AnswerValue[];
}

/** Brand look of the card; every field is optional and falls back to the host page's CSS. */
export interface SurveyTheme {
  /** Any CSS colour: selected answer, send button, focus ring. */
  accent?: string;
  /** Card corner radius, a CSS length such as `8px`. */
  radius?: string;
  /** CSS `font-family`. */
  font?: string;
  /** `auto` (default) follows `prefers-color-scheme`. */
  scheme?: 'light' | 'dark' | 'auto';
  /** `center` placement only: dim the page behind the card (default false). */
  backdrop?: boolean;
}

/** The survey's own strings in one language (keys of `translations`: `de`, `pt-BR`, …). */
export interface SurveyTranslation {
  text?: string;
  lowLabel?: string;
  highLabel?: string;
  /** Labels of `choice` options, in the order of `question.options`; answers keep the original. */
  options?: string[];
  thanks?: string;
  followUp?: string;
}

/** A question as the UI reads it. */
export type UiQuestion = Question & {
  /** `text` only: longest answer, in characters (default 500). */
  maxLength?: number;
};

/** A survey as the UI reads it: core's `Survey` plus the optional fields above. */
export type UiSurvey = Omit<Survey, 'question'> & {
  question: UiQuestion;
  followUp?: FollowUp;
  theme?: SurveyTheme;
  translations?: Record<string, SurveyTranslation>;
};
