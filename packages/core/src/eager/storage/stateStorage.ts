// SPDX-License-Identifier: MIT
import { SESSION_KEY, STATE_DB, STATE_KEY, STATE_STORE } from '../../shared/names.js';
import { createChain, type Stored } from './chain.js';
import { createIdbStore } from './idb.js';
import { hasIndexedDb, pageLocalStorage } from './queueStorages.js';

export { STATE_DB, STATE_KEY, STATE_STORE };

/** One place the eligibility state may live. Every method may reject. */
export interface StateStorage extends Stored {
  read(): Promise<unknown>;
  write(value: unknown): Promise<void>;
  clear(): Promise<void>;
}

/** Several storages acting as one (see `createStateStorage`). */
export type StateChain = Omit<StateStorage, 'kind'>;

/** IndexedDB (`moments-state`), through the one IndexedDB adapter, opened on first use. */
export function createIdbStateStorage(idb?: IDBFactory): StateStorage {
  const store = createIdbStore(STATE_DB, STATE_STORE, idb ? { idb } : {});
  return {
    kind: 'indexeddb',
    read: () => store.get(STATE_KEY),
    write: (value) => store.set(STATE_KEY, value),
    clear: store.clear,
  };
}

/** localStorage, as JSON under `moments-state`: where IndexedDB is blocked (some private modes). */
export function createLocalStateStorage(storage: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>): StateStorage {
  return {
    kind: 'localstorage',
    read: async () => JSON.parse(storage.getItem(STATE_KEY) ?? 'null') as unknown,
    write: async (value) => storage.setItem(STATE_KEY, JSON.stringify(value)),
    clear: async () => storage.removeItem(STATE_KEY),
  };
}

/**
 * For the life of the page only: the last resort, and the store for unit tests. Keeps the
 * value itself: the decider writes a fresh serialized copy each time, never mutates it.
 */
export function createMemoryStateStorage(): StateStorage {
  let value: unknown;
  return {
    kind: 'memory',
    read: async () => value,
    write: async (next) => {
      value = next;
    },
    clear: async () => {
      value = undefined;
    },
  };
}

/**
 * The state's storage for a page: IndexedDB, then localStorage, then memory (or `storages`),
 * on the one fallback chain the queue uses too. `clear` empties every one of them, and the
 * session count too (`client.purge()`). Nothing is opened until the state is first read.
 */
export function createStateStorage(
  win: Window | undefined,
  onFallback: (kind: StateStorage['kind'], error: unknown) => void,
  storages?: StateStorage[],
): StateChain {
  const chain = createChain(
    storages ?? [
      ...(hasIndexedDb() ? [createIdbStateStorage()] : []),
      ...(win ? [createLocalStateStorage(pageLocalStorage(win))] : []),
      createMemoryStateStorage(),
    ],
    onFallback,
  );
  return {
    read: () => chain.run((s) => s.read()),
    write: (value) => chain.run((s) => s.write(value)),
    async clear() {
      try {
        win?.sessionStorage.removeItem(SESSION_KEY);
      } catch {
        // Blocked storage holds nothing of ours.
      }
      await Promise.all(chain.all.map((s) => s.clear().catch(() => undefined)));
    },
  };
}
