// The status policy, rule by rule, through the courier (docs/endpoints.md, "What each status means").
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { BACKOFF_BASE_MS, BACKOFF_CAP_MS, createCourier, HOLD_AFTER, type CourierOptions } from '../../src/deliver/courier.js';
import { createAnswerQueue } from '../../src/deliver/answerQueue.js';
import type { SendOptions, SendResult, Transport } from '../../src/deliver/httpTransport.js';
import { ruleFor } from '../../src/deliver/statusPolicy.js';
import { createMemoryStorage } from '../../src/eager/storage/memoryStorage.js';
import { recordId } from '../../src/shared/records.js';
import type { Answer } from '../../src/types.js';
import { answer, eventLog, chainOf } from './fakes.js';

interface Request {
  url: string;
  ids: string[];
  options: SendOptions | undefined;
}

/** A courier whose endpoint answers by `reply(request)`; records every request and warning. */
function setup(reply: (request: Request) => SendResult, options: Partial<CourierOptions> = {}) {
  const log = eventLog();
  const queue = createAnswerQueue({ chain: chainOf([createMemoryStorage()]), emit: log.emit });
  const requests: Request[] = [];
  const warnings: Array<{ code: string; details: unknown }> = [];
  const transport = vi.fn<Transport>(async (url, body, sendOptions) => {
    const request = { url, ids: (JSON.parse(body) as { answers: Answer[] }).answers.map((a) => a.id), options: sendOptions };
    requests.push(request);
    return reply(request);
  });
  const courier = createCourier({
    queue,
    transport,
    endpoint: 'https://collect.test/answers',
    emit: log.emit,
    warn: (code, _message, details) => void warnings.push({ code, details }),
    random: () => 1,
    ...options,
  });
  const put = async (...ids: string[]) => {
    for (const [i, id] of ids.entries()) await queue.put({ answer: answer(id), queuedAt: Date.now() + i });
  };
  const queued = async () => (await queue.load()).map(recordId);
  return { ...log, queue, courier, put, queued, requests, warnings, transport };
}

