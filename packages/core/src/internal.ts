// SPDX-License-Identifier: MIT
/**
 * `@moments/core/internal`: the parts behind the public API that Moments' own packages compose
 * (the script-tag build, the UI, the framework bindings) and that tests and benchmarks drive.
 * Not covered by semver: apps use `@moments/core`.
 *
 * Grouped by chunk, as the folders are: `eager/` runs in `moments.js` on every page view;
 * `decide/` (config validation, eligibility) loads with the UI on the first moment; `deliver/`
 * (queue, courier) loads when there is something to send; `page/` where a survey fires by itself.
 * @packageDocumentation
 */
export * from './index.js';
export type { DropReason, LifecycleEvent, ShowOptions, Trigger, Decider } from './types.js';
export { SDK } from './shared/version.js';
export { createId } from './shared/id.js';
export { validate, type Infer, type Schema, type SchemaIssue } from './decide/config/schemaKit.js';

// eager/
export { createRuntime, type Platform, type Runtime, type RuntimeOptions } from './eager/runtime.js';
export { observeMarkup, readMarkupContext } from './eager/triggers/markup.js';
export { observeTriggerEvents, TRIGGER_EVENT } from './eager/triggers/domEvent.js';
export { observeDataLayer } from './eager/triggers/dataLayer.js';
export { toContext } from './eager/triggers/context.js';
export {
  createStateStorage,
  createIdbStateStorage,
  createLocalStateStorage,
  createMemoryStateStorage,
  STATE_DB,
  STATE_STORE,
  type StateChain,
  type StateStorage,
} from './eager/storage/stateStorage.js';
export { createMemoryStorage } from './eager/storage/memoryStorage.js';
export { createIdbStorage, QUEUE_DB, QUEUE_STORE } from './eager/storage/idbStorage.js';
export { createLocalStorage } from './eager/storage/localStorage.js';
export type { QueueStorage, QueuedAnswer } from './shared/records.js';
export type { LoadDelivery } from './eager/delivery.js';
export { readSettings, type Settings } from './eager/settings.js';
export { readDeliverySettings, type DeliverySettings } from './shared/deliverySettings.js';
export { createQueueChain, type QueueChain } from './eager/storage/queueStorages.js';
export { pageLocale } from './shared/locale.js';

// decide/
export { startDecider } from './decide/start.js';
export { createDecider, type DeciderOptions, type DeciderPlatform, type FullDecider } from './decide/decider.js';
export {
  configSchema,
  surveySchema,
  questionSchema,
  followUpSchema,
  themeSchema,
  urlRuleSchema,
  behaviourSchema,
  PLACEMENTS,
  PRIORITIES,
  type Behaviour,
  type Placement,
  type Priority,
  type UrlRule,
} from './decide/config/schema.js';
export { matchUrl } from './decide/eligibility/matchUrl.js';
export { sampleBucket, type RuleInput } from './decide/eligibility/rules.js';
export type { PageFacts } from './decide/eligibility/page.js';
export type { DeferredMoment, State, StateStore, SurveyHistory } from './decide/eligibility/state.js';

// deliver/
export { createDelivery, resolveEndpoint, type Delivery, type DeliveryOptions } from './deliver/createDelivery.js';
export { cloudEventsFormat, jsonFormat, idempotencyKey, type Format, type Payload } from './deliver/formats.js';
export { httpTransport, parseRetryAfter, type SendOptions, type SendResult, type Transport } from './deliver/httpTransport.js';
