// SPDX-License-Identifier: MIT
import type { Answer, LifecycleEvent } from '../types.js';

/** A request body and the headers it needs (at least its content type). */
export interface Payload {
  body: string;
  headers?: Record<string, string>;
  /** `transform` only: an absolute URL to send this batch to instead of `endpoint` (a service's region, say). */
  url?: string;
}

/**
 * Turns a batch into one request: the built-in formats, or `transform` in config (which gets
 * answers only: lifecycle events are not queued when a `transform` is set).
 */
export type Format = (answers: Answer[], events: LifecycleEvent[]) => Payload | Promise<Payload>;

/** The default: `{"answers": [Answer, …]}` as `application/json`, plus `"events"` when `report` asks. */
export const jsonFormat: Format = (answers, events) => ({ body: JSON.stringify(events.length ? { answers, events } : { answers }) });

/**
 * CloudEvents 1.0, structured batch mode: one event per answer (type `moments.answer`) and per
 * lifecycle event (`moments.shown`, `moments.dismissed`), its `id` the answer's or event's id
 * (so CloudEvents tooling dedupes on it), its `data` the answer or event.
 */
export const cloudEventsFormat: Format = (answers, events) => ({
  body: JSON.stringify([
    ...answers.map((data) => cloudEvent(data.id, 'answer', data.url, data.surveyId, data.answeredAt, data)),
    ...events.map((data) => cloudEvent(data.id, data.kind, '', data.surveyId ?? data.moment, data.at, data)),
  ]),
  headers: { 'content-type': 'application/cloudevents-batch+json' },
});

function cloudEvent(id: string, kind: string, source: string, subject: string, time: string, data: unknown) {
  return {
    specversion: '1.0',
    id,
    source: source || 'urn:moments',
    type: `moments.${kind}`,
    subject,
    time,
    datacontenttype: 'application/json',
    data,
  };
}

/**
 * The `Idempotency-Key` of a request, derived from its answer ids so a retry of the same batch
 * carries the same key: the first id (a random UUID), the count, and an FNV-1a hash of all ids.
 */
export function idempotencyKey(ids: readonly string[]): string {
  let hash = 0x811c9dc5;
  for (const char of ids.join()) hash = Math.imul(hash ^ char.charCodeAt(0), 0x01000193);
  return `${ids[0]}.${ids.length}.${(hash >>> 0).toString(36)}`;
}
