import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { BACKOFF_BASE_MS, BACKOFF_CAP_MS, BATCH_SIZE, createCourier, isRetryable, type CourierOptions } from '../../src/deliver/courier.js';
import { cloudEventsFormat } from '../../src/deliver/formats.js';
import type { SendResult } from '../../src/deliver/httpTransport.js';
import type { Lock } from '../../src/deliver/lock.js';
import { createAnswerQueue } from '../../src/deliver/answerQueue.js';
import { createMemoryStorage } from '../../src/eager/storage/memoryStorage.js';
import { recordId, type QueuedAnswer } from '../../src/shared/records.js';
import { answer, chainOf, eventLog, scriptedTransport } from './fakes.js';

function setup(results: Array<SendResult | Error> = [], options: Partial<CourierOptions> = {}) {
  const log = eventLog();
  const queue = createAnswerQueue({ chain: chainOf([createMemoryStorage()]), emit: log.emit });
  const { transport, sent, ids } = scriptedTransport(results);
  const courier = createCourier({
    queue,
    transport,
    endpoint: 'https://collect.test/answers',
    emit: log.emit,
    random: () => 1,
    ...options,
  });
  const put = async (...names: string[]) => {
    for (const [i, id] of names.entries()) await queue.put({ answer: answer(id), queuedAt: Date.now() + i });
  };
  return { ...log, queue, transport, sent, ids, courier, put };
}

