// SPDX-License-Identifier: MIT
import { clear, createStore, delMany, set, values, type UseStore } from 'idb-keyval';
import type { QueuedAnswer, QueueStorage } from './storage.js';

/** Our own database: never idb-keyval's default `keyval-store`, which the host page may use. */
export const QUEUE_DB = 'moments-queue';
export const QUEUE_STORE = 'answers';

/**
 * Answers in IndexedDB, keyed by answer id so a repeated write is harmless. The database is
 * opened on first use, never at import time (SSR-safe, and no cost to pages that never answer).
 */
export function createIdbStorage(): QueueStorage {
  let store: UseStore | undefined;
  const use = (): UseStore => (store ??= createStore(QUEUE_DB, QUEUE_STORE));
  return {
    kind: 'indexeddb',
    put: (record) => set(record.answer.id, record, use()),
    all: () => values<QueuedAnswer>(use()),
    remove: (ids) => delMany([...ids], use()),
    clear: () => clear(use()),
  };
}
