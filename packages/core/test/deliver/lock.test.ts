import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createLease, createLock, LEASE_MS, LEASE_SETTLE_MS } from '../../src/deliver/lock.js';
import { fakeStorage } from './fakes.js';

/** A task that runs until `finish` is called. */
function openTask() {
  let finish!: () => void;
  const done = new Promise<void>((resolve) => (finish = resolve));
  const task = vi.fn(() => done);
  return { task, finish: () => finish() };
}

describe('createLease', () => {
  beforeEach(() => void vi.useFakeTimers());
  afterEach(() => void vi.useRealTimers());

  it('lets one tab run while another is refused, then frees the lease', async () => {
    const storage = fakeStorage();
    const tabA = createLease('lease', storage);
    const tabB = createLease('lease', storage);
    const a = openTask();
    const ranA = tabA(a.task);
    await vi.advanceTimersByTimeAsync(LEASE_SETTLE_MS);
    expect(a.task).toHaveBeenCalled();
    const b = vi.fn(async () => undefined);
    expect(await tabB(b)).toBe(false);
    expect(b).not.toHaveBeenCalled();
    a.finish();
    expect(await ranA).toBe(true);
    expect(storage.getItem('lease')).toBeNull();
    const ranB = tabB(b);
    await vi.advanceTimersByTimeAsync(LEASE_SETTLE_MS);
    expect(await ranB).toBe(true);
  });

  it('keeps the lease while a long task runs, by renewing it', async () => {
    const storage = fakeStorage();
    const a = openTask();
    void createLease('lease', storage)(a.task);
    await vi.advanceTimersByTimeAsync(LEASE_SETTLE_MS + 3 * LEASE_MS);
    expect(await createLease('lease', storage)(async () => undefined)).toBe(false);
    a.finish();
  });

  it('lets another tab take over once a closed tab stops renewing', async () => {
    const storage = fakeStorage();
    // A tab that died mid-flush left its lease behind.
    storage.setItem('lease', `dead-tab ${Date.now() + LEASE_MS}`);
    const tab = createLease('lease', storage);
    expect(await tab(async () => undefined)).toBe(false);
    await vi.advanceTimersByTimeAsync(LEASE_MS + 1);
    const ran = tab(async () => undefined);
    await vi.advanceTimersByTimeAsync(LEASE_SETTLE_MS);
    expect(await ran).toBe(true);
  });

  it('lets only one of two tabs that start at the same moment run', async () => {
    const storage = fakeStorage();
    const first = vi.fn(async () => undefined);
    const second = vi.fn(async () => undefined);
    const runs = [createLease('lease', storage)(first), createLease('lease', storage)(second)];
    await vi.advanceTimersByTimeAsync(LEASE_SETTLE_MS);
    expect((await Promise.all(runs)).filter(Boolean)).toHaveLength(1);
    expect(first.mock.calls.length + second.mock.calls.length).toBe(1);
  });
});

describe('createLock', () => {
  it('uses Web Locks with ifAvailable, one lock per name', async () => {
    const request = vi.fn(async (_name: string, _options: LockOptions, callback: (lock: unknown) => Promise<boolean>) => callback(null));
    const win = { navigator: { locks: { request } } } as unknown as Window;
    const task = vi.fn(async () => undefined);
    expect(await createLock('moments-flush https://e.test/', win)(task)).toBe(false);
    expect(task).not.toHaveBeenCalled();
    expect(request).toHaveBeenCalledWith('moments-flush https://e.test/', { ifAvailable: true }, expect.any(Function));
    request.mockImplementation(async (_n, _o, callback) => callback({ name: 'x' }));
    expect(await createLock('x', win)(task)).toBe(true);
    expect(task).toHaveBeenCalledTimes(1);
  });

  it('runs the task directly, and says so once, with neither Web Locks nor storage', async () => {
    const task = vi.fn(async () => undefined);
    const blocked = {
      navigator: {},
      get localStorage(): Storage {
        throw new DOMException('denied', 'SecurityError');
      },
    } as unknown as Window;
    const onFallback = vi.fn();
    const lock = createLock('x', blocked, onFallback);
    expect(await lock(task)).toBe(true);
    expect(await lock(task)).toBe(true);
    expect(task).toHaveBeenCalledTimes(2);
    expect(onFallback).toHaveBeenCalledTimes(1);
  });

  it('flushes without a lock where navigator.locks.request rejects with SecurityError (site data blocked)', async () => {
    const request = vi.fn(async () => {
      throw new DOMException('The request was denied.', 'SecurityError');
    });
    const win = { navigator: { locks: { request } } } as unknown as Window;
    const onFallback = vi.fn();
    const task = vi.fn(async () => undefined);
    const lock = createLock('x', win, onFallback);
    expect(await lock(task)).toBe(true);
    expect(await lock(task)).toBe(true);
    expect(task).toHaveBeenCalledTimes(2);
    expect(request).toHaveBeenCalledTimes(1);
    expect(onFallback).toHaveBeenCalledWith('navigator.locks refused', expect.any(DOMException));
  });

  it('never runs a task twice when the task itself fails inside the lock', async () => {
    const win = {
      navigator: { locks: { request: async (_n: string, _o: unknown, cb: (l: unknown) => Promise<boolean>) => cb({}) } },
    } as unknown as Window;
    const task = vi.fn(async () => {
      throw new Error('boom');
    });
    await expect(createLock('x', win)(task)).rejects.toThrow('boom');
    expect(task).toHaveBeenCalledTimes(1);
  });
});
