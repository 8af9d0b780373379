import { afterEach, describe, expect, it, vi } from 'vitest';
import { httpTransport, KEEPALIVE_MAX_BYTES, parseRetryAfter } from '../../src/deliver/httpTransport.js';

describe('parseRetryAfter', () => {
  const now = Date.parse('2026-11-25T12:00:00Z');
  it('reads delay-seconds', () => expect(parseRetryAfter('120', now)).toBe(120_000));
  it('reads an HTTP date', () => expect(parseRetryAfter('Wed, 25 Nov 2026 12:00:30 GMT', now)).toBe(30_000));
  it('returns undefined when absent, past or unreadable', () => {
    expect(parseRetryAfter(null, now)).toBeUndefined();
    expect(parseRetryAfter('soon', now)).toBeUndefined();
    expect(parseRetryAfter('Wed, 25 Nov 2026 11:00:00 GMT', now)).toBeUndefined();
  });
});

describe('httpTransport', () => {
  afterEach(() => void vi.unstubAllGlobals());

  it('posts without credentials, with keepalive while the body fits, and reads Retry-After', async () => {
    const fetch = vi.fn(async () => new Response(null, { status: 503, headers: { 'retry-after': '2' } }));
    vi.stubGlobal('fetch', fetch);
    expect(await httpTransport('https://e.test/', '{}', { headers: { 'idempotency-key': 'k' } })).toEqual({
      status: 503,
      retryAfterMs: 2000,
    });
    expect(fetch).toHaveBeenCalledWith(
      'https://e.test/',
      expect.objectContaining({
        method: 'POST',
        credentials: 'omit',
        keepalive: true,
        headers: { 'content-type': 'application/json', 'idempotency-key': 'k' },
      }),
    );
    await httpTransport('https://e.test/', 'x'.repeat(KEEPALIVE_MAX_BYTES + 1));
    expect(fetch).toHaveBeenLastCalledWith('https://e.test/', expect.objectContaining({ keepalive: false }));
  });

  it('sends no referrer, so the page query string never leaves in a Referer header', async () => {
    const fetch = vi.fn(async () => new Response(null, { status: 204 }));
    vi.stubGlobal('fetch', fetch);
    await httpTransport('https://e.test/', '{}');
    expect(fetch).toHaveBeenCalledWith('https://e.test/', expect.objectContaining({ referrerPolicy: 'no-referrer' }));
  });

  it('passes the abort signal and reports the final URL of a redirected request', async () => {
    const response = new Response(null, { status: 200 });
    Object.defineProperties(response, { redirected: { value: true }, url: { value: 'https://moved.test/in' } });
    const fetch = vi.fn(async () => response);
    vi.stubGlobal('fetch', fetch);
    const { signal } = new AbortController();
    expect(await httpTransport('https://e.test/', '{}', { signal })).toEqual({
      status: 200,
      redirectedTo: 'https://moved.test/in',
      retryAfterMs: undefined,
    });
    expect(fetch).toHaveBeenCalledWith('https://e.test/', expect.objectContaining({ signal }));
  });

  it("releases the reply's body, which nothing reads (an unread body keeps its loader alive)", async () => {
    let cancelled = false;
    const body = new ReadableStream({ cancel: () => void (cancelled = true) });
    vi.stubGlobal('fetch', async () => new Response(body, { status: 200 }));
    expect(await httpTransport('https://e.test/', '{}')).toEqual({ status: 200, retryAfterMs: undefined });
    await Promise.resolve();
    expect(cancelled).toBe(true);
  });

  it('answers status 0 when the network fails', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => Promise.reject(new TypeError('Failed to fetch'))),
    );
    expect(await httpTransport('https://e.test/', '{}')).toEqual({ status: 0 });
  });

  it('falls back to a text/plain beacon when the page goes away and keepalive is unsupported', async () => {
    const fetch = vi.fn();
    const sendBeacon = vi.fn(() => true);
    vi.stubGlobal('fetch', fetch);
    vi.stubGlobal('Request', class {});
    vi.stubGlobal('navigator', { sendBeacon });
    expect(await httpTransport('https://e.test/', '{"answers":[]}', { keepalive: true })).toEqual({ status: 0 });
    expect(fetch).not.toHaveBeenCalled();
    const blob = (sendBeacon.mock.calls[0] as unknown as [string, Blob])[1];
    expect(blob.type).toBe('text/plain');
    expect(await blob.text()).toBe('{"answers":[]}');
  });
});
