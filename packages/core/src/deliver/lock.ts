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
 * browser when a tab dies), else a localStorage lease. Where the browser refuses both (site
 * data blocked, a sandboxed iframe: `SecurityError`), the tab flushes without a lock, and
 * `onFallback` is told once: a duplicate send, which the endpoint dedupes, beats never sending.
 */
export function createLock(name: string, win: Window | undefined, onFallback?: (kind: string, error: unknown) => void): Lock {
  let fallback: Lock | undefined;
  const useFallback = (kind: string, error: unknown): Lock => {
    if (!fallback) {
      fallback = unlocked;
      onFallback?.(kind, error);
    }
    return fallback;
  };
  // The page's localStorage is read only when a lease is needed (never at start-up).
  const lease = win
    ? createLease(name, {
        getItem: (k) => win.localStorage.getItem(k),
        setItem: (k, v) => win.localStorage.setItem(k, v),
        removeItem: (k) => win.localStorage.removeItem(k),
      })
    : unlocked;
  const guardedLease: Lock = async (task) => {
    let ran = false;
    try {
      return await lease(() => ((ran = true), task()));
    } catch (error) {
      if (ran) throw error;
      return useFallback('no storage for a lease', error)(task);
    }
  };
  const locks = win?.navigator.locks;
  if (!locks) return (task) => (fallback ?? guardedLease)(task);
  return async (task) => {
    if (fallback) return fallback(task);
    let ran = false;
    try {
      return await locks.request(name, { ifAvailable: true }, async (lock) => {
        if (!lock) return false;
        ran = true;
        await task();
        return true;
      });
    } catch (error) {
      if (ran) throw error;
      return useFallback('navigator.locks refused', error)(task);
    }
  };
}

const unlocked: Lock = async (task) => {
  await task();
  return true;
};

/**
 * A lease in localStorage: `"<tab id> <expiry ms>"`, renewed every `LEASE_MS / 2` while the
 * task runs and removed after it. A tab closed mid-task stops renewing; the lease then expires.
 * Reading the lease may throw where storage is blocked: the lock then rejects and the courier
 * retries later.
 */
export function createLease(key: string, storage: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>): Lock {
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
