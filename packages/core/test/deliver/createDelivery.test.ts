import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createDelivery, resolveEndpoint } from '../../src/deliver/createDelivery.js';
import { LEASE_SETTLE_MS } from '../../src/deliver/lock.js';
import { createEagerDelivery } from '../../src/eager/delivery.js';
import { createEmitter } from '../../src/eager/emitter.js';
import { createMemoryStorage } from '../../src/eager/storage/memoryStorage.js';
import type { SendResult } from '../../src/deliver/httpTransport.js';
import type { QueueStorage } from '../../src/shared/records.js';
import type { Answer, LifecycleEvent } from '../../src/types.js';
import { answer, chainOf, eventLog, fakeWindow, scriptedTransport } from './fakes.js';

const ENDPOINT = 'https://collect.test/answers';

/** Flushes past the lease's settle wait (the fake window has no Web Locks). */
async function flushed(delivery: { flush(): Promise<void> }): Promise<void> {
  const done = delivery.flush();
  await vi.advanceTimersByTimeAsync(LEASE_SETTLE_MS);
  await done;
}

/** The eager face (durable put) over the engine, as a runtime wires them. */
function setup(config: Record<string, unknown> = {}, storages: QueueStorage[] = [createMemoryStorage()], results: SendResult[] = []) {
  const log = eventLog();
  const emitter = createEmitter();
  emitter.on('delivered', (e) => log.emit('delivered', e));
  emitter.on('dropped', (e) => log.emit('dropped', e));
  const { win, document, local } = fakeWindow();
  const { transport, sent } = scriptedTransport(results);
  const report = vi.fn((code: string, message: string) => log.emit('error', { code, message }));
  const eager = createEagerDelivery({
    config: { endpoint: ENDPOINT, ...config },
    chain: chainOf(storages),
    load: async () => createDelivery,
    window: win,
    transport,
    emit: emitter.emit,
    on: emitter.on,
    report,
  });
  const delivery = {
    put: (a: Answer) => eager.put({ answer: a, queuedAt: Date.now() }),
    putEvent: (event: LifecycleEvent) => eager.put({ event, queuedAt: Date.now() }),
    flush: eager.flush,
    stop: eager.stop,
    start: eager.start,
  };
  return { ...log, win, document, local, transport, sent, delivery, report };
}

