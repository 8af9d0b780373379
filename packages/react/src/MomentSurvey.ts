// SPDX-License-Identifier: MIT
import { createElement, type ReactElement } from 'react';

export interface MomentSurveyProps {
  /** The id of a survey in the config; it renders here when its moment fires. */
  survey: string;
  className?: string;
}

/**
 * Marks where a survey renders inline (placement `inline`): a `<moment-survey data-survey="…">`
 * element that the UI fills when the survey's moment fires, instead of a floating card. It
 * renders the same markup on the server and in the browser, so hydration matches. `className`
 * goes out as the `class` attribute, which React 18 and 19 both pass to a custom element as is.
 */
export function MomentSurvey({ survey, className }: MomentSurveyProps): ReactElement {
  return createElement('moment-survey', { 'data-survey': survey, class: className });
}