describe('status policy', () => {
  beforeEach(() => void vi.useFakeTimers({ now: Date.parse('2026-11-25T12:00:00Z') }));
  afterEach(() => void vi.useRealTimers());

  it('names a rule for each status', () => {
    const rules = [200, 204, 299, 0, 408, 425, 429, 500, 599, 401, 403, 400, 413, 422, 404, 410, 405, 304].map(ruleFor);
    expect(rules).toEqual([
      ...['delivered', 'delivered', 'delivered'],
      ...['retry', 'retry', 'retry', 'retry', 'retry', 'retry'],
      ...['auth', 'auth'],
      ...['split', 'split', 'split'],
      ...['drop', 'drop', 'drop', 'drop'],
    ]);
  });

  it.each([200, 201, 202, 204])('counts %i as delivered', async (status) => {
    const { put, courier, delivered, queued } = setup(() => ({ status }));
    await put('a1');
    await courier.flush();
    expect(delivered).toEqual([{ ids: ['a1'], status, attempts: 1 }]);
    expect(await queued()).toEqual([]);
  });

  describe('redirects', () => {
    it('re-posts a redirected batch to the final URL, says so, and sends later batches there directly', async () => {
      const moved = 'https://new.collect.test/answers';
      const { put, courier, delivered, requests, warnings } = setup(({ url }) =>
        url === moved ? { status: 200 } : { status: 200, redirectedTo: `${moved}` },
      );
      await put('a1');
      await courier.flush();
      expect(requests.map((r) => r.url)).toEqual(['https://collect.test/answers', moved]);
      expect(delivered).toEqual([{ ids: ['a1'], status: 200, attempts: 1 }]);
      expect(warnings).toEqual([
        { code: 'endpoint-redirected', details: { from: 'https://collect.test/answers', to: moved, status: 200 } },
      ]);
      await put('a2');
      await courier.flush();
      expect(requests.map((r) => r.url).slice(2)).toEqual([moved]);
    });

    it('never counts a redirect that ended in a 2xx as delivered while the re-post fails', async () => {
      const moved = 'https://new.collect.test/answers';
      // The POST became a GET at `moved`, which answered 200; a POST there answers 503.
      const { put, courier, delivered, queued } = setup(({ url }) =>
        url === moved ? { status: 503 } : { status: 200, redirectedTo: moved },
      );
      await put('a1');
      await courier.flush();
      expect(delivered).toEqual([]);
      expect(await queued()).toEqual(['a1']);
    });

    it('retries rather than follow a redirect to plain http or a second redirect', async () => {
      const { put, courier, delivered, queued, requests } = setup(() => ({ status: 200, redirectedTo: 'http://collect.test/answers' }));
      await put('a1');
      await courier.flush();
      expect(requests).toHaveLength(1);
      expect(delivered).toEqual([]);
      expect(await queued()).toEqual(['a1']);
      const loop = setup(() => ({ status: 200, redirectedTo: `https://hop.test/${Math.random()}` }));
      await loop.put('b1');
      await loop.courier.flush();
      expect(loop.requests).toHaveLength(2);
      expect(loop.delivered).toEqual([]);
    });

    it("counts Apps Script's redirect to its echo URL as delivered (doPost ran before it)", async () => {
      const echo = 'https://script.googleusercontent.com/macros/echo?user_content_key=k';
      const { put, courier, delivered, requests, warnings } = setup(() => ({ status: 200, redirectedTo: echo }), {
        endpoint: 'https://script.google.com/macros/s/ID/exec',
      });
      await put('a1');
      await courier.flush();
      expect(requests).toHaveLength(1);
      expect(delivered.map((d) => d.ids)).toEqual([['a1']]);
      expect(warnings).toEqual([]);
    });

    it('re-posts a redirect to an echo URL unless the request is a simple one, as Apps Script requests are', async () => {
      const echo = 'https://collect.test/macros/echo?user_content_key=k';
      const { put, courier, requests, warnings } = setup(
        ({ url }) => (url === echo ? { status: 200 } : { status: 200, redirectedTo: echo }),
        {
          simple: false,
        },
      );
      await put('a1');
      await courier.flush();
      expect(requests.map((r) => r.url)).toEqual(['https://collect.test/answers', echo]);
      expect(warnings.map((w) => w.code)).toEqual(['endpoint-redirected']);
    });
  });

  it.each([401, 403])('keeps answers on %i, retries with backoff and fresh headers, and names the status', async (status) => {
    let token = 0;
    const headers = vi.fn(() => ({ authorization: `Bearer t${++token}` }));
    const statuses = [status, status];
    const { put, courier, delivered, dropped, requests, warnings } = setup(() => ({ status: statuses.shift() ?? 200 }), { headers });
    await put('a1');
    await courier.flush();
    expect(dropped).toEqual([]);
    expect(warnings).toEqual([{ code: 'endpoint-unauthorized', details: { status } }]);
    await vi.advanceTimersByTimeAsync(BACKOFF_BASE_MS - 1);
    expect(requests).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1 + 2 * BACKOFF_BASE_MS);
    expect(requests.map((r) => r.options?.headers?.['authorization'])).toEqual(['Bearer t1', 'Bearer t2', 'Bearer t3']);
    expect(delivered).toEqual([{ ids: ['a1'], status: 200, attempts: 3 }]);
  });

  it.each([400, 413, 422])('on %i, splits the batch until the refused answers are alone, and drops only those', async (status) => {
    const refused = new Set(['a3', 'a6']);
    const { put, courier, delivered, dropped, requests, queued } = setup(({ ids }) => ({
      status: ids.some((id) => refused.has(id)) ? status : 200,
    }));
    const ids = Array.from({ length: 8 }, (_, i) => `a${i}`);
    await put(...ids);
    await courier.flush();
    expect(dropped).toEqual([
      { ids: ['a3'], reason: 'rejected', status },
      { ids: ['a6'], reason: 'rejected', status },
    ]);
    expect(delivered.flatMap((d) => d.ids).sort()).toEqual(ids.filter((id) => !refused.has(id)));
    expect(await queued()).toEqual([]);
    // 1 + 2 halves + 4 quarters + 4 singles of the two refused quarters.
    expect(requests).toHaveLength(11);
  });

  it('stops splitting when a part fails with a retryable status, and resumes from the queue later', async () => {
    const statuses = [400, 503];
    const { put, courier, delivered, dropped, queued } = setup(() => ({ status: statuses.shift() ?? 200 }));
    await put('a1', 'a2');
    await courier.flush();
    expect(dropped).toEqual([]);
    expect(await queued()).toEqual(['a1', 'a2']);
    await vi.advanceTimersByTimeAsync(BACKOFF_BASE_MS);
    expect(delivered.flatMap((d) => d.ids)).toEqual(['a1', 'a2']);
  });

  it.each([404, 410])('drops the whole batch on %i', async (status) => {
    const { put, courier, dropped, requests } = setup(() => ({ status }));
    await put('a1', 'a2');
    await courier.flush();
    expect(dropped).toEqual([{ ids: ['a1', 'a2'], reason: 'rejected', status }]);
    expect(requests).toHaveLength(1);
  });

  describe('a batch that keeps failing', () => {
    it('is set aside after HOLD_AFTER attempts so the answers behind it are delivered', async () => {
      // The endpoint can never store `poison` (a 503 for a byte its database refuses).
      const { put, courier, delivered, queued } = setup(({ ids }) => ({ status: ids.includes('poison') ? 503 : 200 }), { batchSize: 2 });
      await put('poison', 'p2', 'b1', 'b2', 'c1');
      await courier.flush();
      expect(delivered).toEqual([]);
      // Backoff with random() = 1: attempts at 0, 1 s and 3 s; the third sets the batch aside.
      await vi.advanceTimersByTimeAsync(3 * BACKOFF_BASE_MS);
      expect(delivered.flatMap((d) => d.ids)).toEqual(['b1', 'b2', 'c1']);
      // Then tried again after the rest, in halves: its neighbour goes out, the poison stays queued.
      await vi.advanceTimersByTimeAsync(BACKOFF_CAP_MS);
      expect(delivered.flatMap((d) => d.ids)).toEqual(['b1', 'b2', 'c1', 'p2']);
      expect(await queued()).toEqual(['poison']);
    });

    it('is not set aside for a 429 or no answer, which hold for every batch', async () => {
      for (const status of [0, 429]) {
        const { put, courier, requests } = setup(() => ({ status }), { batchSize: 1 });
        await put('a1', 'a2', 'a3');
        await courier.flush();
        for (let i = 0; i < HOLD_AFTER + 2; i++) await vi.advanceTimersByTimeAsync(BACKOFF_CAP_MS);
        expect(new Set(requests.flatMap((r) => r.ids))).toEqual(new Set(['a1']));
      }
    });

    it('makes at most two requests per run when every batch fails', async () => {
      const { put, courier, requests } = setup(() => ({ status: 503 }), { batchSize: 1 });
      await put('a1', 'a2', 'a3', 'a4', 'a5', 'a6');
      await courier.flush();
      for (let i = 0; i < HOLD_AFTER - 1; i++) await vi.advanceTimersByTimeAsync(BACKOFF_CAP_MS);
      const before = requests.length;
      await courier.flush();
      expect(requests.length - before).toBeLessThanOrEqual(2);
    });
  });

  describe('timeout', () => {
    it('abandons a request the endpoint never answers, frees the lock, says so, and retries', async () => {
      let held = false;
      const lock = vi.fn(async (task: () => Promise<void>) => {
        held = true;
        await task();
        held = false;
        return true;
      });
      const signals: AbortSignal[] = [];
      const transport = vi.fn<Transport>((_url, _body, options) => {
        signals.push(options!.signal!);
        return new Promise<SendResult>(() => {});
      });
      const log = eventLog();
      const warnings: string[] = [];
      const queue = createAnswerQueue({ chain: chainOf([createMemoryStorage()]), emit: log.emit });
      await queue.put({ answer: answer('a1'), queuedAt: Date.now() });
      const courier = createCourier({
        queue,
        transport,
        endpoint: 'https://collect.test/',
        emit: log.emit,
        lock,
        timeoutMs: 5_000,
        warn: (code) => void warnings.push(code),
        random: () => 1,
      });
      const done = courier.flush();
      await vi.advanceTimersByTimeAsync(4_999);
      expect(held).toBe(true);
      await vi.advanceTimersByTimeAsync(1);
      await done;
      expect(held).toBe(false);
      expect(signals[0]!.aborted).toBe(true);
      expect(warnings).toEqual(['endpoint-timeout']);
      expect((await queue.load()).map(recordId)).toEqual(['a1']);
      await vi.advanceTimersByTimeAsync(BACKOFF_BASE_MS);
      expect(transport).toHaveBeenCalledTimes(2);
    });
  });
});
