// SPDX-License-Identifier: MIT
/**
 * `<moment-survey>` in React TSX: `import type {} from '@moments/elements/jsx/react'` once in the
 * app, and the tag type-checks with its attributes and events.
 * @packageDocumentation
 */
import type { DetailedHTMLProps, HTMLAttributes } from 'react';
import type { MomentSurvey } from '../moment-survey/moment-survey.js';
import type { MomentSurveyJsxEvents, MomentSurveyProps } from './props.js';

/** The props of `<moment-survey>` in React: React's own HTML props, plus the element's. */
export type MomentSurveyReactProps = DetailedHTMLProps<HTMLAttributes<MomentSurvey>, MomentSurvey> &
  MomentSurveyProps &
  MomentSurveyJsxEvents;

declare module 'react' {
  // eslint-disable-next-line @typescript-eslint/no-namespace -- React's JSX types live in a namespace
  namespace JSX {
    interface IntrinsicElements {
      'moment-survey': MomentSurveyReactProps;
    }
  }
}
