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
    expect(await createLock('moments-flush https://e.test/', win, fakeStorage())(task)).toBe(false);
    expect(task).not.toHaveBeenCalled();
    expect(request).toHaveBeenCalledWith('moments-flush https://e.test/', { ifAvailable: true }, expect.any(Function));
    request.mockImplementation(async (_n, _o, callback) => callback({ name: 'x' }));
    expect(await createLock('x', win)(task)).toBe(true);
    expect(task).toHaveBeenCalledTimes(1);
  });

  it('runs the task directly with neither Web Locks nor storage', async () => {
    const task = vi.fn(async () => undefined);
    expect(await createLock('x', { navigator: {} } as Window)(task)).toBe(true);
    expect(task).toHaveBeenCalled();
  });
});
