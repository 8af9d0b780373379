// SPDX-License-Identifier: MIT

/**
 * What the courier does with a batch after the endpoint's final status (docs/endpoints.md,
 * "What each status means"):
 * - `delivered`: 2xx, whatever the body;
 * - `retry`: no answer (network error, timeout: status 0), 408, 425, 429, 5xx; retried with
 *   backoff and `Retry-After`;
 * - `auth`: 401, 403; an expired token is not the answers' fault, so they are retried with
 *   backoff, the `headers` function called again for each request;
 * - `split`: 400, 413, 422; the batch is halved until the answers the endpoint refuses are
 *   alone, and only those are dropped;
 * - `drop`: 404, 410 and any other status; the batch is dropped (`dropped: rejected`).
 *
 * Redirects never reach this rule: 307/308 are followed with the body by the browser, and a
 * redirect that turned the POST into a GET is re-posted by the courier (see `courier.ts`).
 */
export type StatusRule = 'delivered' | 'retry' | 'auth' | 'split' | 'drop';

/** The rule for an HTTP status (0: no HTTP answer was seen). */
export function ruleFor(status: number): StatusRule {
  if (status >= 200 && status <= 299) return 'delivered';
  if (isRetryable(status)) return 'retry';
  if (status === 401 || status === 403) return 'auth';
  if (status === 400 || status === 413 || status === 422) return 'split';
  return 'drop';
}

/** Statuses worth retrying as they are: the request may succeed later unchanged. */
export function isRetryable(status: number): boolean {
  return status === 0 || status === 408 || status === 425 || status === 429 || (status >= 500 && status <= 599);
}

/**
 * Whether a batch that failed with a retryable `status` may be set aside so that the answers
 * behind it go first: only when the endpoint answered (a 5xx, 408 or 425 can be the batch's
 * fault, as a 503 for a byte the database cannot store); not for no answer or a 429, which
 * hold for every batch alike.
 */
export function mayHoldBack(status: number): boolean {
  return status !== 0 && status !== 429 && isRetryable(status);
}