describe('createCourier', () => {
  beforeEach(() => void vi.useFakeTimers({ now: Date.parse('2026-11-25T12:00:00Z') }));
  afterEach(() => void vi.useRealTimers());

  it('posts queued answers as {"answers": [...]} and removes them when the endpoint says 2xx', async () => {
    const { put, sent, delivered, queue, courier } = setup([{ status: 204 }]);
    await put('a1');
    await courier.flush();
    expect(JSON.parse(sent[0]!.body)).toEqual({ answers: [answer('a1')] });
    expect(sent[0]!.url).toBe('https://collect.test/answers');
    expect(delivered).toEqual([{ ids: ['a1'], status: 204, attempts: 1 }]);
    expect(await queue.load()).toEqual([]);
  });

  it('sends in batches of BATCH_SIZE, oldest first', async () => {
    const { put, sent, ids, courier } = setup();
    await put(...Array.from({ length: BATCH_SIZE + 4 }, (_, i) => `a${i}`));
    await courier.flush();
    expect(sent).toHaveLength(2);
    expect(ids(0)).toHaveLength(BATCH_SIZE);
    expect(ids(0)[0]).toBe('a0');
    expect(ids(1)).toEqual(['a20', 'a21', 'a22', 'a23']);
  });

  it('uses the configured batchSize', async () => {
    const { put, sent, courier } = setup([], { batchSize: 2 });
    await put('a', 'b', 'c');
    await courier.flush();
    expect(sent).toHaveLength(2);
  });

  it('halves a batch until its body fits 60 KiB, for the keepalive path', async () => {
    const { queue, sent, courier } = setup();
    for (let i = 0; i < 10; i++) await queue.put({ answer: answer(`big${i}`, { comment: 'x'.repeat(20_000) }), queuedAt: Date.now() + i });
    await courier.flush();
    const sizes = sent.map((s) => (JSON.parse(s.body) as { answers: unknown[] }).answers.length);
    expect(sizes.reduce((a, b) => a + b)).toBe(10);
    expect(Math.min(...sizes)).toBeGreaterThan(1);
    expect(Math.max(...sent.map((s) => new Blob([s.body]).size))).toBeLessThanOrEqual(61_440);
  });

  it.each([0, 408, 425, 429, 500, 503])('keeps answers and retries after a backoff when the status is %i', async (status) => {
    const { put, transport, delivered, queue, courier } = setup([{ status }]);
    await put('a1');
    await courier.flush();
    expect((await queue.load()).map(recordId)).toEqual(['a1']);
    await vi.advanceTimersByTimeAsync(BACKOFF_BASE_MS);
    expect(transport).toHaveBeenCalledTimes(2);
    expect(delivered).toEqual([{ ids: ['a1'], status: 200, attempts: 2 }]);
  });

  it.each([400, 401, 404, 413, 422])('drops answers with reason "rejected" when the status is %i', async (status) => {
    const { put, dropped, queue, courier } = setup([{ status }]);
    await put('a1');
    await courier.flush();
    expect(dropped).toEqual([{ ids: ['a1'], reason: 'rejected', status }]);
    expect(await queue.load()).toEqual([]);
  });

  it('doubles the backoff per failure, with full jitter, up to the 5 minute cap', async () => {
    const random = vi.fn(() => 0.5);
    const { put, transport, courier } = setup(
      Array.from({ length: 12 }, () => ({ status: 503 })),
      { random },
    );
    await put('a1');
    await courier.flush();
    const waits: number[] = [];
    for (let i = 0; i < 11; i++) {
      const before = Date.now();
      const calls = transport.mock.calls.length;
      while (transport.mock.calls.length === calls) await vi.advanceTimersByTimeAsync(100);
      waits.push(Date.now() - before);
    }
    expect(waits.slice(0, 4)).toEqual([500, 1000, 2000, 4000]);
    expect(waits.at(-1)).toBe(BACKOFF_CAP_MS / 2);
  });

  it('honours Retry-After when it asks for longer than the backoff', async () => {
    const { put, transport, courier } = setup([{ status: 429, retryAfterMs: 30_000 }]);
    await put('a1');
    await courier.flush();
    await vi.advanceTimersByTimeAsync(29_999);
    expect(transport).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(transport).toHaveBeenCalledTimes(2);
  });

  it('sends the same Idempotency-Key when a batch is retried', async () => {
    const { put, sent, courier } = setup([{ status: 503 }]);
    await put('a1', 'a2');
    await courier.flush();
    await vi.advanceTimersByTimeAsync(BACKOFF_BASE_MS);
    const keys = sent.map((s) => s.options?.headers?.['idempotency-key']);
    expect(keys[0]).toMatch(/^a1\.2\./);
    expect(keys[1]).toBe(keys[0]);
  });

  it('calls a headers function before each request, for a fresh token', async () => {
    let n = 0;
    const { put, sent, courier } = setup([{ status: 503 }], { headers: async () => ({ authorization: `Bearer t${++n}` }) });
    await put('a1');
    await courier.flush();
    await vi.advanceTimersByTimeAsync(BACKOFF_BASE_MS);
    expect(sent.map((s) => s.options?.headers?.['authorization'])).toEqual(['Bearer t1', 'Bearer t2']);
  });

  it('sends static headers and the format content type', async () => {
    const { put, sent, courier } = setup([], { headers: { 'x-shop': 'tide' }, format: cloudEventsFormat });
    await put('a1');
    await courier.flush();
    expect(sent[0]!.options?.headers).toMatchObject({ 'x-shop': 'tide', 'content-type': 'application/cloudevents-batch+json' });
    expect((JSON.parse(sent[0]!.body) as Array<{ id: string }>)[0]!.id).toBe('a1');
  });

  it('reports a throwing transform through onError and keeps the answers for a retry', async () => {
    const onError = vi.fn();
    const format = vi.fn().mockImplementationOnce(() => {
      throw new Error('bad transform');
    });
    format.mockImplementation((answers: unknown[]) => ({ body: JSON.stringify(answers) }));
    const { put, delivered, courier } = setup([], { format, onError });
    await put('a1');
    await courier.flush();
    expect(onError).toHaveBeenCalledWith(expect.objectContaining({ message: 'bad transform' }));
    await vi.advanceTimersByTimeAsync(BACKOFF_BASE_MS);
    expect(delivered.map((d) => d.ids)).toEqual([['a1']]);
  });

  it('passes keepalive through when the page is going away', async () => {
    const { put, sent, courier } = setup();
    await put('a1');
    await courier.flush({ keepalive: true });
    expect(sent[0]!.options?.keepalive).toBe(true);
  });

  it('shares one run between concurrent flushes', async () => {
    const { put, transport, courier } = setup();
    await put('a1');
    await Promise.all([courier.flush(), courier.flush()]);
    expect(transport).toHaveBeenCalledTimes(1);
  });

  it('sends answers stored during a run in the same flush', async () => {
    const { put, queue, transport, delivered, courier } = setup();
    await put('a1');
    transport.mockImplementationOnce(async () => {
      await queue.put({ answer: { ...((await queue.load())[0] as QueuedAnswer).answer, id: 'a2' }, queuedAt: Date.now() + 5 });
      void courier.flush();
      return { status: 200 };
    });
    await courier.flush();
    expect(delivered.map((d) => d.ids)).toEqual([['a1'], ['a2']]);
  });

  it('sends nothing and looks again later when another tab holds the lock', async () => {
    let busy = true;
    const lock: Lock = async (task) => (busy ? false : (await task(), true));
    const { put, transport, courier } = setup([], { lock });
    await put('a1');
    await courier.flush();
    expect(transport).not.toHaveBeenCalled();
    busy = false;
    await vi.advanceTimersByTimeAsync(BACKOFF_BASE_MS);
    expect(transport).toHaveBeenCalledTimes(1);
  });

  it('does nothing without an endpoint or once stopped', async () => {
    const { put, transport, courier, queue, emit } = setup();
    await put('a1');
    await createCourier({ queue, transport, endpoint: undefined, emit }).flush();
    courier.stop();
    await courier.flush();
    expect(transport).not.toHaveBeenCalled();
  });

  it('retries network errors, 408, 425, 429 and 5xx only', () => {
    const statuses = [0, 200, 400, 401, 404, 408, 413, 425, 429, 500, 503];
    expect(statuses.filter(isRetryable)).toEqual([0, 408, 425, 429, 500, 503]);
  });
});
