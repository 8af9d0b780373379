// SPDX-License-Identifier: MIT

/** Outcome of one POST. `status` 0 means the request never got an HTTP answer. */
export interface SendResult {
  status: number;
  /** Milliseconds the server asked us to wait (`Retry-After`), when it said so. */
  retryAfterMs?: number;
}

export interface SendOptions {
  headers?: Record<string, string>;
  /** Lets the request outlive the page (pagehide); bodies must stay under 64 KiB. */
  keepalive?: boolean;
}

/** Sends one JSON body; never rejects. Injected into the courier so tests need no network. */
export type Transport = (url: string, body: string, options?: SendOptions) => Promise<SendResult>;

/** The browser transport: `fetch` with JSON, no credentials (Moments never uses cookies). */
export const httpTransport: Transport = async (url, body, { headers, keepalive } = {}) => {
  try {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body,
      credentials: 'omit',
      keepalive: keepalive === true,
    });
    const retryAfterMs = parseRetryAfter(response.headers.get('retry-after'), Date.now());
    return retryAfterMs === undefined ? { status: response.status } : { status: response.status, retryAfterMs };
  } catch {
    return { status: 0 };
  }
};

/** `Retry-After` as delay-seconds or an HTTP date, in milliseconds from `now`. */
export function parseRetryAfter(value: string | null, now: number): number | undefined {
  if (!value) return undefined;
  if (/^\s*\d+\s*$/.test(value)) return Number(value) * 1000;
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}
