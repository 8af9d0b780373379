// SPDX-License-Identifier: MIT
import type { AnswerQueue } from './answerQueue.js';
import { recordId, type QueuedRecord } from '../shared/records.js';
import type { Emitter } from '../eager/emitter.js';
import { jsonFormat, type Format } from './formats.js';
import type { Transport } from './httpTransport.js';
import { createBatcher, createLedger } from './batches.js';
import type { Lock } from './lock.js';
import { isAppsScript } from './endpointUrl.js';
import { createSend, type HeadersOption, type Warn } from './request.js';
import { createDeliverBatch } from './deliverBatch.js';

export { isRetryable } from './statusPolicy.js';
export { HOLD_AFTER } from './deliverBatch.js';
export type { HeadersOption } from './request.js';

/** Default answers per request. */
export const BATCH_SIZE = 20;
/** First retry delay, in milliseconds; it doubles per failed attempt (with full jitter). */
export const BACKOFF_BASE_MS = 1_000;
/** Longest backoff, in milliseconds (5 minutes). A longer `Retry-After` is still honoured. */
export const BACKOFF_CAP_MS = 300_000;
/** Wait before looking again when another tab holds the flush lock, in milliseconds (±50 %). */
export const LOCK_BUSY_RETRY_MS = 2_000;

export interface CourierOptions {
  queue: AnswerQueue;
  transport: Transport;
  /** Absolute endpoint URL, or undefined while there is none (answers then wait in the queue). */
  endpoint: string | undefined;
  headers?: HeadersOption | undefined;
  /** Default: `{"answers": […]}`. */
  format?: Format;
  /** Answers per request (default 20); fewer when the body would pass 60 KiB. */
  batchSize?: number | undefined;
  /** CORS simple requests, no preflight (default: only for `script.google.com`). */
  simple?: boolean | undefined;
  /** Milliseconds before a request is abandoned and retried (default 20 s). */
  timeoutMs?: number | undefined;
  /** One flusher across tabs (default: no lock). */
  lock?: Lock;
  /** Receives `delivered` events. */
  emit: Emitter['emit'];
  /** A format, `headers` function or storage failed; the answers stay queued. */
  onError?(error: unknown): void;
  /** The endpoint misbehaves in a way its owner should fix (redirect, 401/403, timeout). */
  warn?: Warn;
  random?: () => number;
}

export interface Courier {
  /**
   * Sends everything queued, batch by batch; concurrent calls share one run. Resolves when the
   * queue is empty or the next retry is scheduled; never rejects.
   */
  flush(options?: { keepalive?: boolean }): Promise<void>;
  /**
   * The page is being left: sends `records` at once in one keepalive request, outside the lock
   * and without reading storage (which would lose the race with the unload). Its result is not
   * awaited; the queue sends them again on a later visit unless a run removed them before.
   */
  beacon(records: readonly QueuedRecord[]): void;
  /** Cancels the retry timer; later flushes do nothing. */
  stop(): void;
}

/**
 * Delivers queued answers by the status policy (`statusPolicy.ts`), retrying with exponential
 * backoff, full jitter and `Retry-After`.
 */
export function createCourier(options: CourierOptions): Courier {
  const { queue, endpoint, format = jsonFormat, batchSize = BATCH_SIZE, random = Math.random, warn = () => {} } = options;
  const lock = options.lock ?? ((task) => task().then(() => true));
  const simple = options.simple ?? (endpoint !== undefined && isAppsScript(endpoint));
  if (simple && options.headers) warn('simple-headers-ignored', 'delivery.simple sends no custom headers: `headers` is ignored');
  const send = endpoint ? createSend({ ...options, endpoint, simple, warn }) : undefined;
  const batcher = createBatcher(format, simple);
  const ledger = createLedger();
  let running: Promise<void> | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let failures = 0;
  let stopped = false;
  // A flush asked for while a run is going: run again, since the run may have read the queue
  // before the newest answer was stored.
  let again = false;

  const backoff = (n: number): number => random() * Math.min(BACKOFF_CAP_MS, BACKOFF_BASE_MS * 2 ** n);
  const retryIn = (ms: number): void => {
    clearTimeout(timer);
    // Capped at a day: setTimeout overflows past 2^31 ms and would fire at once.
    if (!stopped) timer = setTimeout(() => void flush(), Math.min(864e5, ms));
  };
  const retryLater = (retryAfterMs = 0): void => retryIn(Math.max(backoff(failures++), retryAfterMs));

  const deliver = createDeliverBatch({
    queue,
    send: (payload, ids, keepalive) => send!(payload, ids, keepalive),
    ledger,
    batcher,
    emit: options.emit,
    warn,
    onDelivered: () => void (failures = 0),
    onRetry: retryLater,
  });

  const run = async (keepalive: boolean): Promise<void> => {
    let failing = false;
    do {
      again = false;
      const loaded = await queue.load();
      // Forget what another tab delivered (or the queue dropped) while it was set aside here.
      ledger.keepOnly(new Set(loaded.map(recordId)));
      const isHeld = (r: QueuedRecord): boolean => ledger.isSetAside(recordId(r));
      const records = [...loaded.filter((r) => !isHeld(r)), ...loaded.filter(isHeld)];
      // Two batches set aside in a row: the endpoint is failing, not one batch.
      let lastHeld = false;
      for (let i = 0; i < records.length;) {
        const next = await batcher.next(records, i, ledger.cap(recordId(records[i]!)) ?? batchSize);
        const step = await deliver(...next, keepalive);
        if (step === 'stop') return;
        if (step === 'held' && lastHeld) return retryLater();
        lastHeld = step === 'held';
        failing ||= lastHeld;
        i += next[0].length;
      }
    } while (again);
    if (failing) retryLater();
  };

  function flush({ keepalive = false } = {}): Promise<void> {
    if (stopped || !send) return Promise.resolve();
    again = !!running;
    running ??= lock(() => run(keepalive))
      // Another tab is flushing: look again soon, in case it read the queue before our answer
      // (or our answers live in this tab's memory). Not a failure: the backoff does not grow.
      .then((ran) => void (ran || retryIn(LOCK_BUSY_RETRY_MS * (0.5 + random()))))
      .catch((error: unknown) => (options.onError?.(error), retryLater()))
      .finally(() => (running = undefined));
    return running;
  }

  return {
    flush,
    beacon(records) {
      if (stopped || !send || !records.length) return;
      // Format and send stay in this task's microtasks: no timer, no storage read.
      void batcher
        .next([...records], 0, batchSize)
        .then(([batch, payload]) => send(payload, batch.map(recordId), true))
        .catch(() => undefined);
    },
    stop() {
      stopped = true;
      clearTimeout(timer);
    },
  };
}
