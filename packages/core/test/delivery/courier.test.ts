import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { BACKOFF_BASE_MS, BATCH_SIZE, createCourier, isRetryable } from '../../src/delivery/courier.js';
import type { SendResult, Transport } from '../../src/delivery/httpTransport.js';
import { createAnswerQueue } from '../../src/queue/answerQueue.js';
import { createMemoryStorage } from '../../src/queue/memoryStorage.js';
import type { Answer } from '../../src/types.js';

const answer = (id: string): Answer => ({
  id,
  surveyId: 's',
  moment: 'purchase',
  question: { type: 'nps', text: 'q' },
  value: 9,
  context: {},
  visitorId: 'v',
  url: 'https://shop.test/thanks',
  locale: 'en',
  answeredAt: '2026-11-25T00:00:00.000Z',
  sdk: { name: 'moments', version: '0' },
});

function setup(results: SendResult[]) {
  const queue = createAnswerQueue({ storages: [createMemoryStorage()] });
  const bodies: string[] = [];
  const transport: Transport = vi.fn(async (_url, body) => {
    bodies.push(body);
    return results.shift() ?? { status: 200 };
  });
  const delivered: string[][] = [];
  const dropped: Array<{ ids: string[]; reason: string }> = [];
  const courier = createCourier({
    queue,
    transport,
    endpoint: 'https://collect.test/answers',
    onDelivered: (ids) => delivered.push(ids),
    onDropped: (ids, reason) => dropped.push({ ids, reason }),
    random: () => 1,
  });
  return { queue, transport, bodies, delivered, dropped, courier };
}

describe('createCourier', () => {
  beforeEach(() => void vi.useFakeTimers());
  afterEach(() => void vi.useRealTimers());

  it('posts queued answers as {"answers": [...]} and removes them when the endpoint says 2xx', async () => {
    const { queue, bodies, delivered, courier } = setup([{ status: 204 }]);
    await queue.put({ answer: answer('a1'), queuedAt: 1 });
    await courier.flush();
    expect(JSON.parse(bodies[0]!)).toEqual({ answers: [answer('a1')] });
    expect(delivered).toEqual([['a1']]);
    expect(await queue.all()).toEqual([]);
  });

  it('sends in batches of BATCH_SIZE, oldest first', async () => {
    const { queue, bodies, courier } = setup([]);
    for (let i = BATCH_SIZE + 4; i > 0; i--) await queue.put({ answer: answer(`a${i}`), queuedAt: i });
    await courier.flush();
    expect(bodies.map((b) => (JSON.parse(b) as { answers: Answer[] }).answers.length)).toEqual([BATCH_SIZE, 4]);
    expect((JSON.parse(bodies[0]!) as { answers: Answer[] }).answers[0]!.id).toBe('a1');
  });

  it('keeps answers and retries after a backoff when the endpoint answers 503', async () => {
    const { queue, transport, delivered, courier } = setup([{ status: 503 }, { status: 200 }]);
    await queue.put({ answer: answer('a1'), queuedAt: 1 });
    await courier.flush();
    expect(await queue.all()).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(BACKOFF_BASE_MS);
    expect(transport).toHaveBeenCalledTimes(2);
    expect(delivered).toEqual([['a1']]);
  });

  it('honours Retry-After when it asks for longer than the backoff', async () => {
    const { queue, transport, courier } = setup([{ status: 429, retryAfterMs: 30_000 }]);
    await queue.put({ answer: answer('a1'), queuedAt: 1 });
    await courier.flush();
    await vi.advanceTimersByTimeAsync(29_000);
    expect(transport).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(transport).toHaveBeenCalledTimes(2);
  });

  it('drops answers with reason "rejected" on a 400', async () => {
    const { queue, dropped, courier } = setup([{ status: 400 }]);
    await queue.put({ answer: answer('a1'), queuedAt: 1 });
    await courier.flush();
    expect(dropped).toEqual([{ ids: ['a1'], reason: 'rejected' }]);
    expect(await queue.all()).toEqual([]);
  });

  it('shares one run between concurrent flushes', async () => {
    const { queue, transport, courier } = setup([]);
    await queue.put({ answer: answer('a1'), queuedAt: 1 });
    await Promise.all([courier.flush(), courier.flush()]);
    expect(transport).toHaveBeenCalledTimes(1);
  });
});

describe('isRetryable', () => {
  it('retries network errors, 408, 425, 429 and 5xx only', () => {
    const statuses = [0, 200, 400, 401, 404, 408, 413, 425, 429, 500, 503];
    expect(statuses.filter(isRetryable)).toEqual([0, 408, 425, 429, 500, 503]);
  });
});
