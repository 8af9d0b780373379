// SPDX-License-Identifier: MIT
import { h, type JSX } from 'preact';

export interface MomentSurveyProps {
  /** The id of a survey in the config; it renders here when its moment fires. */
  survey: string;
  class?: string;
}

/**
 * Marks where a survey renders inline (placement `inline`): a `<moment-survey data-survey="…">`
 * element that the UI fills when the survey's moment fires, instead of a floating card. It
 * renders the same markup on the server and in the browser, so hydration matches.
 */
export function MomentSurvey({ survey, class: className }: MomentSurveyProps): JSX.Element {
  return h('moment-survey', { 'data-survey': survey, class: className });
}
