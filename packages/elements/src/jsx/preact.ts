// SPDX-License-Identifier: MIT
/**
 * `<moment-survey>` in Preact TSX: `import type {} from '@moments/elements/jsx/preact'` once in the
 * app, and the tag type-checks with its attributes and events.
 * @packageDocumentation
 */
import type { HTMLAttributes } from 'preact';
import type { MomentSurvey } from '../moment-survey/moment-survey.js';
import type { MomentSurveyJsxEvents, MomentSurveyProps } from './props.js';

/** The props of `<moment-survey>` in Preact: Preact's own HTML props, plus the element's. */
export type MomentSurveyPreactProps = Omit<HTMLAttributes<MomentSurvey>, keyof MomentSurveyProps> &
  MomentSurveyProps &
  MomentSurveyJsxEvents;

declare module 'preact' {
  // eslint-disable-next-line @typescript-eslint/no-namespace -- Preact's JSX types live in a namespace
  namespace JSX {
    interface IntrinsicElements {
      'moment-survey': MomentSurveyPreactProps;
    }
  }
}
