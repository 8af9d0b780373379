// SPDX-License-Identifier: MIT
/**
 * `@moments/elements`: the survey UI as Lit web components. Importing this entry registers
 * nothing; `showSurvey` registers `<moment-survey>` on first use, and
 * `@moments/elements/define` registers it on import.
 * @packageDocumentation
 */
export {
  ANNOUNCE_DELAY_MS,
  MomentSurvey,
  type MomentsAnswerEvent,
  type MomentsDismissEvent,
  type SurveyPhase,
} from './moment-survey/moment-survey.js';
export { defineMomentSurvey, SURVEY_TAG } from './registry.js';
export { showSurvey, THANKS_MS, type ShowSurveyOptions } from './show-survey.js';
export { LOCALES, loadStrings, resolveLocale } from './locale.js';
export type { Plural, Strings } from './locales/en.js';
export type { FollowUp, SurveyTheme, SurveyTranslation, UiQuestion, UiSurvey } from './survey-types.js';
