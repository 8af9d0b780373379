// SPDX-License-Identifier: MIT
import type { Answer } from '../types.js';

/** An answer waiting for delivery. */
export interface QueuedAnswer {
  answer: Answer;
  /** When it was queued, in epoch milliseconds. */
  queuedAt: number;
}

/** Where queued answers live. Every method may reject; the queue falls back on failure. */
export interface QueueStorage {
  readonly kind: 'indexeddb' | 'localstorage' | 'memory';
  put(record: QueuedAnswer): Promise<void>;
  all(): Promise<QueuedAnswer[]>;
  remove(ids: readonly string[]): Promise<void>;
  clear(): Promise<void>;
}
