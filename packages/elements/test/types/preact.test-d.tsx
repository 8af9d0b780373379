/** @jsxImportSource preact */
// Type tests: `<moment-survey>` in Preact TSX (checked by `tsc --noEmit` in `npm test`).
import type { JSX } from 'preact';
import { expectTypeOf } from 'vitest';
import type { MomentsDismissEvent } from '../../src/index.js';
import type {} from '../../src/jsx/preact.js';

export const inline: JSX.Element = <moment-survey data-survey="post-purchase" class="card" />;
export const localized: JSX.Element = (
  <moment-survey
    locale="pt-BR"
    placement="center"
    onmoments:dismiss={(event) => expectTypeOf(event).toEqualTypeOf<MomentsDismissEvent>()}
  />
);

// @ts-expect-error: not a placement
export const badPlacement = <moment-survey placement="top" />;
// @ts-expect-error: theme is an object
export const badTheme = <moment-survey theme="dark" />;
