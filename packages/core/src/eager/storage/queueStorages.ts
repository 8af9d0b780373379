// SPDX-License-Identifier: MIT
import type { QueuedRecord, QueueStorage } from '../../shared/records.js';
import { createChain, type Chain } from './chain.js';
import { createIdbStorage } from './idbStorage.js';
import { createLocalStorage } from './localStorage.js';
import { createMemoryStorage } from './memoryStorage.js';

/**
 * The answer queue's storages on the one fallback chain, with what the eager script needs of
 * them: `put` stores a record the instant it is made (before any chunk download, lock or
 * request can fail), `count` looks for records an earlier visit left. The lazy delivery engine
 * receives the same chain to read, send and remove.
 */
export interface QueueChain extends Chain<QueueStorage> {
  put(record: QueuedRecord): Promise<void>;
  /** Records waiting in any storage; a storage that cannot tell counts as none. Never rejects. */
  count(): Promise<number>;
  /** Empties every storage (`purge()`); never rejects. */
  clear(): Promise<void>;
}

/** The default order: IndexedDB, then localStorage, then memory (or `storages`). */
export function createQueueChain(
  win: Window | undefined,
  onFallback: (kind: QueueStorage['kind'], error: unknown) => void,
  storages: readonly QueueStorage[] = defaultQueueStorages(win),
): QueueChain {
  const chain = createChain(storages, onFallback);
  return {
    ...chain,
    put: (record) => chain.run((s) => s.put(record)),
    async count() {
      const counts = await Promise.all(chain.live().map((s) => s.count().catch(() => 0)));
      return counts.reduce((a, b) => a + b, 0);
    },
    clear: () => Promise.all(storages.map((s) => s.clear().catch(() => undefined))).then(() => undefined),
  };
}

function defaultQueueStorages(win: Window | undefined): QueueStorage[] {
  return [
    ...(hasIndexedDb() ? [createIdbStorage()] : []),
    ...(win ? [createLocalStorage(pageLocalStorage(win))] : []),
    createMemoryStorage(),
  ];
}

/**
 * Whether to try IndexedDB: not where it does not exist (Node, SSR). Where merely reading the
 * global throws (a sandbox, or a page that made it throw) it is tried all the same: its first
 * use then fails, and the fallback chain says so (`storage-fallback`) and moves on.
 */
export function hasIndexedDb(): boolean {
  try {
    return typeof indexedDB !== 'undefined';
  } catch {
    return true;
  }
}

/**
 * The page's localStorage, read on each use and never before: the first access loads the
 * origin's whole storage area synchronously, which a page view that stores nothing must not pay
 * for. Where it is blocked, each call throws and the chain moves on.
 */
export function pageLocalStorage(win: Window): Pick<Storage, 'getItem' | 'setItem' | 'removeItem'> {
  return {
    getItem: (key) => win.localStorage.getItem(key),
    setItem: (key, value) => win.localStorage.setItem(key, value),
    removeItem: (key) => win.localStorage.removeItem(key),
  };
}
