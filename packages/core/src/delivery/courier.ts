// SPDX-License-Identifier: MIT
import type { AnswerQueue } from '../queue/answerQueue.js';
import type { QueuedAnswer } from '../queue/storage.js';
import type { DropReason } from '../types.js';
import type { Transport } from './httpTransport.js';

/** Answers per request. */
export const BATCH_SIZE = 20;
/** First retry delay, in milliseconds; it doubles per failed attempt (with full jitter). */
export const BACKOFF_BASE_MS = 1_000;
/** Longest retry delay, in milliseconds (5 minutes). */
export const BACKOFF_CAP_MS = 300_000;

export interface CourierOptions {
  queue: AnswerQueue;
  transport: Transport;
  /** Absolute endpoint URL, or undefined while there is none (answers then wait in the queue). */
  endpoint: string | undefined;
  headers?: Record<string, string>;
  onDelivered(ids: string[], status: number): void;
  onDropped(ids: string[], reason: DropReason, status?: number): void;
  random?: () => number;
}

export interface Courier {
  /** Sends everything queued, batch by batch; concurrent calls share one run. Never rejects. */
  flush(options?: { keepalive?: boolean }): Promise<void>;
  /** Cancels the retry timer. */
  stop(): void;
}

/** Statuses worth retrying: the request may succeed later as it is. */
export function isRetryable(status: number): boolean {
  return status === 0 || status === 408 || status === 425 || status === 429 || status >= 500;
}

/** Delivers queued answers, retrying with exponential backoff, full jitter and `Retry-After`. */
export function createCourier(options: CourierOptions): Courier {
  const { queue, transport, endpoint, headers, random = Math.random } = options;
  let running: Promise<void> | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let failures = 0;

  const retryLater = (retryAfterMs = 0): void => {
    const backoff = random() * Math.min(BACKOFF_CAP_MS, BACKOFF_BASE_MS * 2 ** failures++);
    clearTimeout(timer);
    timer = setTimeout(() => void flush(), Math.max(backoff, retryAfterMs));
  };

  const send = async (batch: QueuedAnswer[], keepalive: boolean): Promise<boolean> => {
    const ids = batch.map((r) => r.answer.id);
    const body = JSON.stringify({ answers: batch.map((r) => r.answer) });
    const result = await transport(endpoint!, body, headers ? { headers, keepalive } : { keepalive });
    if (result.status >= 200 && result.status < 300) {
      await queue.remove(ids);
      failures = 0;
      options.onDelivered(ids, result.status);
      return true;
    }
    if (isRetryable(result.status)) {
      retryLater(result.retryAfterMs);
      return false;
    }
    await queue.remove(ids);
    options.onDropped(ids, 'rejected', result.status);
    return true;
  };

  const run = async (keepalive: boolean): Promise<void> => {
    if (!endpoint) return;
    const records = (await queue.all()).sort((a, b) => a.queuedAt - b.queuedAt);
    for (let i = 0; i < records.length; i += BATCH_SIZE) {
      if (!(await send(records.slice(i, i + BATCH_SIZE), keepalive))) return;
    }
  };

  function flush({ keepalive = false } = {}): Promise<void> {
    running ??= run(keepalive)
      .catch(() => retryLater())
      .finally(() => (running = undefined));
    return running;
  }

  return {
    flush,
    stop: () => clearTimeout(timer),
  };
}
