import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createDelivery, resolveEndpoint } from '../../src/deliver/createDelivery.js';
import { LEASE_SETTLE_MS } from '../../src/deliver/lock.js';
import { createMemoryStorage } from '../../src/eager/storage/memoryStorage.js';
import { PENDING_KEY } from '../../src/shared/pendingHint.js';
import type { SendResult } from '../../src/deliver/httpTransport.js';
import type { QueueStorage } from '../../src/shared/records.js';
import type { Answer } from '../../src/types.js';
import { answer, eventLog, fakeWindow, scriptedTransport } from './fakes.js';

const ENDPOINT = 'https://collect.test/answers';

/** Flushes past the lease's settle wait (the fake window has no Web Locks). */
async function flushed(delivery: { flush(): Promise<void> }): Promise<void> {
  const done = delivery.flush();
  await vi.advanceTimersByTimeAsync(LEASE_SETTLE_MS);
  await done;
}

function setup(config: Record<string, unknown> = {}, storages: QueueStorage[] = [createMemoryStorage()], results: SendResult[] = []) {
  const log = eventLog();
  const { win, document, local } = fakeWindow();
  const { transport, sent } = scriptedTransport(results);
  const report = vi.fn((code: string, message: string) => log.emit('error', { code, message }));
  const delivery = createDelivery(
    { endpoint: ENDPOINT, ...config },
    { platform: { window: win, storages, transport }, emit: log.emit, report },
  );
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

  it('queues no lifecycle events when a transform shapes the requests (it gets answers only)', async () => {
    const transform = vi.fn((answers: Answer[]) => ({ body: JSON.stringify(answers.map((a) => a.id)) }));
    const { delivery, sent } = setup({ transform });
    await delivery.putEvent({
      id: 'e1',
      kind: 'dismissed',
      surveyId: 's',
      moment: 'purchase',
      context: {},
      at: '2026-11-25T12:00:00.000Z',
    });
    await delivery.put(answer('a1'));
    await flushed(delivery);
    expect(sent.map((r) => r.body)).toEqual(['["a1"]']);
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
    const failing = Array.from({ length: 4 }, () => ({ status: 0 }));
    const { delivery, win, document, sent } = setup({}, undefined, failing);
    await delivery.put(answer('a1'));
    await flushed(delivery);
    win.dispatchEvent(new Event('online'));
    await vi.advanceTimersByTimeAsync(LEASE_SETTLE_MS);
    expect(sent).toHaveLength(2);
    win.dispatchEvent(new Event('pagehide'));
    await vi.advanceTimersByTimeAsync(LEASE_SETTLE_MS);
    expect(sent).toHaveLength(3);
    expect(sent[2]!.options?.keepalive).toBe(true);
    document.visibilityState = 'hidden';
    document.dispatchEvent(new Event('visibilitychange'));
    await vi.advanceTimersByTimeAsync(LEASE_SETTLE_MS);
    expect(sent).toHaveLength(4);
    expect(sent[3]!.options?.keepalive).toBe(true);
    delivery.stop();
    win.dispatchEvent(new Event('online'));
    await vi.advanceTimersByTimeAsync(600_000);
    expect(sent).toHaveLength(4);
  });

  it('does not read the queue at start-up when the hint says nothing is pending', async () => {
    const storage = createMemoryStorage();
    const entries = vi.spyOn(storage, 'entries');
    setup({}, [storage]);
    await vi.advanceTimersByTimeAsync(10);
    expect(entries).not.toHaveBeenCalled();
  });

  it('delivers answers from an earlier visit at start-up when the hint says so', async () => {
    const storage = createMemoryStorage();
    await storage.put({ answer: answer('old'), queuedAt: Date.now() });
    const log = eventLog();
    const { win, local } = fakeWindow();
    local.setItem(PENDING_KEY, '1');
    const { transport } = scriptedTransport();
    createDelivery({ endpoint: ENDPOINT }, { platform: { window: win, storages: [storage], transport }, emit: log.emit, report: vi.fn() });
    await vi.advanceTimersByTimeAsync(LEASE_SETTLE_MS + 1);
    expect(log.delivered.map((d) => d.ids)).toEqual([['old']]);
    expect(local.getItem(PENDING_KEY)).toBeNull();
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
