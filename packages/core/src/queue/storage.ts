// SPDX-License-Identifier: MIT
import type { Answer } from '../types.js';

/** An answer waiting for delivery. */
export interface QueuedAnswer {
  answer: Answer;
  /** When it was queued, in epoch milliseconds. */
  queuedAt: number;
}

/**
 * Where queued answers live, keyed by answer id (a repeated write is harmless). Every method
 * may reject: the queue then falls back to the next storage.
 */
export interface QueueStorage {
  readonly kind: 'indexeddb' | 'localstorage' | 'memory';
  put(record: QueuedAnswer): Promise<void>;
  /** Every stored `[key, record]`, unchecked: storage may hold anything, so the queue validates. */
  entries(): Promise<Array<[string, unknown]>>;
  remove(keys: readonly string[]): Promise<void>;
  clear(): Promise<void>;
}
