// SPDX-License-Identifier: MIT

/** The localStorage key of the "answers pending" hint. */
export const PENDING_KEY = 'moments-pending';

/**
 * A tiny "answers may be queued" flag, so a page view with nothing queued never opens
 * IndexedDB. `mark` writes a fresh token after each stored answer; `read` notes the token
 * before the queue is read; `settle` removes the flag only if no tab marked it since, so an
 * answer queued by another tab mid-flush keeps it. Without storage, answers are assumed pending.
 */
export function createPendingHint(storage: Storage | undefined) {
  let seen: string | null = null;
  const get = (): string | null => readPendingHint(storage);
  return {
    mark(): void {
      try {
        storage?.setItem(PENDING_KEY, String(Math.random()));
      } catch {
        // No hint: start-up then opens the queue to look.
      }
    },
    read(): void {
      seen = get();
    },
    /** `force`: remove whatever the flag says (after a purge). */
    settle(force?: boolean): void {
      try {
        if (force || get() === seen) storage?.removeItem(PENDING_KEY);
      } catch {
        // Nothing to clean up where storage is blocked.
      }
    },
    has: (): boolean => get() !== null,
  };
}

/** The hint's token; `'?'` (assume pending) without storage or where reading it throws. */
export function readPendingHint(storage: Storage | undefined): string | null {
  try {
    return storage ? storage.getItem(PENDING_KEY) : '?';
  } catch {
    return '?';
  }
}
