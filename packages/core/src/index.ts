// SPDX-License-Identifier: MIT
/**
 * `@moments/core`: framework-free heart of Moments. It decides when to ask (moment sources,
 * eligibility), stores answers durably and delivers them to any HTTP endpoint. It renders
 * nothing: a UI such as `@moments/elements` is passed in as `show`.
 *
 * This file is the public API: re-exports only.
 * @packageDocumentation
 */
export { createMoments, type CreateMomentsOptions } from './createMoments.js';
export { createRuntime, type Platform, type Runtime, type RuntimeOptions } from './runtime.js';
export { createDecider, type DeciderOptions, type DeciderPlatform, type FullDecider } from './decider.js';
export { parseConfig, type ConfigIssue, type ParseConfigResult } from './config/parseConfig.js';
export { zodConfigSchema } from './config/zodSchema.js';
export { validate, type Infer, type Schema, type SchemaIssue } from './config/schemaKit.js';
export {
  configSchema,
  surveySchema,
  questionSchema,
  followUpSchema,
  themeSchema,
  urlRuleSchema,
  behaviourSchema,
  QUESTION_TYPES,
  PLACEMENTS,
  PRIORITIES,
  type Behaviour,
  type FollowUp,
  type MomentsConfigInput,
  type Placement,
  type Priority,
  type Question,
  type QuestionType,
  type SurveyTheme,
  type UrlRule,
} from './config/schema.js';
export { observeMarkup, readMarkupContext } from './triggers/markup.js';
export { observeTriggerEvents, TRIGGER_EVENT } from './triggers/domEvent.js';
export { observeDataLayer } from './triggers/dataLayer.js';
export { toContext } from './triggers/context.js';
export { matchUrl } from './eligibility/matchUrl.js';
export { sampleBucket, type RuleInput } from './eligibility/rules.js';
export type { PageFacts } from './eligibility/page.js';
export type { DeferredMoment, State, StateStore, SurveyHistory } from './eligibility/state.js';
export {
  createStateStorage,
  createIdbStateStorage,
  createLocalStateStorage,
  createMemoryStateStorage,
  STATE_DB,
  STATE_STORE,
  type StateChain,
  type StateStorage,
} from './eligibility/stateStorage.js';
export { createMemoryStorage } from './queue/memoryStorage.js';
export { createIdbStorage, QUEUE_DB, QUEUE_STORE } from './queue/idbStorage.js';
export type { QueueStorage, QueuedAnswer } from './queue/storage.js';
export { createDelivery, resolveEndpoint, type Delivery, type DeliveryOptions, type DeliveryPlatform } from './delivery/createDelivery.js';
export type { LoadDelivery } from './delivery/createLazyDelivery.js';
export { cloudEventsFormat, jsonFormat, idempotencyKey, type Format, type Payload } from './delivery/formats.js';
export { createLocalStorage } from './queue/localStorage.js';
export { httpTransport, parseRetryAfter, type SendOptions, type SendResult, type Transport } from './delivery/httpTransport.js';
export { SDK } from './version.js';
export type * from './types.js';
