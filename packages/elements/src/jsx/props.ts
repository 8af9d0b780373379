// SPDX-License-Identifier: MIT
/**
 * What `<moment-survey>` accepts in a framework's templates, shared by the JSX and Vue element
 * types. Objects (`survey`, `theme`, `strings`) are properties, which React 19, Preact and Vue
 * set as such on a custom element; React 18 passes only strings, as attributes.
 */
import type { Placement } from '@moments/core/internal';
import type { MomentsAnswerEvent, MomentsDismissEvent, SurveyPhase } from '../moment-survey/moment-survey.js';
import type { Strings } from '../locales/en.js';
import type { SurveyTheme, UiSurvey } from '../survey-types.js';

/** Attributes and properties of `<moment-survey>`. */
export interface MomentSurveyProps {
  /** Marks an inline slot: a survey with placement `inline` and this id renders here. */
  'data-survey'?: string;
  /** The survey to render (set by `showSurvey`; for a card driven by the app itself). */
  survey?: UiSurvey;
  /** Brand look; overrides the page's `--moments-*` properties. */
  theme?: SurveyTheme;
  /** Built-in UI strings (default English). */
  strings?: Strings;
  /** The shopper's locale tag (`de`, `pt-BR`): the survey's translation and the direction. */
  locale?: string;
  placement?: Placement;
  phase?: SurveyPhase;
}

/**
 * Listeners in JSX, named as React 19 and Preact map them to the element's events (`on` + the
 * event's exact name).
 */
export interface MomentSurveyJsxEvents {
  /** `{value, comment?}` once the shopper has answered. */
  'onmoments:answer'?: (event: MomentsAnswerEvent) => void;
  /** The shopper closed the card without answering. */
  'onmoments:dismiss'?: (event: MomentsDismissEvent) => void;
}
