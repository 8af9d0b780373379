// SPDX-License-Identifier: MIT
import type { Emitter } from './emitter.js';

/**
 * Reports a problem without throwing: an `error` event for code that listens, and one
 * `[moments]`-prefixed `console.warn` per distinct problem so a developer sees it without listening.
 */
export function createReporter(emitter: Emitter): (code: string, message: string, details?: unknown) => void {
  const warned = new Set<string>();
  return (code, message, details) => {
    emitter.emit('error', details === undefined ? { code, message } : { code, message, details });
    // Once per distinct problem: a retry loop must not flood the console.
    const key = `${code}:${message}`;
    if (warned.has(key)) return;
    warned.add(key);
    try {
      console.warn(`[moments] ${code}: ${message}`);
    } catch {
      // A console that throws (some embedded webviews) must not break the page.
    }
  };
}

export type Reporter = ReturnType<typeof createReporter>;
