// SPDX-License-Identifier: MIT
import { MomentSurvey } from './moment-survey/moment-survey.js';

/** The public tag of a Moments survey card (pages write it for inline placement). */
export const SURVEY_TAG = 'moment-survey';

let defined: string | undefined;

/**
 * Registers the card and returns the tag it got: `moment-survey` when free, else (another
 * library or another copy of Moments holds that name, and custom elements cannot be redefined)
 * the first free `moment-survey-<n>`, so this copy's card still appears. Safe to call again.
 * Outside a browser it registers nothing and returns `moment-survey`.
 */
export function defineMomentSurvey(): string {
  if (defined || typeof customElements === 'undefined') return defined ?? SURVEY_TAG;
  for (let n = 1; ; n++) {
    const tag = n === 1 ? SURVEY_TAG : `${SURVEY_TAG}-${n}`;
    const taken = customElements.get(tag);
    if (taken === MomentSurvey) return (defined = tag);
    if (!taken) {
      customElements.define(tag, MomentSurvey);
      return (defined = tag);
    }
  }
}
