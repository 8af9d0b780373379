// SPDX-License-Identifier: MIT
import { idempotencyKey, type Payload } from './formats.js';
import { isAppsScriptEcho, toEndpointUrl } from './endpointUrl.js';
import type { SendResult, Transport } from './httpTransport.js';

/** Static headers, or a function called before each request (for a fresh auth token). */
export type HeadersOption = Record<string, string> | (() => Record<string, string> | Promise<Record<string, string>>);

/** Default time a request may take, in milliseconds, before it is abandoned and retried. */
export const REQUEST_TIMEOUT_MS = 20_000;

/** The content type of a CORS simple request (one of the three that need no preflight). */
export const SIMPLE_CONTENT_TYPE = 'text/plain;charset=UTF-8';

/** Reports a problem the site owner should fix, as an `error` event (code, message, details). */
export type Warn = (code: string, message: string, details?: unknown) => void;

export interface RequestOptions {
  transport: Transport;
  /** Absolute endpoint URL (already checked). */
  endpoint: string;
  headers?: HeadersOption | undefined;
  /** A CORS simple request: `text/plain`, no other header, so no preflight. */
  simple: boolean;
  /** Default `REQUEST_TIMEOUT_MS`. */
  timeoutMs?: number | undefined;
  warn: Warn;
}

/** Sends one payload for the batch `ids`; never rejects unless the `headers` function throws. */
export type Send = (payload: Payload, ids: readonly string[], keepalive: boolean) => Promise<SendResult>;

/**
 * Builds the request side of delivery: the target URL (a `transform`'s `url` or the endpoint),
 * the headers, a timeout that abandons a request the endpoint never answers (so the cross-tab
 * lock is freed), and redirects: a redirected POST may have arrived as a bodiless GET, so it is
 * posted again to the final URL, which later batches then use directly.
 */
export function createSend(options: RequestOptions): Send {
  const { transport, endpoint, simple, timeoutMs = REQUEST_TIMEOUT_MS, warn } = options;
  // Where an endpoint (or a transform's URL) redirected to, for this page's later batches.
  const moved = new Map<string, string>();

  const attempt = async (url: string, payload: Payload, ids: readonly string[], keepalive: boolean): Promise<SendResult> => {
    const controller = typeof AbortController === 'function' ? new AbortController() : undefined;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timeout = new Promise<SendResult>((resolve) => {
      timer = setTimeout(() => {
        controller?.abort();
        warn('endpoint-timeout', `no answer within ${timeoutMs} ms; the answers stay queued`, { url });
        resolve({ status: 0 });
      }, timeoutMs);
    });
    const request = async (): Promise<SendResult> => {
      const headers = simple ? { 'content-type': SIMPLE_CONTENT_TYPE } : await headersFor(options.headers, payload, ids);
      return transport(url, payload.body, { headers, keepalive, signal: controller?.signal });
    };
    try {
      return await Promise.race([request(), timeout]);
    } finally {
      clearTimeout(timer);
    }
  };

  return async (payload, ids, keepalive) => {
    const target = payload.url === undefined ? endpoint : toEndpointUrl(payload.url, endpoint);
    if (!target) throw new Error(`transform url must be an https: URL (http: on localhost): ${payload.url}`);
    const url = moved.get(target) ?? target;
    const result = await attempt(url, payload, ids, keepalive);
    const to = result.redirectedTo;
    // Apps Script (always a simple request) answers every POST this way, after running doPost.
    const echo = (url: string): boolean => simple && isAppsScriptEcho(url);
    if (!to || echo(to)) return result;
    const next = toEndpointUrl(to);
    warn('endpoint-redirected', `the endpoint redirects to ${to}: use that URL in the config`, { from: url, to, status: result.status });
    if (!next) return { status: 0 };
    moved.set(target, next);
    const again = await attempt(next, payload, ids, keepalive);
    // Redirected again: a loop or a chain; retried later rather than counted as delivered.
    return again.redirectedTo && !echo(again.redirectedTo) ? { status: 0 } : again;
  };
}

/** Config headers (called again for each request), the format's, and the idempotency key. */
async function headersFor(option: HeadersOption | undefined, payload: Payload, ids: readonly string[]): Promise<Record<string, string>> {
  const extra = typeof option === 'function' ? await option() : option;
  return { ...extra, ...payload.headers, 'idempotency-key': idempotencyKey(ids) };
}
