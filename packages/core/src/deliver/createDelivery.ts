// SPDX-License-Identifier: MIT
import type { Emitter } from '../eager/emitter.js';
import type { Reporter } from '../eager/report.js';
import type { MomentsConfigInput } from '../decide/config/schema.js';
import { readDeliverySettings } from '../shared/deliverySettings.js';
import type { QueueChain } from '../eager/storage/queueStorages.js';
import type { QueuedRecord } from '../shared/records.js';
import { createAnswerQueue } from './answerQueue.js';
import { createCourier } from './courier.js';
import { cloudEventsFormat, jsonFormat, type Format } from './formats.js';
import { httpTransport, type Transport } from './httpTransport.js';
import { createLock } from './lock.js';
import { toEndpointUrl } from './endpointUrl.js';

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
    simple: settings.simple,
    timeoutMs: settings.timeoutMs,
    warn: report,
    lock: createLock(`moments-flush ${endpoint}`, win, (kind, error) =>
      report('lock-unavailable', `flushing without a cross-tab lock (${kind})`, String(error)),
    ),
    emit,
    onError: (error) => report('delivery-failed', 'answers stay queued', String(error)),
  });

  const leaving = (): void => courier.beacon(options.unsent());
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

/** The absolute endpoint URL: `https:`, or `http:` on localhost only; else undefined. */
export function resolveEndpoint(endpoint: unknown, win: Window | undefined): string | undefined {
  return toEndpointUrl(endpoint, win?.document.baseURI);
}
