// Type tests for the public API of @moments/react (checked by `tsc --noEmit` in `npm test`).
import type { MomentsClient } from '@moments/core';
import { createElement, type ReactElement } from 'react';
import { expectTypeOf } from 'vitest';
import { MomentSurvey, MomentsProvider, useMoment, useMoments, useMomentsEvent } from '../src/index.js';

expectTypeOf(useMoments).returns.toEqualTypeOf<MomentsClient | null>();
expectTypeOf(useMoment).parameters.toMatchTypeOf<[string, Record<string, string | number | boolean | null>?, { when?: boolean }?]>();
useMomentsEvent('delivered', (payload) => expectTypeOf(payload.ids).toEqualTypeOf<string[]>());
// @ts-expect-error: the survey id is required
MomentSurvey({});
expectTypeOf(MomentSurvey({ survey: 's' })).toEqualTypeOf<ReactElement>();
expectTypeOf(MomentsProvider).parameter(0).toHaveProperty('config');
createElement(MomentsProvider, { config: { endpoint: '/collect', surveys: [] } });
