// SPDX-License-Identifier: MIT
import type { AnswerQueue } from './answerQueue.js';
import { recordId, type QueuedRecord } from '../shared/records.js';
import type { Emitter } from '../eager/emitter.js';
import { idempotencyKey, jsonFormat, type Format, type Payload } from './formats.js';
import { KEEPALIVE_MAX_BYTES, type SendResult, type Transport } from './httpTransport.js';
import type { Lock } from './lock.js';

/** Default answers per request. */
export const BATCH_SIZE = 20;
/** First retry delay, in milliseconds; it doubles per failed attempt (with full jitter). */
export const BACKOFF_BASE_MS = 1_000;
/** Longest backoff, in milliseconds (5 minutes). A longer `Retry-After` is still honoured. */
export const BACKOFF_CAP_MS = 300_000;

/** Static headers, or a function called before each request (for a fresh auth token). */
export type HeadersOption = Record<string, string> | (() => Record<string, string> | Promise<Record<string, string>>);

export interface CourierOptions {
  queue: AnswerQueue;
  transport: Transport;
  /** Absolute endpoint URL, or undefined while there is none (answers then wait in the queue). */
  endpoint: string | undefined;
  headers?: HeadersOption | undefined;
  /** Default: `{"answers": […]}`. */
  format?: Format;
  /** Answers per request (default 20); fewer when the body would pass 60 KiB. */
  batchSize?: number;
  /** One flusher across tabs (default: no lock). */
  lock?: Lock;
  /** Receives `delivered` events. */
  emit: Emitter['emit'];
  /** A format, `headers` function or storage failed; the answers stay queued. */
  onError?(error: unknown): void;
  random?: () => number;
}

export interface Courier {
  /**
   * Sends everything queued, batch by batch; concurrent calls share one run. Resolves when the
   * queue is empty or the next retry is scheduled; never rejects.
   */
  flush(options?: { keepalive?: boolean }): Promise<void>;
  /** Cancels the retry timer; later flushes do nothing. */
  stop(): void;
}

/** Statuses worth retrying: the request may succeed later as it is. */
export function isRetryable(status: number): boolean {
  return status === 0 || status === 408 || status === 425 || status === 429 || status >= 500;
}

/** Delivers queued answers, retrying with exponential backoff, full jitter and `Retry-After`. */
export function createCourier(options: CourierOptions): Courier {
  const {
    queue,
    transport,
    endpoint,
    format = jsonFormat,
    batchSize = BATCH_SIZE,
    lock = (task) => task().then(() => true),
    random = Math.random,
  } = options;
  const attempts = new Map<string, number>();
  let running: Promise<void> | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let failures = 0;
  let stopped = false;
  // A flush asked for while a run is going: run again, since the run may have read the queue
  // before the newest answer was stored.
  let again = false;

  const retryLater = (retryAfterMs = 0): void => {
    const backoff = random() * Math.min(BACKOFF_CAP_MS, BACKOFF_BASE_MS * 2 ** failures++);
    clearTimeout(timer);
    // Capped at a day: setTimeout overflows past 2^31 ms and would fire at once.
    if (!stopped) timer = setTimeout(() => void flush(), Math.min(864e5, Math.max(backoff, retryAfterMs)));
  };

  /** The largest batch from `start` (halving) whose body stays within the keepalive limit. */
  const nextBatch = async (records: QueuedRecord[], start: number): Promise<[QueuedRecord[], Payload]> => {
    for (let n = Math.min(batchSize, records.length - start); ; n = Math.ceil(n / 2)) {
      const batch = records.slice(start, start + n);
      const payload = await format(
        batch.flatMap((r) => ('answer' in r ? [r.answer] : [])),
        batch.flatMap((r) => ('event' in r ? [r.event] : [])),
      );
      if (n < 2 || new Blob([payload.body]).size <= KEEPALIVE_MAX_BYTES) return [batch, payload];
    }
  };

  /** Sends one batch; false when the rest must wait for a retry. */
  const send = async ([batch, payload]: [QueuedRecord[], Payload], keepalive: boolean): Promise<boolean> => {
    const ids = batch.map(recordId);
    const tries = Math.max(...ids.map((id) => attempts.set(id, (attempts.get(id) ?? 0) + 1).get(id)!));
    const { headers } = options;
    const extra = typeof headers === 'function' ? await headers() : headers;
    const result: SendResult = await transport(payload.url ?? endpoint!, payload.body, {
      headers: { ...extra, ...payload.headers, 'idempotency-key': idempotencyKey(ids) },
      keepalive,
    });
    if (isRetryable(result.status)) return (retryLater(result.retryAfterMs), false);
    ids.forEach((id) => attempts.delete(id));
    if (result.status > 299) return queue.drop(ids, 'rejected', result.status).then(() => true);
    await queue.remove(ids);
    failures = 0;
    options.emit('delivered', { ids, status: result.status, attempts: tries });
    return true;
  };

  const run = async (keepalive: boolean): Promise<void> => {
    do {
      again = false;
      const records = await queue.load();
      for (let i = 0; i < records.length;) {
        const next = await nextBatch(records, i);
        if (!(await send(next, keepalive))) return;
        i += next[0].length;
      }
    } while (again);
  };

  function flush({ keepalive = false } = {}): Promise<void> {
    if (stopped || !endpoint) return Promise.resolve();
    again = !!running;
    running ??= lock(() => run(keepalive))
      // Another tab is flushing: look again later in case it read the queue before our answer.
      .then((ran) => void (ran || retryLater()))
      .catch((error: unknown) => (options.onError?.(error), retryLater()))
      .finally(() => (running = undefined));
    return running;
  }

  return {
    flush,
    stop() {
      stopped = true;
      clearTimeout(timer);
    },
  };
}
