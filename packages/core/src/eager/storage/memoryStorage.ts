// SPDX-License-Identifier: MIT
import { createLocalStorage } from './localStorage.js';
import type { QueueStorage } from '../../shared/records.js';

/**
 * Keeps answers for the life of the page only: the last resort, and the store for unit tests.
 * It is the localStorage queue over one in-memory string, so both share one tested code path.
 */
export function createMemoryStorage(): QueueStorage {
  let text: string | null = null;
  const storage = { getItem: () => text, setItem: (_: string, value: string) => void (text = value), removeItem: () => void (text = null) };
  return createLocalStorage(storage, Infinity, 'memory');
}
