// SPDX-License-Identifier: MIT
import type { Answer, LifecycleEvent } from '../types.js';
import { getter, take } from './readConfig.js';
import { batchSizeOk, FORMATS, isFunction, isHeaders, isOneOf, isString, maxAgeDaysOk, maxItemsOk } from './settingsRules.js';

/** What delivery takes from the config, typed (the engine never reads the raw config otherwise). */
export interface DeliverySettings {
  /** As written in the config: resolved against the page (and checked) by the engine. */
  endpoint: string | undefined;
  headers: Record<string, string> | (() => Record<string, string> | Promise<Record<string, string>>) | undefined;
  format: 'json' | 'cloudevents';
  /** JS only: `(answers, events) => ({body, headers?, url?})`. */
  transform: ((answers: Answer[], events: LifecycleEvent[]) => unknown) | undefined;
  batchSize: number | undefined;
  maxItems: number | undefined;
  maxAgeDays: number | undefined;
}

/**
 * The delivery keys of the raw config, read once, by the delivery chunk that uses them (so
 * `moments.js` carries none of it), with the schema's own tests (`settingsRules.ts`). A value
 * a test refuses gets its default; the full validation reports it with its path.
 */
export function readDeliverySettings(config: unknown): DeliverySettings {
  const get = getter(config);
  return {
    endpoint: take(isString, get('endpoint')),
    headers: take(isHeaders, get('headers')),
    format: take(isOneOf(FORMATS), get('format')) ?? 'json',
    transform: take(isFunction, get('transform')) as DeliverySettings['transform'],
    batchSize: take(batchSizeOk, get('batchSize', get('delivery'))),
    maxItems: take(maxItemsOk, get('maxItems', get('queue'))),
    maxAgeDays: take(maxAgeDaysOk, get('maxAgeDays', get('queue'))),
  };
}
