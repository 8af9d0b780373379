// SPDX-License-Identifier: MIT
import type { QueuedAnswer, QueueStorage } from './storage.js';

/** Keeps answers for the life of the page only: the last resort, and the store for unit tests. */
export function createMemoryStorage(): QueueStorage {
  const records = new Map<string, QueuedAnswer>();
  return {
    kind: 'memory',
    async put(record) {
      records.set(record.answer.id, record);
    },
    async all() {
      return [...records.values()];
    },
    async remove(ids) {
      for (const id of ids) records.delete(id);
    },
    async clear() {
      records.clear();
    },
  };
}
