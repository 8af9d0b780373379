// SPDX-License-Identifier: MIT

/** Outcome of one POST. `status` 0 means no HTTP answer was seen (network error, beacon, timeout). */
export interface SendResult {
  status: number;
  /** Milliseconds the server asked us to wait (`Retry-After`), when it said so. */
  retryAfterMs?: number | undefined;
  /**
   * The final URL when the request was redirected. The browser follows 307/308 with the body,
   * but turns the POST into a bodiless GET after 301/302/303, and a page cannot tell which.
   */
  redirectedTo?: string | undefined;
}

export interface SendOptions {
  headers?: Record<string, string>;
  /** The page is going away: the request must outlive it (fetch `keepalive`, else a beacon). */
  keepalive?: boolean;
  /** Aborts the request (the courier's timeout). */
  signal?: AbortSignal | undefined;
}

/** Sends one body; never rejects. Injected into the courier so tests need no network. */
export type Transport = (url: string, body: string, options?: SendOptions) => Promise<SendResult>;

/** Largest body sent with `keepalive`, in bytes: browsers allow 64 KiB in flight per page. */
export const KEEPALIVE_MAX_BYTES = 61_440;

/**
 * The browser transport: `fetch`, no credentials (Moments never uses cookies) and no referrer
 * (the page's query string, which `Answer.url` leaves out, must not leave in a `Referer`).
 * Every body that fits goes with `keepalive`, so a request in flight survives the tab closing.
 * Where `keepalive` is unsupported and the page is going away, `sendBeacon` with a CORS-safe
 * `text/plain` body (no preflight) is the last chance; its reply is unknowable, so it counts as
 * status 0 and the answers stay queued until a later visit sees a 2xx. (A beacon follows the
 * page's referrer policy: it cannot be given its own.)
 */
export const httpTransport: Transport = async (url, body, { headers, keepalive, signal } = {}) => {
  try {
    const small = new Blob([body]).size <= KEEPALIVE_MAX_BYTES;
    if (keepalive && small && !('keepalive' in Request.prototype)) {
      navigator.sendBeacon(url, new Blob([body], { type: 'text/plain' }));
      return { status: 0 };
    }
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body,
      credentials: 'omit',
      referrerPolicy: 'no-referrer',
      keepalive: small,
      signal,
    });
    const result: SendResult = { status: response.status, retryAfterMs: parseRetryAfter(response.headers.get('retry-after'), Date.now()) };
    if (response.redirected) result.redirectedTo = response.url;
    // Nothing reads the reply's body, and an unread body keeps its network loader (and buffers)
    // alive for as long as the page lives (Chromium): a long SPA session would grow per answer.
    void response.body?.cancel().catch(() => undefined);
    return result;
  } catch {
    return { status: 0 };
  }
};

/**
 * `Retry-After` as delay-seconds or an HTTP date, in milliseconds from `now`. Cross-origin it
 * reads as null unless the endpoint sends `Access-Control-Expose-Headers: Retry-After`.
 */
export function parseRetryAfter(value: string | null, now: number): number | undefined {
  // Number('') is 0 and a date is NaN; a zero or unreadable value asks for nothing.
  return value ? (Number(value) >= 0 ? Number(value) * 1000 : Math.max(0, Date.parse(value) - now)) || undefined : undefined;
}
