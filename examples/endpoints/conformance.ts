// SPDX-License-Identifier: MIT
// What every endpoint example must do, checked over real HTTP on 127.0.0.1: store a batch,
// store it ONCE when the same batch comes again, answer CORS preflight for its configured
// origin, name the problem in a 400, and ask for a retry (503 + Retry-After) when its store fails.
import { afterEach, beforeEach, expect, it } from 'vitest';
import { createMemoryStore, type AnswerStore } from './receive.mjs';
import { makeAnswer, makeBatch, makeEvent } from './fixtures.js';

/** A running example: `url` is the endpoint URL the SDK's config would name. */
export interface RunningEndpoint {
  url: string;
  close(): Promise<void>;
}

export type StartEndpoint = (options: { store: AnswerStore; allowedOrigins: string[] }) => Promise<RunningEndpoint>;

const SHOP = 'https://shop.example';

/** Registers the shared checks in the calling `describe`. */
export function itBehavesLikeAnEndpoint(start: StartEndpoint): void {
  let store: ReturnType<typeof createMemoryStore>;
  let endpoint: RunningEndpoint;
  const post = (body: string, headers: Record<string, string> = {}) =>
    fetch(endpoint.url, { method: 'POST', headers: { 'content-type': 'application/json', origin: SHOP, ...headers }, body });

  beforeEach(async () => {
    store = createMemoryStore();
    endpoint = await start({ store, allowedOrigins: [SHOP] });
  });
  afterEach(() => endpoint.close());

  it('stores each answer once when the same batch is posted twice', async () => {
    const batch = makeBatch(3);
    const first = await post(batch, { 'idempotency-key': 'k-1' });
    expect(first.status).toBe(200);
    expect(await first.json()).toEqual({ stored: 3, duplicates: 0 });
    const again = await post(batch, { 'idempotency-key': 'k-1' });
    expect(again.status).toBe(200);
    expect(await again.json()).toEqual({ stored: 0, duplicates: 3 });
    expect(store.all('answer').map((a) => a.id)).toEqual(JSON.parse(batch).answers.map((a: { id: string }) => a.id));
  });

  it('stores lifecycle events once when the batch carries an events array', async () => {
    const batch = makeBatch(1, [makeEvent(1, 'shown'), makeEvent(2, 'dismissed')]);
    await post(batch);
    const again = await post(batch);
    expect(again.status).toBe(200);
    expect(store.all('answer')).toHaveLength(1);
    expect(store.all('event').map((e) => (e as { kind?: string }).kind)).toEqual(['shown', 'dismissed']);
  });

  it('accepts the JSON as text/plain when the SDK sends it by beacon', async () => {
    const response = await post(makeBatch(1), { 'content-type': 'text/plain;charset=UTF-8' });
    expect(response.status).toBe(200);
    expect(store.all('answer')).toHaveLength(1);
  });

  it('answers a CORS preflight when it comes from the configured origin', async () => {
    const response = await fetch(endpoint.url, {
      method: 'OPTIONS',
      headers: { origin: SHOP, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type,idempotency-key' },
    });
    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-origin')).toBe(SHOP);
    expect(response.headers.get('access-control-allow-headers')).toBe('content-type, idempotency-key');
    expect(response.headers.get('access-control-allow-methods')).toContain('POST');
    expect(response.headers.get('vary')).toMatch(/origin/i);
  });

  it('sends no CORS grant when the origin is not configured', async () => {
    const response = await fetch(endpoint.url, {
      method: 'OPTIONS',
      headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST' },
    });
    expect(response.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('exposes Retry-After to the page when it answers a POST', async () => {
    const response = await post(makeBatch(1));
    expect(response.headers.get('access-control-allow-origin')).toBe(SHOP);
    expect(response.headers.get('access-control-expose-headers')).toBe('Retry-After');
  });

  it('names the problem in a 400 when the body is not JSON', async () => {
    const response = await post('{"answers": [');
    expect(response.status).toBe(400);
    expect(response.headers.get('access-control-allow-origin')).toBe(SHOP);
    const { error } = await response.json();
    expect(error.code).toBe('invalid-json');
    expect(store.all('answer')).toHaveLength(0);
  });

  it('names the field in a 400 when an answer has no id', async () => {
    const { id: _, ...noId } = makeAnswer(2);
    const response = await post(JSON.stringify({ answers: [makeAnswer(1), noId] }));
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ error: { code: 'invalid-batch', message: 'answers[1].id: expected a non-empty string' } });
    expect(store.all('answer')).toHaveLength(0);
  });

  it('asks for a retry with Retry-After when its store fails', async () => {
    store.add = async () => {
      throw new Error('database is down');
    };
    const response = await post(makeBatch(1));
    expect(response.status).toBe(503);
    expect(response.headers.get('retry-after')).toBe('30');
    expect((await response.json()).error.code).toBe('store-unavailable');
  });

  it('refuses with 413 when the body is larger than 1 MiB', async () => {
    const response = await post(JSON.stringify({ answers: [makeAnswer(1, { comment: 'x'.repeat(1_100_000) })] }));
    expect(response.status).toBe(413);
    expect(store.all('answer')).toHaveLength(0);
  });

  it('refuses with 405 when the method is not POST', async () => {
    const response = await fetch(endpoint.url);
    expect(response.status).toBe(405);
  });
}
