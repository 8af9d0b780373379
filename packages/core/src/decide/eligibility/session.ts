// SPDX-License-Identifier: MIT
import { SESSION_KEY } from '../../shared/names.js';

export { SESSION_KEY };

/** Counts surveys shown per browser session (`fatigue.maxPerSession`). */
export interface SessionCounter {
  get(): number;
  /** Adds one; called only when a survey is shown, so only after consent. */
  add(): void;
}

/**
 * A counter in sessionStorage, so it spans the pages of one visit; in memory where
 * sessionStorage is missing or blocked. Touches storage only when called.
 */
export function createSessionCounter(win: Window | undefined): SessionCounter {
  let count = 0;
  return {
    get() {
      try {
        count = Math.max(count, Number(win!.sessionStorage.getItem(SESSION_KEY)) || 0);
      } catch {
        // No window or blocked storage: the count in memory stands.
      }
      return count;
    },
    add() {
      count = this.get() + 1;
      try {
        win!.sessionStorage.setItem(SESSION_KEY, String(count));
      } catch {
        // As above.
      }
    },
  };
}
