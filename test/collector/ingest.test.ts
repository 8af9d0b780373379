// SPDX-License-Identifier: MIT
// POST /collect over real HTTP on loopback, against an in-memory SQLite store.
import { createServer } from 'node:http';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createCollector, startCollector, type RunningCollector, type Store } from '@moments/collector';
import { makeAnswer, makeCloudEvent, makeShown, post } from './fixtures.js';

const STOREFRONT = 'http://shop.test:5178';
let running: RunningCollector;

beforeAll(async () => {
  running = await startCollector({ origins: [STOREFRONT], maxBodyBytes: 64 * 1024, rate: 1000, burst: 1000 });
});
afterAll(() => running.close());

describe('POST /collect (JSON)', () => {
  it('stores each answer once when the same batch arrives twice', async () => {
    const batch = { answers: [makeAnswer(), makeAnswer(), makeAnswer()] };
    const first = await post(running.url, batch);
    const second = await post(running.url, batch);
    expect(first.status).toBe(200);
    expect(first.body).toEqual({ stored: { answers: 3, events: 0 }, duplicates: { answers: 0, events: 0 }, refused: [] });
    expect(second.status).toBe(200);
    expect(second.body).toEqual({ stored: { answers: 0, events: 0 }, duplicates: { answers: 3, events: 0 }, refused: [] });
    const ids = (await running.store.answers()).map((a) => a.id);
    for (const answer of batch.answers) expect(ids.filter((id) => id === answer['id'])).toHaveLength(1);
  });

  it('stores lifecycle events next to answers, deduped by their id too', async () => {
    const events = [makeShown(), makeShown({ kind: 'dismissed' })];
    const reply = await post(running.url, { answers: [makeAnswer()], events });
    const again = await post(running.url, { events });
    expect(reply.body.stored).toEqual({ answers: 1, events: 2 });
    expect(again.body).toMatchObject({ stored: { answers: 0, events: 0 }, duplicates: { events: 2 } });
  });

  it('accepts a text/plain body, as navigator.sendBeacon sends it', async () => {
    const reply = await post(running.url, { answers: [makeAnswer()] }, { 'content-type': 'text/plain;charset=UTF-8' });
    expect(reply.status).toBe(200);
    expect(reply.body.stored?.answers).toBe(1);
  });

  it('answers 400 malformed-json when the body is not JSON', async () => {
    const reply = await post(running.url, '{"answers": [');
    expect(reply.status).toBe(400);
    expect(reply.body.error).toBe('malformed-json');
    expect(reply.body.message).toMatch(/not valid JSON/);
  });

  it.each([
    ['a value of the wrong type', { answers: [makeAnswer({ value: { score: 9 } })] }, 'answers[0].value'],
    ['a missing moment', { answers: [makeAnswer({ moment: undefined })] }, 'answers[0].moment'],
    ['a time that is not ISO 8601', { answers: [makeAnswer({ answeredAt: 'yesterday' })] }, 'answers[0].answeredAt'],
    [
      'a context value that is an object',
      { answers: [makeAnswer({ context: { orderId: { nested: true } } })] },
      'answers[0].context.orderId',
    ],
    ['answers that is not an array', { answers: 'nine' }, 'answers'],
    ['a body with neither answers nor events', { feedback: [makeAnswer()] }, 'at least one answer or event'],
    ['an empty batch', { answers: [] }, 'at least one answer or event'],
  ])('answers 400 invalid-batch naming the problem for %s', async (_, body, named) => {
    const reply = await post(running.url, body);
    expect(reply.status).toBe(400);
    expect(reply.body.error).toBe('invalid-batch');
    expect(reply.body.message).toContain(named);
  });

  it('ignores unknown top-level keys, so a newer SDK adding one loses nothing', async () => {
    const reply = await post(running.url, { answers: [makeAnswer()], sentAt: '2026-11-25T10:00:01.000Z' });
    expect(reply.status).toBe(200);
    expect(reply.body.stored?.answers).toBe(1);
  });

  it('stores the valid answers of a batch and refuses the invalid one by index and reason', async () => {
    const good = [makeAnswer(), makeAnswer()];
    const bad = makeAnswer({ value: 11 });
    const reply = await post(running.url, { answers: [good[0], bad, good[1]] });
    expect(reply.status).toBe(200);
    expect(reply.body.stored).toEqual({ answers: 2, events: 0 });
    expect(reply.body.refused).toEqual([{ list: 'answers', index: 1, reason: 'value: expected an integer 0–10 for nps; got 11' }]);
    const ids = (await running.store.answers()).map((a) => a.id);
    expect(ids).toEqual(expect.arrayContaining(good.map((a) => a['id'])));
    expect(ids).not.toContain(bad['id']);
  });

  it('answers 413 when the body is over the limit, declared or streamed', async () => {
    const big = { answers: Array.from({ length: 400 }, () => makeAnswer({ comment: 'x'.repeat(200) })) };
    const declared = await post(running.url, big);
    expect(declared.status).toBe(413);
    expect(declared.body.error).toBe('body-too-large');
    const stream = new ReadableStream({ start: (c) => (c.enqueue(new TextEncoder().encode(JSON.stringify(big))), c.close()) });
    const streamed = await fetch(`${running.url}/collect`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: stream,
      duplex: 'half',
    } as RequestInit);
    expect(streamed.status).toBe(413);
  });

  it('answers 415 unsupported-format for a content type it cannot read', async () => {
    const reply = await post(running.url, '<answers/>', { 'content-type': 'application/xml' });
    expect(reply.status).toBe(415);
    expect(reply.body.error).toBe('unsupported-format');
    expect(reply.body.message).toContain('application/cloudevents-batch+json');
  });
});

