// SPDX-License-Identifier: MIT
import type { QueueStorage } from '../../shared/records.js';
import { createIdbStorage } from './idbStorage.js';
import { createLocalStorage } from './localStorage.js';
import { createMemoryStorage } from './memoryStorage.js';

/**
 * Where answers wait, tried in order: IndexedDB, then localStorage, then memory. Built in the
 * eager script (which stores every answer the instant it is given) and handed to the lazy
 * delivery engine, so both work on the same storages.
 */
export function defaultQueueStorages(win: Window | undefined): QueueStorage[] {
  const local = localStorageOf(win);
  return [...(hasIndexedDb() ? [createIdbStorage()] : []), ...(local ? [createLocalStorage(local)] : []), createMemoryStorage()];
}

/** False without IndexedDB (Node, SSR) or where merely reading the global throws (some sandboxes). */
export function hasIndexedDb(): boolean {
  try {
    return !!indexedDB;
  } catch {
    return false;
  }
}

/** The page's localStorage, or undefined where reading it throws (blocked storage, sandboxes). */
export function localStorageOf(win: Window | undefined): Storage | undefined {
  try {
    return win?.localStorage;
  } catch {
    return undefined;
  }
}
