import { describe, expect, it } from 'vitest';
import { createLocalStorage, LOCAL_QUEUE_KEY } from '../../../src/eager/storage/localStorage.js';
import { answer, fakeStorage } from '../../deliver/fakes.js';

describe('createLocalStorage', () => {
  it('keeps records under one key of its own', async () => {
    const storage = fakeStorage();
    const queue = createLocalStorage(storage);
    await queue.put({ answer: answer('a1'), queuedAt: 1 });
    expect([...storage.map.keys()]).toEqual([LOCAL_QUEUE_KEY]);
    expect(await queue.entries()).toEqual([['a1', { answer: answer('a1'), queuedAt: 1 }]]);
    await queue.remove(['a1']);
    expect(await queue.entries()).toEqual([]);
  });

  it('refuses a write past its character cap, so the host page keeps its own storage', async () => {
    const storage = fakeStorage();
    const queue = createLocalStorage(storage, 2_000);
    await queue.put({ answer: answer('a1'), queuedAt: 1 });
    await expect(queue.put({ answer: answer('a2', { comment: 'x'.repeat(2_000) }), queuedAt: 2 })).rejects.toThrow('localstorage-full');
    expect(Object.keys(JSON.parse(storage.map.get(LOCAL_QUEUE_KEY)!))).toEqual(['a1']);
  });

  it('reads an unreadable value as empty and overwrites it on the next write', async () => {
    const storage = fakeStorage();
    storage.setItem(LOCAL_QUEUE_KEY, '{not json');
    const queue = createLocalStorage(storage);
    expect(await queue.entries()).toEqual([]);
    await queue.put({ answer: answer('a1'), queuedAt: 1 });
    expect((await queue.entries()).map(([k]) => k)).toEqual(['a1']);
  });

  it('rejects when storage is blocked', async () => {
    const storage = fakeStorage();
    storage.broken = true;
    await expect(createLocalStorage(storage).put({ answer: answer('a1'), queuedAt: 1 })).rejects.toThrow();
  });
});
