import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it, vi } from 'vitest';
import { createIdbStorage, IDB_OPEN_TIMEOUT_MS, QUEUE_DB } from '../../../src/eager/storage/idbStorage.js';
import { answer } from '../../deliver/fakes.js';

describe('createIdbStorage', () => {
  it('stores, lists and removes records in a database of its own', async () => {
    const idb = new IDBFactory();
    const storage = createIdbStorage(idb);
    await storage.put({ answer: answer('a1'), queuedAt: 1 });
    await storage.put({ answer: answer('a2'), queuedAt: 2 });
    await storage.put({ answer: answer('a1'), queuedAt: 1 });
    expect((await storage.entries()).map(([k]) => k)).toEqual(['a1', 'a2']);
    await storage.remove(['a1']);
    expect(await storage.entries()).toEqual([['a2', { answer: answer('a2'), queuedAt: 2 }]]);
    expect((await idb.databases()).map((d) => d.name)).toEqual([QUEUE_DB]);
    await storage.clear();
    expect(await storage.entries()).toEqual([]);
  });

  it('survives a new page: a second storage on the same database sees the records', async () => {
    const idb = new IDBFactory();
    await createIdbStorage(idb).put({ answer: answer('a1'), queuedAt: 1 });
    expect((await createIdbStorage(idb).entries()).map(([k]) => k)).toEqual(['a1']);
  });

  it('rejects with indexeddb-timeout when open hangs', async () => {
    vi.useFakeTimers();
    try {
      const hanging = { open: () => ({}) } as unknown as IDBFactory;
      const result = createIdbStorage(hanging).entries();
      const settled = expect(result).rejects.toThrow('indexeddb-timeout');
      await vi.advanceTimersByTimeAsync(IDB_OPEN_TIMEOUT_MS);
      await settled;
    } finally {
      vi.useRealTimers();
    }
  });

  it('rejects every operation when open throws', async () => {
    const throwing = {
      open: () => {
        throw new DOMException('denied', 'SecurityError');
      },
    } as unknown as IDBFactory;
    const storage = createIdbStorage(throwing);
    await expect(storage.put({ answer: answer('a1'), queuedAt: 1 })).rejects.toThrow('denied');
    await expect(storage.entries()).rejects.toThrow('denied');
  });
});
