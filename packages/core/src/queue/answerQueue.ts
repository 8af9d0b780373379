// SPDX-License-Identifier: MIT
import type { QueuedAnswer, QueueStorage } from './storage.js';

export interface AnswerQueue {
  /** Which storage currently holds the queue. */
  readonly kind: QueueStorage['kind'];
  put(record: QueuedAnswer): Promise<void>;
  all(): Promise<QueuedAnswer[]>;
  remove(ids: readonly string[]): Promise<void>;
  clear(): Promise<void>;
}

export interface AnswerQueueOptions {
  /** Tried in order; a storage that fails is left for the next one, for good. */
  storages: readonly QueueStorage[];
  /** Told once per switch, with the storage now in use. */
  onFallback?: (kind: QueueStorage['kind'], error: unknown) => void;
}

/**
 * A queue over a chain of storages (IndexedDB, then memory): when one throws, the write is
 * retried on the next so the answer is never lost and the page keeps working.
 */
export function createAnswerQueue({ storages, onFallback }: AnswerQueueOptions): AnswerQueue {
  let index = 0;
  const run = async <T>(op: (storage: QueueStorage) => Promise<T>): Promise<T> => {
    for (;;) {
      const storage = storages[index]!;
      try {
        return await op(storage);
      } catch (error) {
        if (index >= storages.length - 1) throw error;
        index++;
        onFallback?.(storages[index]!.kind, error);
      }
    }
  };
  return {
    get kind() {
      return storages[index]!.kind;
    },
    put: (record) => run((s) => s.put(record)),
    all: () => run((s) => s.all()),
    remove: (ids) => run((s) => s.remove(ids)),
    clear: () => run((s) => s.clear()),
  };
}
