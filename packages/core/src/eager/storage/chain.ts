// SPDX-License-Identifier: MIT

/** Anything that can be tried in order: IndexedDB, then localStorage, then memory. */
export interface Stored {
  readonly kind: 'indexeddb' | 'localstorage' | 'memory';
}

/** Several storages acting as one (see `createChain`). */
export interface Chain<S extends Stored> {
  /** Runs `op` on the storage in use; when it rejects, on the next one, for good. */
  run<T>(op: (storage: S) => Promise<T>): Promise<T>;
  /** The storage in use and those after it (what an earlier visit may have written to). */
  live(): readonly S[];
  /** Every storage of the chain, used or not. */
  readonly all: readonly S[];
  /** Leaves `storage` for the next one if it is the one in use (a failed read, say). */
  fail(storage: S, error: unknown): void;
}

/**
 * The one fallback chain of Moments, for the answer queue and the eligibility state alike:
 * a storage that fails once is left for the next, for good, and `onFallback` is told which
 * kind is now in use and why, so the page keeps working where storage is blocked or full.
 * Rejects only when the last storage fails too.
 */
export function createChain<S extends Stored>(storages: readonly S[], onFallback: (kind: S['kind'], error: unknown) => void): Chain<S> {
  let index = 0;
  const fail = (storage: S, error: unknown): void => {
    if (storage === storages[index] && index < storages.length - 1) onFallback(storages[++index]!.kind, error);
  };
  return {
    all: storages,
    live: () => storages.slice(index),
    fail,
    async run(op) {
      for (;;) {
        const storage = storages[index]!;
        try {
          return await op(storage);
        } catch (error) {
          if (storage === storages[storages.length - 1]) throw error;
          fail(storage, error);
        }
      }
    },
  };
}
