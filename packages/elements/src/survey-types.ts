// SPDX-License-Identifier: MIT
/**
 * The survey as the UI reads it. Core's schema declares every field (`followUp`, `theme`,
 * `translations`, `question.maxLength`); these names keep the UI's vocabulary.
 */
import type { FollowUp as CoreFollowUp, Question, Survey, SurveyTheme as CoreSurveyTheme } from '@moments/core';

/** An optional second step: a comment box shown after the answer (core's `FollowUp`). */
export type FollowUp = CoreFollowUp;

/** Brand look of the card (core's `SurveyTheme`); falls back to the host page's CSS. */
export type SurveyTheme = CoreSurveyTheme;

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
