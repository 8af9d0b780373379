// What a request looks like: simple requests, a transform's url, headers.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createCourier, type CourierOptions } from '../../src/deliver/courier.js';
import { createAnswerQueue } from '../../src/deliver/answerQueue.js';
import { cloudEventsFormat, idempotencyKey, type Format } from '../../src/deliver/formats.js';
import { SIMPLE_CONTENT_TYPE } from '../../src/deliver/request.js';
import { createMemoryStorage } from '../../src/eager/storage/memoryStorage.js';
import { recordId } from '../../src/shared/records.js';
import { answer, eventLog, scriptedTransport, chainOf } from './fakes.js';

function setup(options: Partial<CourierOptions> = {}) {
  const log = eventLog();
  const queue = createAnswerQueue({ chain: chainOf([createMemoryStorage()]), emit: log.emit });
  const { transport, sent } = scriptedTransport();
  const warnings: string[] = [];
  const onError = vi.fn();
  const courier = createCourier({
    queue,
    transport,
    endpoint: 'https://collect.test/answers',
    emit: log.emit,
    warn: (code) => void warnings.push(code),
    onError,
    random: () => 1,
    ...options,
  });
  const put = async (...ids: string[]) => {
    for (const [i, id] of ids.entries()) await queue.put({ answer: answer(id), queuedAt: Date.now() + i });
  };
  return { ...log, queue, courier, put, sent, warnings, onError };
}

beforeEach(() => void vi.useFakeTimers({ now: Date.parse('2026-11-25T12:00:00Z') }));
afterEach(() => void vi.useRealTimers());

describe('delivery.simple', () => {
  it('sends text/plain with no other header, and the idempotency key in the body', async () => {
    const { put, courier, sent, delivered } = setup({ simple: true });
    await put('a1', 'a2');
    await courier.flush({ keepalive: true });
    expect(sent[0]!.options?.headers).toEqual({ 'content-type': SIMPLE_CONTENT_TYPE });
    expect(sent[0]!.options?.keepalive).toBe(true);
    expect(JSON.parse(sent[0]!.body)).toEqual({ answers: [answer('a1'), answer('a2')], key: idempotencyKey(['a1', 'a2']) });
    expect(delivered.map((d) => d.ids)).toEqual([['a1', 'a2']]);
  });

  it('ignores configured headers, once said, and never calls a headers function', async () => {
    const headers = vi.fn(() => ({ authorization: 'Bearer t' }));
    const { put, courier, sent, warnings } = setup({ simple: true, headers });
    await put('a1');
    await courier.flush();
    expect(headers).not.toHaveBeenCalled();
    expect(sent[0]!.options?.headers).toEqual({ 'content-type': SIMPLE_CONTENT_TYPE });
    expect(warnings).toEqual(['simple-headers-ignored']);
  });

  it('is on by default for Apps Script endpoints only', async () => {
    const apps = setup({ endpoint: 'https://script.google.com/macros/s/ID/exec' });
    await apps.put('a1');
    await apps.courier.flush();
    expect(apps.sent[0]!.options?.headers).toEqual({ 'content-type': SIMPLE_CONTENT_TYPE });
    const other = setup();
    await other.put('a1');
    await other.courier.flush();
    expect(other.sent[0]!.options?.headers).toEqual({ 'idempotency-key': idempotencyKey(['a1']) });
    expect(JSON.parse(other.sent[0]!.body)).not.toHaveProperty('key');
    const off = setup({ endpoint: 'https://script.google.com/macros/s/ID/exec', simple: false });
    await off.put('a1');
    await off.courier.flush();
    expect(off.sent[0]!.options?.headers).toHaveProperty('idempotency-key');
  });

  it('keeps CloudEvents as they are (each event id dedupes) but as text/plain', async () => {
    const { put, courier, sent } = setup({ simple: true, format: cloudEventsFormat });
    await put('a1');
    await courier.flush();
    expect(sent[0]!.options?.headers).toEqual({ 'content-type': SIMPLE_CONTENT_TYPE });
    expect((JSON.parse(sent[0]!.body) as Array<{ id: string }>).map((e) => e.id)).toEqual(['a1']);
  });
});

describe('transform url', () => {
  it('posts to the url a transform returns, with its headers', async () => {
    const format: Format = (answers) => ({
      body: JSON.stringify({ answers }),
      headers: { 'x-k': '1' },
      url: 'https://api.vendor.test/v1/batch',
    });
    const { put, courier, sent, delivered } = setup({ format });
    await put('a1');
    await courier.flush();
    expect(sent[0]!.url).toBe('https://api.vendor.test/v1/batch');
    expect(sent[0]!.options?.headers).toMatchObject({ 'x-k': '1' });
    expect(delivered.map((d) => d.ids)).toEqual([['a1']]);
  });

  it('resolves a relative url against the endpoint', async () => {
    const format: Format = (answers) => ({ body: JSON.stringify({ answers }), url: '../v2/in?x=1' });
    const { put, courier, sent } = setup({ format, endpoint: 'https://collect.test/v1/answers' });
    await put('a1');
    await courier.flush();
    expect(sent[0]!.url).toBe('https://collect.test/v2/in?x=1');
  });

  it.each(['http://api.vendor.test/batch', 'javascript:alert(1)', 'ftp://x.test/'])(
    'refuses the url %s as it would an endpoint: reported, nothing sent, answers kept',
    async (url) => {
      const format: Format = (answers) => ({ body: JSON.stringify({ answers }), url });
      const { put, courier, sent, onError, queue } = setup({ format });
      await put('a1');
      await courier.flush();
      expect(sent).toEqual([]);
      expect(String(onError.mock.calls[0]![0])).toContain('transform url must be an https: URL');
      expect((await queue.load()).map(recordId)).toEqual(['a1']);
    },
  );
});
