/** @jsxImportSource react */
// Type tests: `<moment-survey>` in React TSX (checked by `tsc --noEmit` in `npm test`).
import type { ReactElement } from 'react';
import { expectTypeOf } from 'vitest';
import type { MomentsAnswerEvent } from '../../src/index.js';
import type {} from '../../src/jsx/react.js';

const survey = { id: 's1', moment: 'purchase', question: { type: 'nps', text: 'Recommend us?' } } as const;

export const inline: ReactElement = <moment-survey data-survey="post-purchase" className="card" />;
export const driven: ReactElement = (
  <moment-survey
    survey={survey}
    locale="de"
    placement="inline"
    theme={{ accent: '#0a7' }}
    onmoments:answer={(event) => expectTypeOf(event).toEqualTypeOf<MomentsAnswerEvent>()}
    onmoments:dismiss={() => undefined}
  />
);

// @ts-expect-error: not a placement
export const badPlacement = <moment-survey placement="top" />;
// @ts-expect-error: the survey is an object, not an id
export const badSurvey = <moment-survey survey="s1" />;
// @ts-expect-error: the answer listener gets the answer event
export const badListener = <moment-survey onmoments:answer={(event: KeyboardEvent) => event} />;
