// SPDX-License-Identifier: MIT
import { recordId, type QueueStorage } from '../../shared/records.js';

import { LOCAL_QUEUE_KEY } from '../../shared/names.js';

export { LOCAL_QUEUE_KEY };
/**
 * Most characters the fallback queue may take (UTF-16, so ~400 KB), under a tenth of the usual
 * 5 MB per-origin quota: the host page's own storage must never be crowded out by ours.
 */
export const LOCAL_QUEUE_MAX_CHARS = 200_000;

/**
 * Answers in localStorage, for when IndexedDB is unavailable: one JSON object under one key.
 * A write that would pass `maxChars` rejects (the queue then keeps answers in memory); an
 * unreadable value reads as empty and is overwritten by the next write.
 */
export function createLocalStorage(
  storage: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>,
  maxChars = LOCAL_QUEUE_MAX_CHARS,
  kind: QueueStorage['kind'] = 'localstorage',
): QueueStorage {
  const read = (): Record<string, unknown> => {
    const text = storage.getItem(LOCAL_QUEUE_KEY);
    try {
      const map: unknown = JSON.parse(text!);
      return map && typeof map === 'object' ? (map as Record<string, unknown>) : {};
    } catch {
      return {};
    }
  };
  const write = (map: Record<string, unknown>): void => {
    const text = JSON.stringify(map);
    if (text.length > maxChars) throw new Error('localstorage-full');
    storage.setItem(LOCAL_QUEUE_KEY, text);
  };
  return {
    kind,
    put: async (record) => write({ ...read(), [recordId(record)]: record }),
    entries: async () => Object.entries(read()),
    async remove(keys) {
      const map = read();
      if (!keys.some((key) => key in map)) return;
      for (const key of keys) delete map[key];
      // Nothing left: no empty item stays behind in the page's storage.
      if (Object.keys(map).length) write(map);
      else storage.removeItem(LOCAL_QUEUE_KEY);
    },
    clear: async () => storage.removeItem(LOCAL_QUEUE_KEY),
    count: async () => Object.keys(read()).length,
  };
}
