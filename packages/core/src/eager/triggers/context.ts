// SPDX-License-Identifier: MIT
import type { Context } from '../../types.js';

/**
 * A flat, JSON-safe copy of a moment's context: own string, number, boolean and null values
 * only, without `__proto__`/`constructor`/`prototype` keys (prototype-pollution safe).
 * Anything that is not an object gives `{}`. Never throws, even on a hostile object.
 */
export function toContext(value: unknown): Context {
  const context: Context = {};
  try {
    for (const key of typeof value === 'object' && value ? Object.keys(value) : []) {
      const item = (value as Context)[key];
      const kind = typeof item;
      if (
        !/^(__proto__|constructor|prototype)$/.test(key) &&
        (item === null || kind === 'string' || kind === 'boolean' || (kind === 'number' && isFinite(item as number)))
      )
        context[key] = item!;
    }
  } catch {
    // A throwing getter or proxy: keep what was read.
  }
  return context;
}
