// Type tests: `<moment-survey>` as Vue's type checker (vue-tsc, Volar) sees it in templates.
import { expectTypeOf } from 'vitest';
import type { GlobalComponents } from 'vue';
import type { MomentsAnswerEvent, UiSurvey } from '../../src/index.js';
import type {} from '../../src/jsx/vue.js';

type Props = InstanceType<GlobalComponents['moment-survey']>['$props'];

expectTypeOf<Props['data-survey']>().toEqualTypeOf<string | undefined>();
expectTypeOf<Props['survey']>().toEqualTypeOf<UiSurvey | undefined>();
expectTypeOf<Props['placement']>().toEqualTypeOf<'bottom-right' | 'bottom-left' | 'center' | 'inline' | undefined>();
expectTypeOf<NonNullable<Props['onMoments:answer']>>().parameter(0).toEqualTypeOf<MomentsAnswerEvent>();
// @ts-expect-error: no such prop
expectTypeOf<Props['surveyId']>();