describe('POST /collect (CloudEvents)', () => {
  const batchType = { 'content-type': 'application/cloudevents-batch+json' };

  it('stores the Answer in each CloudEvent of a batch, and shown events by their kind', async () => {
    const answers = [
      makeAnswer(),
      makeAnswer({ moment: 'delivery', surveyId: 'delivery-csat', question: { type: 'csat', text: 'How was it?' }, value: 4 }),
    ];
    const shown = makeShown();
    const body = [...answers.map((a) => makeCloudEvent(a)), makeCloudEvent(shown, { type: 'dev.moments.shown' })];
    const reply = await post(running.url, body, batchType);
    expect(reply.status).toBe(200);
    expect(reply.body.stored).toEqual({ answers: 2, events: 1 });
    const stored = await running.store.answers();
    expect(stored.find((a) => a.id === answers[1]!['id'])).toMatchObject({ moment: 'delivery', value: 4 });
  });

  it('reads a lifecycle event from the CloudEvent type when its data has no kind, timed by the event', async () => {
    const { kind: _kind, at: _at, ...shown } = makeShown();
    const reply = await post(running.url, [makeCloudEvent(shown, { type: 'dev.moments.shown', time: '2026-11-25T09:00:00Z' })], batchType);
    expect(reply.status).toBe(200);
    expect(reply.body.stored).toEqual({ answers: 0, events: 1 });
  });

  it('dedupes an answer sent once as JSON and again as a CloudEvent', async () => {
    const answer = makeAnswer();
    await post(running.url, { answers: [answer] });
    const reply = await post(running.url, [makeCloudEvent(answer)], batchType);
    expect(reply.body.duplicates?.answers).toBe(1);
  });

  it('accepts one structured CloudEvent as application/cloudevents+json', async () => {
    const reply = await post(running.url, makeCloudEvent(makeAnswer()), { 'content-type': 'application/cloudevents+json' });
    expect(reply.status).toBe(200);
    expect(reply.body.stored?.answers).toBe(1);
  });

  it.each([
    ['a batch that is not an array', makeCloudEvent(makeAnswer()), 'JSON array'],
    ['an event without source', [makeCloudEvent(makeAnswer(), { source: undefined })], 'source'],
    ['a time that is not RFC 3339', [makeCloudEvent(makeAnswer(), { time: 'noon' })], '[0].time'],
    ['specversion 0.3', [makeCloudEvent(makeAnswer(), { specversion: '0.3' })], 'specversion'],
    ['data that is not an Answer', [makeCloudEvent({ id: 'x', value: 3 })], 'cloudevents[0].data.surveyId'],
  ])('answers 400 naming the problem for %s', async (_, body, named) => {
    const reply = await post(running.url, body, batchType);
    expect(reply.status).toBe(400);
    expect(reply.body.message).toContain(named);
  });
});

describe('CORS', () => {
  it('answers a preflight from a configured origin, exposing Retry-After', async () => {
    const response = await fetch(`${running.url}/collect`, {
      method: 'OPTIONS',
      headers: { origin: STOREFRONT, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' },
    });
    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-origin')).toBe(STOREFRONT);
    expect(response.headers.get('access-control-allow-methods')).toContain('POST');
    expect(response.headers.get('access-control-allow-headers')).toContain('content-type');
    expect(response.headers.get('access-control-allow-headers')).toContain('idempotency-key');
    expect(response.headers.get('access-control-expose-headers')).toBe('Retry-After');
  });

  it('refuses another origin with 403 and no CORS headers, storing nothing', async () => {
    const answer = makeAnswer();
    const reply = await post(running.url, { answers: [answer] }, { origin: 'http://evil.test' });
    expect(reply.status).toBe(403);
    expect(reply.body.error).toBe('origin-not-allowed');
    expect(reply.headers.get('access-control-allow-origin')).toBeNull();
    expect((await running.store.answers()).some((a) => a.id === answer['id'])).toBe(false);
  });

  it('adds CORS headers to the reply of an allowed origin', async () => {
    const reply = await post(running.url, { answers: [makeAnswer()] }, { origin: STOREFRONT });
    expect(reply.status).toBe(200);
    expect(reply.headers.get('access-control-allow-origin')).toBe(STOREFRONT);
  });
});

describe('rate limit', () => {
  let limited: RunningCollector;
  afterEach(() => limited?.close());

  it('answers 429 with Retry-After once a client passes its burst', async () => {
    limited = await startCollector({ origins: [STOREFRONT], rate: 1, burst: 3 });
    const statuses: number[] = [];
    let last;
    for (let i = 0; i < 5; i++) {
      last = await post(limited.url, { answers: [makeAnswer()] }, { origin: STOREFRONT });
      statuses.push(last.status);
    }
    expect(statuses).toEqual([200, 200, 200, 429, 429]);
    expect(last!.body.error).toBe('rate-limited');
    expect(Number(last!.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(last!.headers.get('access-control-allow-origin')).toBe(STOREFRONT);
  });
});

describe('store failure', () => {
  it('answers a retryable 503 with Retry-After when the database throws', async () => {
    const broken = { kind: 'sqlite', insert: () => Promise.reject(new Error('disk full')) } as unknown as Store;
    const errors: string[] = [];
    const collector = createCollector({ store: broken, log: { error: (m) => errors.push(m) } });
    const server = createServer((req, res) => void collector.handle(req, res));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as { port: number };
    const reply = await post(`http://127.0.0.1:${port}`, { answers: [makeAnswer()] });
    server.close();
    expect(reply.status).toBe(503);
    expect(reply.body.error).toBe('store-unavailable');
    expect(reply.headers.get('retry-after')).toBe('5');
    expect(errors.join()).toContain('disk full');
  });
});
