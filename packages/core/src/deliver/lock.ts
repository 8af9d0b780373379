// SPDX-License-Identifier: MIT
import { createId } from '../shared/id.js';

/** Runs `task` if this tab gets the lock; resolves false at once when another tab holds it. */
export type Lock = (task: () => Promise<void>) => Promise<boolean>;

/** How long a lease lasts without renewal, in milliseconds (a closed tab frees it this late). */
export const LEASE_MS = 10_000;
/** Wait after writing a lease before trusting it, in milliseconds: a racing tab's write wins. */
export const LEASE_SETTLE_MS = 50;

/**
 * One flusher across the tabs of an origin: the Web Locks API where present (freed by the
 * browser when a tab dies), else a localStorage lease. With neither, every tab may flush.
 */
export function createLock(name: string, win: Window | undefined, storage?: Storage): Lock {
  const locks = win?.navigator.locks;
  // `.then` flattens the callback's promise in the type too (lib.dom types it as Promise<Promise<…>>).
  if (locks)
    return (task) => locks.request(name, { ifAvailable: true }, async (lock) => !!lock && (await task(), true)).then((granted) => granted);
  return storage ? createLease(name, storage) : async (task) => (await task(), true);
}

/**
 * A lease in localStorage: `"<tab id> <expiry ms>"`, renewed every `LEASE_MS / 2` while the
 * task runs and removed after it. A tab closed mid-task stops renewing; the lease then expires.
 * Reading the lease may throw where storage is blocked: the lock then rejects and the courier
 * retries later.
 */
export function createLease(key: string, storage: Storage): Lock {
  const me = createId();
  const mine = (): boolean | undefined => storage.getItem(key)?.startsWith(me);
  const write = (): void => {
    try {
      storage.setItem(key, `${me} ${Date.now() + LEASE_MS}`);
    } catch {
      // Storage full: kept for this task; another tab may take over after LEASE_MS.
    }
  };
  return async (task) => {
    const [owner, until] = (storage.getItem(key) ?? '').split(' ');
    if (owner && owner !== me && Number(until) > Date.now()) return false;
    write();
    await new Promise((resolve) => setTimeout(resolve, LEASE_SETTLE_MS));
    if (!mine()) return false;
    const renew = setInterval(write, LEASE_MS / 2);
    try {
      await task();
      return true;
    } finally {
      clearInterval(renew);
      if (mine()) storage.removeItem(key);
    }
  };
}
