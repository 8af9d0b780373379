// SPDX-License-Identifier: MIT
import type { Emitter } from '../eager/emitter.js';
import { createAnswerQueue } from './answerQueue.js';
import type { QueueStorage } from '../shared/records.js';
import type { Reporter } from '../eager/report.js';
import type { Answer, LifecycleEvent } from '../types.js';
import { createCourier, type HeadersOption } from './courier.js';
import { cloudEventsFormat, jsonFormat, type Format } from './formats.js';
import { httpTransport, type Transport } from './httpTransport.js';
import { createLock } from './lock.js';
import { toEndpointUrl } from './endpointUrl.js';

/** What delivery takes from the platform; every part has a browser default. */
export interface DeliveryPlatform {
  /** Tried in order (the runtime passes IndexedDB, then localStorage, then memory). */
  storages: readonly QueueStorage[];
  transport?: Transport | undefined;
  window?: Window | undefined;
}

export interface DeliveryOptions {
  platform: DeliveryPlatform;
  emit: Emitter['emit'];
  report: Reporter;
}

/** The durable queue and its courier, wired to the page's lifecycle. */
export interface Delivery {
  /** Stores an answer (resolves once it is stored); send it with `flush`. */
  put(answer: Answer): Promise<void>;
  /** Stores a lifecycle event to go with the next batch; ignored when a `transform` is set. */
  putEvent(event: LifecycleEvent): Promise<void>;
  flush(): Promise<void>;
  /** Forgets every queued answer. */
  purge(): Promise<void>;
  /** Stops timers and lifecycle listeners; queued answers stay for the next visit. */
  stop(): void;
}

/**
 * Builds delivery from the raw config (no zod here: it ships in the eager script, so keys are
 * checked by hand and a bad value falls back to its default). Flushes on `online`, when the
 * page is hidden or left (keepalive), and at start-up when the pending hint says answers wait.
 */
export function createDelivery(config: Record<string, unknown>, { platform, emit, report }: DeliveryOptions): Delivery {
  const win = platform.window;
  const local = localStorageOf(win);
  const endpoint = resolveEndpoint(config['endpoint'], win);
  if (!endpoint) report('invalid-endpoint', 'endpoint must be an https: URL (http: on localhost)');
  const queue = createAnswerQueue({
    storages: platform.storages,
    hint: local,
    maxItems: positive(config, 'queue', 'maxItems'),
    maxAgeDays: positive(config, 'queue', 'maxAgeDays'),
    onFallback: (kind, error) => report('storage-fallback', `now in ${kind}`, { kind, error: String(error) }),
    emit,
  });
  const headers = config['headers'];
  const courier = createCourier({
    queue,
    transport: platform.transport ?? httpTransport,
    endpoint,
    format:
      typeof config['transform'] === 'function'
        ? (config['transform'] as Format)
        : config['format'] === 'cloudevents'
          ? cloudEventsFormat
          : jsonFormat,
    headers: typeof headers === 'function' || (headers && typeof headers === 'object') ? (headers as HeadersOption) : undefined,
    batchSize: positive(config, 'delivery', 'batchSize'),
    simple: flag(config, 'delivery', 'simple'),
    timeoutMs: positive(config, 'delivery', 'timeoutMs'),
    warn: report,
    lock: createLock(`moments-flush ${endpoint}`, win, local),
    emit,
    onError: (error) => report('delivery-failed', 'answers stay queued', String(error)),
  });

  const leaving = (): void => void courier.flush({ keepalive: true });
  const onHidden = (): void => void (win!.document.visibilityState === 'hidden' && leaving());
  const online = (): void => void courier.flush();
  const listen = (on: boolean): void => {
    const method = on ? 'addEventListener' : 'removeEventListener';
    win?.[method]('pagehide', leaving);
    win?.[method]('online', online);
    win?.document[method]('visibilitychange', onHidden);
  };
  listen(true);
  // Answers from earlier visits go out once the page has settled, off the critical path.
  const startup = setTimeout(() => void (queue.hasPending() && courier.flush()), 0);

  const transform = typeof config['transform'] === 'function';
  return {
    put: (answer) => queue.put({ answer, queuedAt: Date.now() }),
    putEvent: async (event) => void (transform || (await queue.put({ event, queuedAt: Date.now() }))),
    flush: () => courier.flush(),
    purge: () => queue.clear(),
    stop() {
      clearTimeout(startup);
      courier.stop();
      listen(false);
    },
  };
}

/** `config[group][key]` if a positive number, else undefined: the default applies (and the lazy schema reports it). */
function positive(config: Record<string, unknown>, group: string, key: string): number | undefined {
  const value = Number((config[group] as Record<string, unknown> | undefined)?.[key]);
  return value > 0 ? value : undefined;
}

/** `config[group][key]` if a boolean, else undefined: the default applies. */
function flag(config: Record<string, unknown>, group: string, key: string): boolean | undefined {
  const value = (config[group] as Record<string, unknown> | undefined)?.[key];
  return typeof value === 'boolean' ? value : undefined;
}

/** The page's localStorage, or undefined where reading it throws (blocked storage, sandboxes). */
function localStorageOf(win: Window | undefined): Storage | undefined {
  try {
    return win?.localStorage;
  } catch {
    return undefined;
  }
}

/** The absolute endpoint URL: `https:`, or `http:` on localhost only; else undefined. */
export function resolveEndpoint(endpoint: unknown, win: Window | undefined): string | undefined {
  return toEndpointUrl(endpoint, win?.document.baseURI);
}
