import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { createDelivery, Delivery } from '../../src/deliver/createDelivery.js';
import { createLazyDelivery } from '../../src/eager/lazyDelivery.js';
import { PENDING_KEY } from '../../src/shared/pendingHint.js';
import { answer, eventLog, fakeWindow } from '../deliver/fakes.js';

function engine() {
  const delivery: Delivery = {
    put: vi.fn(async () => undefined),
    putEvent: vi.fn(async () => undefined),
    flush: vi.fn(async () => undefined),
    purge: vi.fn(async () => undefined),
    stop: vi.fn(),
  };
  const create = vi.fn(() => delivery) as unknown as typeof createDelivery;
  const load = vi.fn(async () => create);
  return { delivery, create, load };
}

describe('createLazyDelivery', () => {
  beforeEach(() => void vi.useFakeTimers());
  afterEach(() => void vi.useRealTimers());

  it('loads nothing on a page view with no answer and nothing pending', async () => {
    const { load } = engine();
    const { win } = fakeWindow();
    const lazy = createLazyDelivery({}, { platform: { window: win, storages: [] }, emit: eventLog().emit, report: vi.fn(), load });
    await vi.advanceTimersByTimeAsync(10);
    win.dispatchEvent(new Event('online'));
    await lazy.flush();
    expect(load).not.toHaveBeenCalled();
  });

  it('loads the engine at start-up when the hint says answers are pending', async () => {
    const { load, create } = engine();
    const { win, local } = fakeWindow();
    local.setItem(PENDING_KEY, '1');
    createLazyDelivery({ endpoint: 'x' }, { platform: { window: win, storages: [] }, emit: eventLog().emit, report: vi.fn(), load });
    await vi.advanceTimersByTimeAsync(0);
    expect(create).toHaveBeenCalledWith({ endpoint: 'x' }, expect.anything());
  });

  it('loads the engine to store an answer, once', async () => {
    const { load, delivery } = engine();
    const { win } = fakeWindow();
    const lazy = createLazyDelivery({}, { platform: { window: win, storages: [] }, emit: eventLog().emit, report: vi.fn(), load });
    await lazy.put(answer('a1'));
    await lazy.put(answer('a2'));
    await lazy.flush();
    expect(load).toHaveBeenCalledTimes(1);
    expect(delivery.put).toHaveBeenCalledTimes(2);
    expect(delivery.flush).toHaveBeenCalledTimes(1);
    lazy.stop();
    await vi.advanceTimersByTimeAsync(0);
    expect(delivery.stop).toHaveBeenCalled();
  });

  it('reports delivery-unavailable and rejects put when the engine cannot load, then tries again', async () => {
    const { create } = engine();
    const load = vi.fn().mockRejectedValueOnce(new Error('offline')).mockResolvedValue(create);
    const report = vi.fn();
    const lazy = createLazyDelivery({}, { platform: { window: fakeWindow().win, storages: [] }, emit: eventLog().emit, report, load });
    await expect(lazy.put(answer('a1'))).rejects.toThrow('offline');
    expect(report).toHaveBeenCalledWith('delivery-unavailable', expect.any(String), expect.any(String));
    await lazy.put(answer('a1'));
    expect(load).toHaveBeenCalledTimes(2);
  });
});
