// SPDX-License-Identifier: MIT
import type { Emitter } from '../eager/emitter.js';
import type { DropReason } from '../types.js';
import type { QueueChain } from '../eager/storage/queueStorages.js';
import { recordId, type QueuedAnswer, type QueuedEvent, type QueuedRecord } from '../shared/records.js';

/** Default cap on queued answers; the oldest beyond it are dropped. */
export const QUEUE_MAX_ITEMS = 500;
/** Default age after which a queued answer is dropped, in days. */
export const QUEUE_MAX_AGE_DAYS = 7;

export interface AnswerQueue {
  /** Stores an answer; rejects only if every storage failed. */
  put(record: QueuedRecord): Promise<void>;
  /**
   * Reads what is queued, oldest first, after dropping (with `onDropped`) corrupt records,
   * answers past `maxAgeDays` and the oldest beyond `maxItems`.
   */
  load(now?: number): Promise<QueuedRecord[]>;
  /** Removes answers from every storage (a failed removal only risks a duplicate send). */
  remove(ids: readonly string[]): Promise<void>;
  /** Removes answers and emits `dropped` with the reason (and the HTTP status that refused them). */
  drop(ids: string[], reason: DropReason, status?: number): Promise<void>;
  clear(): Promise<void>;
}

export interface AnswerQueueOptions {
  /** The storages the eager script writes to (IndexedDB, localStorage, memory), as one chain. */
  chain: QueueChain;
  /** Default 500. */
  maxItems?: number;
  /** Default 7. */
  maxAgeDays?: number;
  /** Receives `dropped` events. */
  emit: Emitter['emit'];
}

/**
 * The delivery engine's view of the queue the eager script writes to: reads merge every
 * storage still in use (answers a fallback kept on an earlier visit go out too), and drop, with
 * a `dropped` event, corrupt records, answers past their age and the oldest beyond the cap.
 */
export function createAnswerQueue(options: AnswerQueueOptions): AnswerQueue {
  const { chain, maxItems = QUEUE_MAX_ITEMS, maxAgeDays = QUEUE_MAX_AGE_DAYS } = options;
  const queue: AnswerQueue = {
    put: chain.put,
    async load(now = Date.now()) {
      const records = new Map<string, QueuedRecord>();
      const corrupt: string[] = [];
      for (const storage of chain.live()) {
        try {
          for (const [key, value] of await storage.entries()) {
            if (isRecord(value, key)) records.set(key, value);
            else corrupt.push(key);
          }
        } catch (error) {
          chain.fail(storage, error);
        }
      }
      const sorted = [...records.values()].sort((a, b) => a.queuedAt - b.queuedAt);
      const fresh = sorted.filter((r) => r.queuedAt > now - maxAgeDays * 864e5);
      const kept = fresh.slice(-maxItems);
      await queue.drop(corrupt, 'corrupt');
      await queue.drop(ids(sorted.slice(0, sorted.length - fresh.length)), 'expired');
      await queue.drop(ids(fresh.slice(0, fresh.length - kept.length)), 'overflow');
      return kept;
    },
    remove: (keys) => Promise.all(chain.live().map((s) => s.remove(keys).catch(() => undefined))).then(() => undefined),
    async drop(ids, reason, status) {
      if (!ids.length) return;
      await queue.remove(ids);
      options.emit('dropped', { ids, reason, ...(status === undefined ? {} : { status }) });
    },
    clear: chain.clear,
  };
  return queue;
}

const ids = (records: QueuedRecord[]): string[] => records.map(recordId);

/** A record read back is only trusted when it has the shape we wrote, under its own id. */
function isRecord(value: unknown, key: string): value is QueuedRecord {
  const record = value as Partial<QueuedAnswer & QueuedEvent> | null;
  if (typeof record?.queuedAt !== 'number') return false;
  if (record.answer) return typeof record.answer.surveyId === 'string' && record.answer.id === key;
  const event = record.event;
  return typeof event?.kind === 'string' && typeof event.moment === 'string' && event.id === key;
}
