// SPDX-License-Identifier: MIT
import { QUEUE_DB, QUEUE_STORE } from '../../shared/names.js';
import { recordId, type QueueStorage } from '../../shared/records.js';
import { createIdbStore, IDB_OPEN_TIMEOUT_MS } from './idb.js';

export { IDB_OPEN_TIMEOUT_MS, QUEUE_DB, QUEUE_STORE };

/**
 * Queued answers and events in IndexedDB (`moments-queue`), one record per id: a repeated
 * write is harmless. See `createIdbStore` for when it rejects.
 */
export function createIdbStorage(idb?: IDBFactory, timeoutMs = IDB_OPEN_TIMEOUT_MS): QueueStorage {
  const store = createIdbStore(QUEUE_DB, QUEUE_STORE, { ...(idb ? { idb } : {}), timeoutMs });
  return {
    kind: 'indexeddb',
    put: (record) => store.set(recordId(record), record),
    entries: store.entries,
    remove: store.remove,
    clear: store.clear,
    count: store.count,
  };
}
