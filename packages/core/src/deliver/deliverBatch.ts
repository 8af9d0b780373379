// SPDX-License-Identifier: MIT
import type { AnswerQueue } from './answerQueue.js';
import { recordId, type QueuedRecord } from '../shared/records.js';
import type { Emitter } from '../eager/emitter.js';
import type { Payload } from './formats.js';
import type { Batcher, Ledger } from './batches.js';
import type { Send, Warn } from './request.js';
import { mayHoldBack, ruleFor } from './statusPolicy.js';

/**
 * Requests a batch may fail with a retryable status the endpoint chose (5xx, 408, 425) before
 * it is set aside: sent after the rest of the queue from then on, in halves, so the answers
 * behind it go first and an answer the endpoint can never store ends up alone.
 */
export const HOLD_AFTER = 3;

/** What a batch's request leads to: go on with the next batch, set it aside, or stop the run. */
export type Step = 'next' | 'held' | 'stop';

export interface DeliverBatchOptions {
  queue: AnswerQueue;
  send: Send;
  ledger: Ledger;
  batcher: Batcher;
  emit: Emitter['emit'];
  warn: Warn;
  /** A batch was delivered: the courier's backoff starts over. */
  onDelivered(): void;
  /** The run stops here: retry after the backoff, and after `retryAfterMs` if the endpoint asked. */
  onRetry(retryAfterMs?: number): void;
}

/** Sends one batch and applies the status policy (`statusPolicy.ts`) to what the endpoint said. */
export function createDeliverBatch(
  options: DeliverBatchOptions,
): (batch: QueuedRecord[], payload: Payload, keepalive: boolean) => Promise<Step> {
  const { queue, send, ledger, batcher, emit, warn, onDelivered, onRetry } = options;
  const deliver = async (batch: QueuedRecord[], payload: Payload, keepalive: boolean): Promise<Step> => {
    const ids = batch.map(recordId);
    const tries = ledger.attempt(ids);
    const result = await send(payload, ids, keepalive);
    const rule = ruleFor(result.status);
    if (rule === 'delivered') {
      await queue.remove(ids);
      ledger.forget(ids);
      onDelivered();
      emit('delivered', { ids, status: result.status, attempts: tries });
      return 'next';
    }
    if (rule === 'split' && batch.length > 1) return split(batch, keepalive);
    if (rule === 'split' || rule === 'drop') {
      ledger.forget(ids);
      await queue.drop(ids, 'rejected', result.status);
      return 'next';
    }
    if (rule === 'auth')
      warn('endpoint-unauthorized', `the endpoint answered ${result.status}; retrying with fresh headers`, { status: result.status });
    if (rule === 'retry' && mayHoldBack(result.status) && tries >= HOLD_AFTER) {
      ledger.setAside(ids, Math.ceil(batch.length / 2));
      return 'held';
    }
    onRetry(result.retryAfterMs);
    return 'stop';
  };

  /** A refused batch in halves, each sent on its own, until the refused answers are alone. */
  const split = async (batch: QueuedRecord[], keepalive: boolean): Promise<Step> => {
    const half = Math.ceil(batch.length / 2);
    for (const part of [batch.slice(0, half), batch.slice(half)]) {
      if ((await deliver(part, await batcher.payloadOf(part), keepalive)) === 'stop') return 'stop';
    }
    return 'next';
  };
  return deliver;
}
