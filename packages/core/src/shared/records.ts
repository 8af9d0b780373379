// SPDX-License-Identifier: MIT
import type { Answer, LifecycleEvent } from '../types.js';

/** An answer waiting for delivery. */
export interface QueuedAnswer {
  answer: Answer;
  /** When it was queued, in epoch milliseconds. */
  queuedAt: number;
}

/** A lifecycle event (config `report`) waiting for delivery. */
export interface QueuedEvent {
  event: LifecycleEvent;
  /** When it was queued, in epoch milliseconds. */
  queuedAt: number;
}

/** What the queue holds. */
export type QueuedRecord = QueuedAnswer | QueuedEvent;

/** The id a record is stored (and delivered, and deduped) under. */
export const recordId = (record: QueuedRecord): string => ('answer' in record ? record.answer.id : record.event.id);

/**
 * Where queued answers live, keyed by answer id (a repeated write is harmless). Every method
 * may reject: the queue then falls back to the next storage.
 */
export interface QueueStorage {
  readonly kind: 'indexeddb' | 'localstorage' | 'memory';
  put(record: QueuedRecord): Promise<void>;
  /** Every stored `[key, record]`, unchecked: storage may hold anything, so the queue validates. */
  entries(): Promise<Array<[string, unknown]>>;
  remove(keys: readonly string[]): Promise<void>;
  clear(): Promise<void>;
  /** How many records wait; creates nothing where nothing was ever stored. */
  count(): Promise<number>;
}
