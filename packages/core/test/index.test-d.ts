// Type tests for the public API of @moments/core: checked by `tsc --noEmit` in `npm test`
// (a wrong type here is a compile error, so these fail like any test).
import { expectTypeOf } from 'vitest';
import {
  createMoments,
  parseConfig,
  type Answer,
  type Context,
  type MomentsClient,
  type MomentsConfig,
  type MomentsEventMap,
  type ShowSurvey,
  type Survey,
} from '../src/index.js';
import { zodConfigSchema } from '../src/zod.js';

const show: ShowSurvey = () => ({ close: () => undefined });
const client = createMoments({ endpoint: '/collect', surveys: [] }, { show });

expectTypeOf(client).toEqualTypeOf<MomentsClient>();
expectTypeOf(client.trigger).parameters.toEqualTypeOf<[moment: string, context?: Context]>();
expectTypeOf(client.flush()).toEqualTypeOf<Promise<void>>();
// `on` narrows the payload by event name and returns the unsubscribe function.
expectTypeOf(client.on('answered', ({ answer }) => expectTypeOf(answer).toEqualTypeOf<Answer>())).toEqualTypeOf<() => void>();
expectTypeOf<MomentsEventMap['skipped']['reason']>().toExtend<string>();
// @ts-expect-error: not an event of the contract
client.on('clicked', () => undefined);

// Config types are inferred from the schema.
expectTypeOf<Survey['question']['type']>().toEqualTypeOf<'nps' | 'csat' | 'ces' | 'rating' | 'emoji' | 'thumbs' | 'choice' | 'text'>();
expectTypeOf<Survey['placement']>().toEqualTypeOf<'bottom-right' | 'bottom-left' | 'center' | 'inline' | undefined>();
const parsed = parseConfig({});
if (parsed.ok) expectTypeOf(parsed.config).toEqualTypeOf<MomentsConfig>();
expectTypeOf(zodConfigSchema.parse({})).toEqualTypeOf<MomentsConfig>();

// Answers carry the contract's fields.
expectTypeOf<Answer>().toHaveProperty('id').toEqualTypeOf<string>();
expectTypeOf<Answer>().toHaveProperty('answeredAt').toEqualTypeOf<string>();
expectTypeOf<Answer['value']>().toEqualTypeOf<number | string | boolean>();
