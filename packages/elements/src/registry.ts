// SPDX-License-Identifier: MIT
import { MomentSurvey } from './moment-survey/moment-survey.js';

/** The tag every Moments survey card uses. */
export const SURVEY_TAG = 'moment-survey';

/**
 * Registers `<moment-survey>` once. Safe to call again, and when another copy of Moments already
 * registered the tag (that copy's element is kept, as custom elements cannot be redefined).
 * Does nothing outside a browser.
 */
export function defineMomentSurvey(): void {
  if (typeof customElements === 'undefined' || customElements.get(SURVEY_TAG)) return;
  customElements.define(SURVEY_TAG, MomentSurvey);
}
