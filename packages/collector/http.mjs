// SPDX-License-Identifier: MIT
// Small HTTP helpers: a size-limited body reader, CORS for configured origins, a per-client rate
// limiter (token bucket) and plain replies.

/** Thrown by `readBody` when a body passes the limit; the handler answers 413. */
export class BodyTooLargeError extends Error {
  code = 'body-too-large';
}

/**
 * Reads a request body as UTF-8, at most `limit` bytes. A declared `content-length` over the limit
 * is refused before reading; otherwise reading stops as soon as the limit is passed.
 */
export function readBody(req, limit) {
  return new Promise((resolve, reject) => {
    if (Number(req.headers['content-length']) > limit) return reject(new BodyTooLargeError(`body over ${limit} bytes`));
    const chunks = [];
    let size = 0;
    req.on('data', (chunk) => {
      size += chunk.length;
      if (size > limit) {
        req.removeAllListeners('data');
        req.resume(); // drain the rest so the 413 reaches the client instead of a reset
        reject(new BodyTooLargeError(`body over ${limit} bytes`));
      } else chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/**
 * CORS headers for `origin` when it is allowed (`origins` is a list of exact origins, or `['*']`),
 * else `undefined`. `Retry-After` is exposed so the SDK can honour a 429 across origins.
 */
export function corsHeaders(origin, origins) {
  if (!origin || !(origins.includes('*') || origins.includes(origin))) return undefined;
  return {
    'access-control-allow-origin': origin,
    'access-control-allow-methods': 'POST, OPTIONS',
    // The SDK sends JSON and an Idempotency-Key derived from the batch's answer ids.
    'access-control-allow-headers': 'content-type, idempotency-key',
    'access-control-expose-headers': 'Retry-After',
    'access-control-max-age': '600',
    vary: 'Origin',
  };
}

/**
 * A token bucket per client address: `rate` requests a second on average, bursts of `burst`.
 * `take(key, now, cost)` returns 0 when the request may pass (taking `cost` tokens, default 1),
 * else the seconds to wait (≥ 1). Buckets idle for `idleMs` (a minute) are forgotten so memory
 * stays bounded. With `rate` in bytes per second it is a write quota.
 */
export function createRateLimiter({ rate = 50, burst = 100, idleMs = 60_000 } = {}) {
  const buckets = new Map();
  let lastSweep = 0;
  return {
    take(key, now = Date.now(), cost = 1) {
      if (!(rate > 0)) return 0;
      if (now - lastSweep > 60_000) {
        for (const [k, b] of buckets) if (now - b.at > idleMs) buckets.delete(k);
        lastSweep = now;
      }
      const bucket = buckets.get(key) ?? { tokens: burst, at: now };
      bucket.tokens = Math.min(burst, bucket.tokens + ((now - bucket.at) / 1000) * rate);
      bucket.at = now;
      buckets.set(key, bucket);
      if (bucket.tokens >= cost) {
        bucket.tokens -= cost;
        return 0;
      }
      return Math.max(1, Math.ceil((Math.min(cost, burst) - bucket.tokens) / rate));
    },
  };
}

/** Sends a JSON reply. */
export function sendJson(res, status, body, headers = {}) {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', ...headers });
  res.end(JSON.stringify(body));
}

/** Sends `{"error": code, "message": …}`: the code is stable, the message names the problem. */
export function sendError(res, status, code, message, headers = {}) {
  sendJson(res, status, { error: code, message }, headers);
}

/**
 * The client a request counts against: its socket address, or with `trustProxy` the address the
 * load balancer in front appended last to `X-Forwarded-For` (earlier entries are the client's to forge).
 */
export function clientOf(req, trustProxy = false) {
  const forwarded = trustProxy
    ? String(req.headers['x-forwarded-for'] ?? '')
        .split(',')
        .at(-1)
        ?.trim()
    : '';
  return forwarded || req.socket.remoteAddress || '?';
}
