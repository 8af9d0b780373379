// SPDX-License-Identifier: MIT
import { promisifyRequest } from 'idb-keyval';

/** How long `indexedDB.open` may take before IndexedDB counts as unavailable, in milliseconds. */
export const IDB_OPEN_TIMEOUT_MS = 2_000;

/** One object store of our own, as keys and values. Every method may reject. */
export interface IdbStore {
  get(key: string): Promise<unknown>;
  set(key: string, value: unknown): Promise<void>;
  /** Every `[key, value]`, unchecked (storage may hold anything). */
  entries(): Promise<Array<[string, unknown]>>;
  remove(keys: readonly string[]): Promise<void>;
  clear(): Promise<void>;
  /** How many records there are, without creating the database when it does not exist yet. */
  count(): Promise<number>;
}

/** Where to open it; `idb` defaults to the page's `indexedDB`, read only when first used. */
export interface IdbStoreOptions {
  idb?: IDBFactory;
  timeoutMs?: number;
}

/**
 * The only IndexedDB adapter of Moments (queue and state both use it). The database is opened
 * on first use, never at import time (SSR-safe, and free for a page view that stores nothing).
 * An open that fails, throws (a getter a sandbox made throw), or hangs longer than `timeoutMs`
 * (Safari has hung on the first open) rejects every operation, so the caller's fallback chain
 * moves on. Only idb-keyval's `promisifyRequest` is used: its ready-made helpers bring its
 * default database along.
 */
export function createIdbStore(dbName: string, storeName: string, options: IdbStoreOptions = {}): IdbStore {
  let db: Promise<IDBDatabase> | undefined;
  const use = <T>(mode: IDBTransactionMode, fn: (store: IDBObjectStore) => T): Promise<T> =>
    (db ??= open(dbName, storeName, options, true)).then((d) => {
      const store = d.transaction(storeName, mode).objectStore(storeName);
      const result = fn(store);
      return promisifyRequest(store.transaction).then(() => result);
    });
  return {
    get: (key) => use('readonly', (s) => s.get(key)).then((r) => r.result as unknown),
    set: (key, value) => use('readwrite', (s) => void s.put(value, key)),
    async entries() {
      const [keys, values] = await use('readonly', (s) => [s.getAllKeys(), s.getAll()] as const);
      return keys.result.map((key, i) => [String(key), values.result[i]]);
    },
    remove: (keys) => use('readwrite', (s) => keys.forEach((key) => s.delete(key))),
    clear: () => use('readwrite', (s) => void s.clear()),
    async count() {
      if (!db) {
        const existing = await open(dbName, storeName, options, false).catch(() => undefined);
        if (!existing) return 0;
        db = Promise.resolve(existing);
      }
      return use('readonly', (s) => s.count()).then((r) => r.result);
    },
  };
}

/**
 * Opens (with `create`, creating) the database. Without `create`, a database that does not
 * exist is not made: the upgrade is aborted and the open rejects, so merely looking for
 * waiting answers leaves nothing behind on a device (nothing is stored before consent).
 */
function open(dbName: string, storeName: string, { idb, timeoutMs = IDB_OPEN_TIMEOUT_MS }: IdbStoreOptions, create: boolean) {
  return new Promise<IDBDatabase>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('indexeddb-timeout')), timeoutMs);
    const request = (idb ?? indexedDB).open(dbName);
    request.onupgradeneeded = (event) => {
      if (create || event.oldVersion > 0) request.result.createObjectStore(storeName);
      else request.transaction?.abort();
    };
    promisifyRequest(request).then(
      (result) => {
        clearTimeout(timer);
        resolve(result);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error instanceof Error ? error : new Error('indexeddb-unavailable'));
      },
    );
  });
}
