// SPDX-License-Identifier: MIT
import type { Emitter } from '../eager/emitter.js';
import type { Reporter } from '../eager/report.js';
import type { MomentsConfigInput } from '../decide/config/schema.js';
import { readDeliverySettings, type DeliverySettings } from '../shared/deliverySettings.js';
import type { QueueChain } from '../eager/storage/queueStorages.js';
import { recordId, type QueuedRecord } from '../shared/records.js';
import { createAnswerQueue } from './answerQueue.js';
import { createCourier } from './courier.js';
import { cloudEventsFormat, idempotencyKey, jsonFormat, type Format, type Payload } from './formats.js';
import { httpTransport, type Transport } from './httpTransport.js';
import { createLock } from './lock.js';

/** What the delivery engine is handed by the eager runtime (it imports none of its values). */
export interface DeliveryOptions {
  /** The raw config; its delivery keys are read here (`readDeliverySettings`). */
  config: MomentsConfigInput;
  /** The storages the eager script stores every answer in, as one fallback chain. */
  chain: QueueChain;
  /** Records stored on this page view and not yet delivered: sent by keepalive when the page goes. */
  unsent: () => readonly QueuedRecord[];
  window: Window | undefined;
  transport?: Transport | undefined;
  emit: Emitter['emit'];
  report: Reporter;
}

/** The delivery engine: the courier over the queue, wired to the page's lifecycle. */
export interface Delivery {
  /** Sends what is queued now; resolves when the attempt ends (never rejects). */
  flush(): Promise<void>;
  /** Stops timers and lifecycle listeners; queued answers stay for the next visit. */
  stop(): void;
}

/**
 * The lazy delivery chunk (`moments-delivery.js`): reads the queue the eager script writes,
 * sends it in batches with retries, one flusher across tabs, and flushes on `online` and when
 * the page is hidden. When the page is left, what this page view stored and has not delivered
 * goes at once in a keepalive request, built in the same task (a storage read would lose the
 * race with the unload); the endpoint dedupes it against the queue's own send later.
 */
export function createDelivery(options: DeliveryOptions): Delivery {
  const { window: win, emit, report } = options;
  const settings = readDeliverySettings(options.config);
  const endpoint = resolveEndpoint(settings.endpoint, win);
  if (!endpoint) report('invalid-endpoint', 'endpoint must be an https: URL (http: on localhost)');
  const queue = createAnswerQueue({ chain: options.chain, maxItems: settings.maxItems, maxAgeDays: settings.maxAgeDays, emit });
  const transport = options.transport ?? httpTransport;
  const format: Format = (settings.transform as Format | undefined) ?? (settings.format === 'cloudevents' ? cloudEventsFormat : jsonFormat);
  const courier = createCourier({
    queue,
    transport,
    endpoint,
    format,
    headers: settings.headers,
    batchSize: settings.batchSize,
    lock: createLock(`moments-flush ${endpoint}`, win, (kind, error) =>
      report('lock-unavailable', `flushing without a cross-tab lock (${kind})`, String(error)),
    ),
    emit,
    onError: (error) => report('delivery-failed', 'answers stay queued', String(error)),
  });

  const leaving = (): void => {
    if (endpoint) sendNow(endpoint, options.unsent(), format, settings.headers, transport);
  };
  const onHidden = (): void => {
    if (win!.document.visibilityState === 'hidden') void courier.flush({ keepalive: true });
  };
  const online = (): void => void courier.flush();
  const listen = (on: boolean): void => {
    const method = on ? 'addEventListener' : 'removeEventListener';
    win?.[method]('pagehide', leaving);
    win?.[method]('online', online);
    win?.document[method]('visibilitychange', onHidden);
  };
  listen(true);
  return {
    flush: () => courier.flush(),
    stop() {
      courier.stop();
      listen(false);
    },
  };
}

/**
 * One keepalive request for `records`, started before this function returns: the page is
 * going away, so nothing may wait for a storage read or a promise. Skipped when the format or
 * headers need asynchronous work (a `transform` or `headers` function that returns a promise):
 * then the queue sends on the next visit.
 */
function sendNow(
  endpoint: string,
  records: readonly QueuedRecord[],
  format: Format,
  headers: DeliverySettings['headers'],
  send: Transport,
): void {
  if (!records.length) return;
  try {
    const extra = typeof headers === 'function' ? headers() : headers;
    const payload = format(
      records.flatMap((r) => ('answer' in r ? [r.answer] : [])),
      records.flatMap((r) => ('event' in r ? [r.event] : [])),
    );
    if (extra instanceof Promise || payload instanceof Promise) return;
    const body = (payload as Payload).body;
    void send(endpoint, body, {
      headers: { ...extra, ...payload.headers, 'idempotency-key': idempotencyKey(records.map(recordId)) },
      keepalive: true,
    });
  } catch {
    // A throwing transform or headers function: the queue keeps the records for later.
  }
}

/** The absolute endpoint URL: `https:`, or `http:` on localhost only; else undefined. */
export function resolveEndpoint(endpoint: unknown, win: Window | undefined): string | undefined {
  if (typeof endpoint !== 'string' || !endpoint) return undefined;
  try {
    const url = new URL(endpoint, win?.document.baseURI);
    const local = /^(localhost|127\.0\.0\.1|\[::1\])$/.test(url.hostname);
    return url.protocol === 'https:' || (url.protocol === 'http:' && local) ? url.href : undefined;
  } catch {
    return undefined;
  }
}
