// SPDX-License-Identifier: MIT
import { recordId, type QueuedRecord } from '../shared/records.js';
import { idempotencyKey, type Format, type Payload } from './formats.js';
import { KEEPALIVE_MAX_BYTES } from './httpTransport.js';

/** Cuts the queue into requests: each batch with its payload. */
export interface Batcher {
  /** The payload of exactly these records (the idempotency key in the body for a simple request). */
  payloadOf(batch: QueuedRecord[]): Promise<Payload> | Payload;
  /** The largest batch from `start` (halving) within `max` whose body fits the keepalive limit. */
  next(records: QueuedRecord[], start: number, max: number): Promise<[QueuedRecord[], Payload]>;
}

export function createBatcher(format: Format, simple: boolean): Batcher {
  const payloadOf = (batch: QueuedRecord[]): Promise<Payload> | Payload => {
    const answers = batch.flatMap((r) => ('answer' in r ? [r.answer] : []));
    const events = batch.flatMap((r) => ('event' in r ? [r.event] : []));
    return format(answers, events, simple ? { key: idempotencyKey(batch.map(recordId)) } : {});
  };
  return {
    payloadOf,
    async next(records, start, max) {
      for (let n = Math.min(max, records.length - start); ; n = Math.ceil(n / 2)) {
        const batch = records.slice(start, start + n);
        const payload = await payloadOf(batch);
        if (n < 2 || new Blob([payload.body]).size <= KEEPALIVE_MAX_BYTES) return [batch, payload];
      }
    },
  };
}

/**
 * What this page remembers per queued record: requests made for it, and whether it was set
 * aside after repeated failures (then sent after the rest, in batches of at most `cap`).
 */
export interface Ledger {
  /** Counts one more request for `ids`; returns the most any of them has had. */
  attempt(ids: readonly string[]): number;
  setAside(ids: readonly string[], cap: number): void;
  isSetAside(id: string): boolean;
  /** The largest batch a set-aside record goes in next, if it was set aside. */
  cap(id: string): number | undefined;
  forget(ids: readonly string[]): void;
  /** Forgets set-aside records no longer queued (delivered by another tab, or dropped). */
  keepOnly(queued: ReadonlySet<string>): void;
}

export function createLedger(): Ledger {
  const attempts = new Map<string, number>();
  const caps = new Map<string, number>();
  const forget = (ids: readonly string[]): void => {
    for (const id of ids) {
      attempts.delete(id);
      caps.delete(id);
    }
  };
  return {
    attempt: (ids) => Math.max(...ids.map((id) => attempts.set(id, (attempts.get(id) ?? 0) + 1).get(id)!)),
    setAside(ids, cap) {
      for (const id of ids) caps.set(id, cap);
    },
    isSetAside: (id) => caps.has(id),
    cap: (id) => caps.get(id),
    forget,
    keepOnly: (queued) => forget([...caps.keys()].filter((id) => !queued.has(id))),
  };
}
