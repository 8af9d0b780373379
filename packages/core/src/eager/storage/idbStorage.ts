// SPDX-License-Identifier: MIT
import { promisifyRequest } from 'idb-keyval';
import { recordId, type QueueStorage } from '../../shared/records.js';

/** Our own database: never idb-keyval's default `keyval-store`, which the host page may use. */
export const QUEUE_DB = 'moments-queue';
export const QUEUE_STORE = 'answers';
/** How long `indexedDB.open` may take before IndexedDB counts as unavailable, in milliseconds. */
export const IDB_OPEN_TIMEOUT_MS = 2_000;

/**
 * Answers in IndexedDB (one key-value store, as idb-keyval keeps them; its ready-made helpers
 * would bring its default database and a cursor fallback into the eager script, so only its
 * `promisifyRequest` is used). The database is opened on first use, never at import time
 * (SSR-safe, and free for pages that never touch the queue). An open that fails, or hangs
 * longer than `timeoutMs` (Safari has hung on the first open), rejects every operation so the
 * queue moves on to its next storage.
 */
export function createIdbStorage(idb: IDBFactory = indexedDB, timeoutMs = IDB_OPEN_TIMEOUT_MS): QueueStorage {
  let db: Promise<IDBDatabase> | undefined;
  const use = <T>(mode: IDBTransactionMode, fn: (store: IDBObjectStore) => T): Promise<T> =>
    (db ??= open(idb, timeoutMs)).then((d) => {
      const store = d.transaction(QUEUE_STORE, mode).objectStore(QUEUE_STORE);
      const result = fn(store);
      return promisifyRequest(store.transaction).then(() => result);
    });
  return {
    kind: 'indexeddb',
    put: (record) => use('readwrite', (s) => void s.put(record, recordId(record))),
    async entries() {
      const [keys, values] = await use('readonly', (s) => [s.getAllKeys(), s.getAll()]);
      return keys!.result.map((key, i) => [String(key), values!.result[i]]);
    },
    remove: (keys) => use('readwrite', (s) => keys.forEach((key) => s.delete(key))),
    clear: () => use('readwrite', (s) => void s.clear()),
  };
}

function open(idb: IDBFactory, timeoutMs: number): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    setTimeout(() => reject(new Error('indexeddb-timeout')), timeoutMs);
    const request = idb.open(QUEUE_DB);
    request.onupgradeneeded = () => request.result.createObjectStore(QUEUE_STORE);
    promisifyRequest(request).then(resolve, reject);
  });
}
