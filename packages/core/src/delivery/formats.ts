// SPDX-License-Identifier: MIT
import type { Answer } from '../types.js';

/** A request body and the headers it needs (at least its content type). */
export interface Payload {
  body: string;
  headers?: Record<string, string>;
}

/** Turns a batch of answers into one request: the built-in formats, or `transform` in config. */
export type Format = (answers: Answer[]) => Payload | Promise<Payload>;

/** The default: `{"answers": [Answer, …]}` as `application/json`. */
export const jsonFormat: Format = (answers) => ({ body: JSON.stringify({ answers }) });

/**
 * CloudEvents 1.0, structured batch mode: one event per answer, its `id` the answer id (so
 * CloudEvents tooling dedupes on it), its `data` the answer.
 */
export const cloudEventsFormat: Format = (answers) => ({
  body: JSON.stringify(
    answers.map((data) => ({
      specversion: '1.0',
      id: data.id,
      source: data.url || 'urn:moments',
      type: 'moments.answer',
      subject: data.surveyId,
      time: data.answeredAt,
      datacontenttype: 'application/json',
      data,
    })),
  ),
  headers: { 'content-type': 'application/cloudevents-batch+json' },
});

/**
 * The `Idempotency-Key` of a request, derived from its answer ids so a retry of the same batch
 * carries the same key: the first id (a random UUID), the count, and an FNV-1a hash of all ids.
 */
export function idempotencyKey(ids: readonly string[]): string {
  let hash = 0x811c9dc5;
  for (const char of ids.join()) hash = Math.imul(hash ^ char.charCodeAt(0), 0x01000193);
  return `${ids[0]}.${ids.length}.${(hash >>> 0).toString(36)}`;
}
