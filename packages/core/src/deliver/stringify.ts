// SPDX-License-Identifier: MIT

/**
 * `JSON.stringify` that ignores a `toJSON` a page patched onto `Array.prototype` or
 * `Object.prototype` (Prototype.js turns every array into a string: `"answers":"[…]"`). The
 * replacer hands back the holder's own value, so the patched result is never used; the page's
 * globals are left untouched. Dates (whose `toJSON` is standard) never occur in a payload.
 */
export function stringify(value: unknown): string {
  return JSON.stringify(value, function (this: Record<string, unknown>, key: string, converted: unknown) {
    const own = this[key];
    return typeof own === 'object' && own !== null ? own : converted;
  });
}
