// SPDX-License-Identifier: MIT
import { isObject } from './settingsRules.js';

/** Reads `key` of the raw config (or of `from`); absent where the config is not an object or a getter throws. */
export function getter(config: unknown): (key: string, from?: unknown) => unknown {
  return (key, from = config) => {
    try {
      return isObject(from) ? from[key] : undefined;
    } catch {
      return undefined;
    }
  };
}

/** `value` when its test passes, else undefined (the default applies; the full validation reports it). */
export const take = <T>(ok: (v: unknown) => v is T, value: unknown): T | undefined => (ok(value) ? value : undefined);
