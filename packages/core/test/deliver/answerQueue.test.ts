import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createAnswerQueue, QUEUE_MAX_ITEMS } from '../../src/deliver/answerQueue.js';
import { createIdbStorage, IDB_OPEN_TIMEOUT_MS } from '../../src/eager/storage/idbStorage.js';
import { createLocalStorage } from '../../src/eager/storage/localStorage.js';
import { createMemoryStorage } from '../../src/eager/storage/memoryStorage.js';
import { recordId, type QueuedAnswer, type QueueStorage } from '../../src/shared/records.js';
import { answer, chainOf, eventLog, fakeStorage } from './fakes.js';

const DAY = 86_400_000;
const record = (id: string, queuedAt = Date.now()): QueuedAnswer => ({ answer: answer(id), queuedAt });

/** A storage whose every call rejects, as IndexedDB does in some private modes. */
function brokenStorage(): QueueStorage {
  const fail = () => Promise.reject(new DOMException('no', 'InvalidStateError'));
  return { kind: 'indexeddb', put: fail, entries: fail, remove: fail, clear: fail, count: fail };
}

/** A storage preloaded with raw entries, as a storage that was tampered with would return. */
function rawStorage(entries: Array<[string, unknown]>): QueueStorage {
  const map = new Map(entries);
  return {
    kind: 'indexeddb',
    put: async (r) => void map.set(recordId(r), r),
    entries: async () => [...map],
    remove: async (keys) => keys.forEach((k) => map.delete(k)),
    clear: async () => map.clear(),
    count: async () => map.size,
  };
}

describe('createAnswerQueue', () => {
  beforeEach(() => void vi.useFakeTimers({ now: Date.parse('2026-11-25T12:00:00Z') }));
  afterEach(() => void vi.useRealTimers());

  it('reads back what it stored, oldest first', async () => {
    const fresh = createAnswerQueue({ chain: chainOf([createMemoryStorage()]), emit: eventLog().emit });
    for (const [id, t] of [
      ['b', 2],
      ['a', 1],
      ['c', 3],
    ] as const)
      await fresh.put(record(id, Date.now() - t));
    expect((await fresh.load()).map(recordId)).toEqual(['c', 'b', 'a']);
  });

  it('falls back to localStorage, then memory, and says which store is in use', async () => {
    const local = fakeStorage();
    const onFallback = vi.fn();
    const queue = createAnswerQueue({
      chain: chainOf([brokenStorage(), createLocalStorage(local), createMemoryStorage()], onFallback),
      emit: eventLog().emit,
    });
    await queue.put(record('a1'));
    expect(onFallback).toHaveBeenLastCalledWith('localstorage', expect.any(DOMException));
    expect(JSON.parse(local.map.get('moments-queue')!)).toHaveProperty('a1');
    local.broken = true;
    await queue.put(record('a2'));
    expect(onFallback).toHaveBeenLastCalledWith('memory', expect.any(DOMException));
    expect((await queue.load()).map(recordId)).toEqual(['a2']);
    expect(onFallback).toHaveBeenCalledTimes(2);
  });

  it('stores in localStorage when indexedDB.open hangs, once the open timeout passes', async () => {
    const local = fakeStorage();
    const onFallback = vi.fn();
    const hanging = { open: () => ({}) } as unknown as IDBFactory;
    const queue = createAnswerQueue({
      chain: chainOf([createIdbStorage(hanging), createLocalStorage(local), createMemoryStorage()], onFallback),
      emit: eventLog().emit,
    });
    const stored = queue.put(record('a1'));
    await vi.advanceTimersByTimeAsync(IDB_OPEN_TIMEOUT_MS);
    await stored;
    expect(onFallback).toHaveBeenCalledWith('localstorage', expect.objectContaining({ message: 'indexeddb-timeout' }));
    expect((await queue.load()).map(recordId)).toEqual(['a1']);
  });

  it('delivers answers a fallback kept on an earlier visit, though IndexedDB works again', async () => {
    const local = fakeStorage();
    await createLocalStorage(local).put(record('old'));
    const queue = createAnswerQueue({ chain: chainOf([createMemoryStorage(), createLocalStorage(local)]), emit: eventLog().emit });
    await queue.put(record('new'));
    expect((await queue.load()).map(recordId).sort()).toEqual(['new', 'old']);
    await queue.remove(['old', 'new']);
    expect(await queue.load()).toEqual([]);
    expect(local.map.has('moments-queue')).toBe(false);
  });

  it('drops corrupt records with a "dropped" event instead of failing the read', async () => {
    const log = eventLog();
    const storage = rawStorage([
      ['ok', record('ok')],
      ['nulled', null],
      ['wrong-shape', { answer: 'x', queuedAt: 'yesterday' }],
      ['other-id', record('not-other-id')],
    ]);
    const queue = createAnswerQueue({ chain: chainOf([storage]), emit: log.emit });
    expect((await queue.load()).map(recordId)).toEqual(['ok']);
    expect(log.dropped).toEqual([{ ids: ['nulled', 'wrong-shape', 'other-id'], reason: 'corrupt', status: undefined }]);
    expect((await storage.entries()).map(([k]) => k)).toEqual(['ok']);
  });

  it('drops answers past maxAgeDays with reason "expired"', async () => {
    const log = eventLog();
    const queue = createAnswerQueue({ chain: chainOf([createMemoryStorage()]), emit: log.emit, maxAgeDays: 2 });
    await queue.put(record('old', Date.now() - 2 * DAY - 1));
    await queue.put(record('young', Date.now() - 2 * DAY + 1000));
    expect((await queue.load()).map(recordId)).toEqual(['young']);
    expect(log.dropped).toEqual([{ ids: ['old'], reason: 'expired', status: undefined }]);
  });

  it('keeps 7 days by default', async () => {
    const log = eventLog();
    const queue = createAnswerQueue({ chain: chainOf([createMemoryStorage()]), emit: log.emit });
    await queue.put(record('six', Date.now() - 6 * DAY));
    await queue.put(record('eight', Date.now() - 8 * DAY));
    expect((await queue.load()).map(recordId)).toEqual(['six']);
  });

  it('drops the oldest beyond maxItems with reason "overflow"', async () => {
    const log = eventLog();
    const queue = createAnswerQueue({ chain: chainOf([createMemoryStorage()]), emit: log.emit, maxItems: 3 });
    for (let i = 0; i < 5; i++) await queue.put(record(`a${i}`, Date.now() - 10 + i));
    expect((await queue.load()).map(recordId)).toEqual(['a2', 'a3', 'a4']);
    expect(log.dropped).toEqual([{ ids: ['a0', 'a1'], reason: 'overflow', status: undefined }]);
  });

  it('caps at 500 answers by default', async () => {
    const queue = createAnswerQueue({ chain: chainOf([createMemoryStorage()]), emit: eventLog().emit });
    for (let i = 0; i < QUEUE_MAX_ITEMS + 2; i++) await queue.put(record(`a${i}`, Date.now() - 1000 + i));
    expect(await queue.load()).toHaveLength(QUEUE_MAX_ITEMS);
  });

  it('clears every storage', async () => {
    const local = fakeStorage();
    const queue = createAnswerQueue({ chain: chainOf([createMemoryStorage(), createLocalStorage(local)]), emit: eventLog().emit });
    await queue.put(record('a1'));
    await createLocalStorage(local).put(record('a2'));
    await queue.clear();
    expect(await queue.load()).toEqual([]);
    expect(local.map.size).toBe(0);
  });
});
