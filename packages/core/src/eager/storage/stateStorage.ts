// SPDX-License-Identifier: MIT
import { clear, createStore, get, set, type UseStore } from 'idb-keyval';
import { SESSION_KEY } from '../../shared/names.js';

/** Our own database: never idb-keyval's default `keyval-store`, which the host may use. */
export const STATE_DB = 'moments-state';
/** The object store in `STATE_DB`. */
export const STATE_STORE = 'state';
/** The one key (IndexedDB) or localStorage item the state lives under. */
export const STATE_KEY = 'moments-state';

/** One place the eligibility state may live. Every method may reject. */
export interface StateStorage {
  readonly kind: 'indexeddb' | 'localstorage' | 'memory';
  read(): Promise<unknown>;
  write(value: unknown): Promise<void>;
  clear(): Promise<void>;
}

/** Several storages acting as one (see `createStateStorage`). */
export type StateChain = Omit<StateStorage, 'kind'>;

/** IndexedDB through idb-keyval. The database is opened on first use, never at import time. */
export function createIdbStateStorage(): StateStorage {
  let store: UseStore | undefined;
  const use = (): UseStore => (store ??= createStore(STATE_DB, STATE_STORE));
  return {
    kind: 'indexeddb',
    read: () => get(STATE_KEY, use()),
    write: (value) => set(STATE_KEY, value, use()),
    clear: () => clear(use()),
  };
}

/** localStorage, as JSON under `moments-state`: where IndexedDB is blocked (some private modes). */
export function createLocalStateStorage(storage: () => Storage): StateStorage {
  return {
    kind: 'localstorage',
    read: async () => JSON.parse(storage().getItem(STATE_KEY) ?? 'null') as unknown,
    write: async (value) => storage().setItem(STATE_KEY, JSON.stringify(value)),
    clear: async () => storage().removeItem(STATE_KEY),
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
    write: async (next) => void (value = next),
    clear: async () => void (value = undefined),
  };
}

/**
 * The state's storage for a page: IndexedDB, then localStorage, then memory (or `chain`).
 * A storage that fails once is left for the next, for good, and `onFallback` is told.
 * `clear` empties every one of them, and the session count too (`client.purge()`).
 * Lives in the eager script, which already carries idb-keyval for the answer queue, so the
 * lazy half receives it through the runtime instead of bundling a second copy.
 */
export function createStateStorage(
  win: Window | undefined,
  onFallback: (kind: StateStorage['kind']) => void,
  chain: StateStorage[] = [
    ...(typeof indexedDB === 'undefined' ? [] : [createIdbStateStorage()]),
    ...(win ? [createLocalStateStorage(() => win.localStorage)] : []),
    createMemoryStateStorage(),
  ],
): StateChain {
  let index = 0;
  const run =
    <A>(op: 'read' | 'write') =>
    async (arg?: A): Promise<never> => {
      for (;;) {
        try {
          return (await chain[index]![op](arg)) as never;
        } catch (error) {
          if (index >= chain.length - 1) throw error;
          onFallback(chain[++index]!.kind);
        }
      }
    };
  return {
    read: run('read'),
    write: run('write'),
    async clear() {
      try {
        win?.sessionStorage.removeItem(SESSION_KEY);
      } catch {
        // Blocked storage holds nothing of ours.
      }
      await Promise.all(chain.map((s) => s.clear().catch(() => undefined)));
    },
  };
}
