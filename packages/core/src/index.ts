// SPDX-License-Identifier: MIT
/**
 * `@moments/core`: framework-free heart of Moments. It decides when to ask (moment sources,
 * eligibility), stores answers durably and delivers them to any HTTP endpoint. It renders
 * nothing: a UI such as `@moments/elements` is passed in as `show`.
 *
 * This file is the public API: what apps use, re-exports only (25 names). The embed and the
 * UI packages reach the parts behind it through `@moments/core/internal`; zod users get the
 * config schema from `@moments/core/zod`.
 * @packageDocumentation
 */
export { createMoments, type CreateMomentsOptions } from './createMoments.js';
export { parseConfig, type ConfigIssue, type ParseConfigResult } from './decide/config/parseConfig.js';
export {
  QUESTION_TYPES,
  type FollowUp,
  type MomentsConfigInput,
  type Question,
  type QuestionType,
  type SurveyTheme,
} from './decide/config/schema.js';
export type {
  Answer,
  AnswerValue,
  Context,
  MomentsClient,
  MomentsConfig,
  MomentsError,
  MomentsEventHandler,
  MomentsEventMap,
  MomentsEventName,
  ShowSurvey,
  SkipReason,
  Survey,
  SurveyHandlers,
  SurveyView,
} from './types.js';
