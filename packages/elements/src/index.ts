// SPDX-License-Identifier: MIT
/**
 * `@moments/elements`: the survey UI as Lit web components. Importing this entry registers
 * nothing; `showSurvey` registers `<moment-survey>` on first use, and
 * `@moments/elements/define` registers it on import.
 * @packageDocumentation
 */
export { MomentSurvey, type MomentsAnswerEvent, type MomentsDismissEvent } from './moment-survey/moment-survey.js';
export { defineMomentSurvey, SURVEY_TAG } from './registry.js';
export { showSurvey, THANKS_MS } from './show-survey.js';