describe('createDelivery', () => {
  beforeEach(() => void vi.useFakeTimers({ now: Date.parse('2026-11-25T12:00:00Z') }));
  afterEach(() => void vi.useRealTimers());

  it('stores an answer and delivers it on flush', async () => {
    const { delivery, sent, delivered } = setup();
    await delivery.put(answer('a1'));
    await flushed(delivery);
    expect(sent).toHaveLength(1);
    expect(delivered[0]!.ids).toEqual(['a1']);
  });

  it('sends lifecycle events with the answers as {"answers", "events"}, and drops them from the queue once delivered', async () => {
    const { delivery, sent, delivered } = setup();
    const shown = { id: 'e1', kind: 'shown' as const, surveyId: 's', moment: 'purchase', context: {}, at: '2026-11-25T12:00:00.000Z' };
    await delivery.putEvent(shown);
    await delivery.put(answer('a1'));
    await flushed(delivery);
    expect(JSON.parse(sent[0]!.body)).toEqual({ answers: [answer('a1')], events: [shown] });
    expect(delivered[0]!.ids.sort()).toEqual(['a1', 'e1']);
    await flushed(delivery);
    expect(sent).toHaveLength(1);
  });

  it('reports invalid-endpoint and sends nothing for a plain-http endpoint off localhost', async () => {
    const { delivery, sent, errors } = setup({ endpoint: 'http://collect.test/answers' });
    await delivery.put(answer('a1'));
    await flushed(delivery);
    expect(errors.map((e) => e.code)).toEqual(['invalid-endpoint']);
    expect(sent).toEqual([]);
  });

  it('reads delivery.batchSize, format and headers without a schema', async () => {
    const { delivery, sent } = setup({ delivery: { batchSize: 1 }, format: 'cloudevents', headers: () => ({ authorization: 'Bearer t' }) });
    await delivery.put(answer('a1'));
    await delivery.put(answer('a2'));
    await flushed(delivery);
    expect(sent).toHaveLength(2);
    expect(sent[0]!.options?.headers).toMatchObject({ 'content-type': 'application/cloudevents-batch+json', authorization: 'Bearer t' });
  });

  it('sends what transform returns', async () => {
    const transform = (answers: Answer[]) => ({ body: answers.map((a) => a.id).join('\n'), headers: { 'content-type': 'text/csv' } });
    const { delivery, sent } = setup({ transform });
    await delivery.put(answer('a1'));
    await flushed(delivery);
    expect(sent[0]!.body).toBe('a1');
    expect(sent[0]!.options?.headers?.['content-type']).toBe('text/csv');
  });

  it('reads queue.maxItems and queue.maxAgeDays', async () => {
    const { delivery, dropped } = setup({ queue: { maxItems: 1, maxAgeDays: 1 } });
    await delivery.put(answer('a1'));
    vi.setSystemTime(Date.now() + 1000);
    await delivery.put(answer('a2'));
    await flushed(delivery);
    expect(dropped).toEqual([{ ids: ['a1'], reason: 'overflow', status: undefined }]);
  });

  it('ignores bad values and keeps the defaults', async () => {
    const { delivery, sent } = setup({ delivery: { batchSize: 'many' }, queue: { maxItems: -1 } });
    for (let i = 0; i < 21; i++) await delivery.put(answer(`a${i}`));
    await flushed(delivery);
    expect(sent).toHaveLength(2);
  });

  it('flushes on online, and with keepalive on pagehide and when the page is hidden', async () => {
    const failing = Array.from({ length: 6 }, () => ({ status: 503 }));
    const { delivery, win, document, sent } = setup({}, undefined, failing);
    await delivery.put(answer('a1'));
    await flushed(delivery);
    const before = sent.length;
    win.dispatchEvent(new Event('online'));
    await vi.advanceTimersByTimeAsync(LEASE_SETTLE_MS);
    expect(sent).toHaveLength(before + 1);
    win.dispatchEvent(new Event('pagehide'));
    await vi.advanceTimersByTimeAsync(LEASE_SETTLE_MS);
    expect(sent).toHaveLength(before + 2);
    expect(sent[before + 1]!.options?.keepalive).toBe(true);
    document.visibilityState = 'hidden';
    document.dispatchEvent(new Event('visibilitychange'));
    await vi.advanceTimersByTimeAsync(LEASE_SETTLE_MS);
    expect(sent).toHaveLength(before + 3);
    expect(sent[before + 2]!.options?.keepalive).toBe(true);
    delivery.stop();
    win.dispatchEvent(new Event('online'));
    await vi.advanceTimersByTimeAsync(600_000);
    expect(sent).toHaveLength(before + 3);
  });

  it('never opens the queue at start-up before consent, and looks for waiting answers at idle after', async () => {
    const storage = createMemoryStorage();
    await storage.put({ answer: answer('old'), queuedAt: Date.now() });
    const count = vi.spyOn(storage, 'count');
    const { delivery, delivered } = setup({}, [storage]);
    await vi.advanceTimersByTimeAsync(10);
    expect(count).not.toHaveBeenCalled();
    delivery.start();
    await vi.advanceTimersByTimeAsync(LEASE_SETTLE_MS + 10);
    expect(count).toHaveBeenCalled();
    expect(delivered.map((d) => d.ids)).toEqual([['old']]);
  });

  it('loads no delivery code at start-up when nothing waits', async () => {
    const load = vi.fn(async () => createDelivery);
    const emitter = createEmitter();
    const eager = createEagerDelivery({
      config: { endpoint: ENDPOINT },
      chain: chainOf([createMemoryStorage()]),
      load,
      window: fakeWindow().win,
      emit: emitter.emit,
      on: emitter.on,
      report: vi.fn(),
    });
    eager.start();
    await vi.advanceTimersByTimeAsync(100);
    expect(load).not.toHaveBeenCalled();
  });

  it('keeps an answer stored when the delivery code cannot load (offline), and sends it on online', async () => {
    const storage = createMemoryStorage();
    const emitter = createEmitter();
    const delivered: string[][] = [];
    emitter.on('delivered', (e) => delivered.push(e.ids));
    const { win } = fakeWindow();
    const { transport } = scriptedTransport();
    const report = vi.fn();
    const load = vi
      .fn()
      .mockRejectedValueOnce(new TypeError('Failed to fetch dynamically imported module'))
      .mockResolvedValue(createDelivery);
    const eager = createEagerDelivery({
      config: { endpoint: ENDPOINT },
      chain: chainOf([storage]),
      load,
      window: win,
      transport,
      emit: emitter.emit,
      on: emitter.on,
      report,
    });
    eager.start();
    await eager.put({ answer: answer('a1'), queuedAt: Date.now() });
    await vi.advanceTimersByTimeAsync(0);
    expect(await storage.count()).toBe(1);
    expect(report).toHaveBeenCalledWith('delivery-unavailable', expect.any(String), expect.any(String));
    win.dispatchEvent(new Event('online'));
    await vi.advanceTimersByTimeAsync(LEASE_SETTLE_MS + 1);
    expect(delivered).toEqual([['a1']]);
    expect(await storage.count()).toBe(0);
  });

  it('sends what this page stored and has not delivered in one keepalive request as the page is left', async () => {
    const { delivery, win, sent } = setup({}, undefined, [{ status: 503 }]);
    await delivery.put(answer('a1'));
    await vi.advanceTimersByTimeAsync(LEASE_SETTLE_MS);
    expect(sent).toHaveLength(1);
    win.dispatchEvent(new Event('pagehide'));
    // Started within the pagehide task itself: no timer, no storage read in between.
    expect(sent).toHaveLength(2);
    expect(sent[1]!.options?.keepalive).toBe(true);
    expect(JSON.parse(sent[1]!.body).answers.map((a: Answer) => a.id)).toEqual(['a1']);
  });
});

describe('resolveEndpoint', () => {
  it('accepts https anywhere and http only on localhost', () => {
    expect(resolveEndpoint('https://e.test/a', undefined)).toBe('https://e.test/a');
    expect(resolveEndpoint('http://localhost:8080/a', undefined)).toBe('http://localhost:8080/a');
    expect(resolveEndpoint('http://127.0.0.1:9/a', undefined)).toBe('http://127.0.0.1:9/a');
    expect(resolveEndpoint('http://e.test/a', undefined)).toBeUndefined();
    expect(resolveEndpoint('ftp://e.test/a', undefined)).toBeUndefined();
    expect(resolveEndpoint('', undefined)).toBeUndefined();
    expect(resolveEndpoint(42, undefined)).toBeUndefined();
  });

  it('resolves a relative endpoint against the page', () => {
    const { win } = fakeWindow();
    expect(resolveEndpoint('/collect', win)).toBe('https://shop.test/collect');
  });
});
