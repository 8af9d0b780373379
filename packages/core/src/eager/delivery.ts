// SPDX-License-Identifier: MIT
import type { createDelivery, Delivery } from '../deliver/createDelivery.js';
import type { Transport } from '../deliver/httpTransport.js';
import { recordId, type QueuedRecord } from '../shared/records.js';
import type { Emitter } from './emitter.js';
import type { Reporter } from './report.js';
import type { MomentsConfigInput } from '../decide/config/schema.js';
import type { QueueChain } from './storage/queueStorages.js';

/** Loads the delivery engine (`moments-delivery.js`, or a dynamic import in an app). */
export type LoadDelivery = () => Promise<typeof createDelivery>;

export interface EagerDeliveryOptions {
  /** The raw config: the engine reads its delivery keys itself. */
  config: MomentsConfigInput;
  chain: QueueChain;
  load: LoadDelivery | undefined;
  window: Window | undefined;
  transport?: Transport | undefined;
  emit: Emitter['emit'];
  on: Emitter['on'];
  report: Reporter;
}

/** The eager face of delivery (see `createEagerDelivery`). */
export interface EagerDelivery {
  /** Stores a record durably, then sends it. Rejects only when no storage at all took it. */
  put(record: QueuedRecord): Promise<void>;
  /** Loads the engine ahead of need (a card is on screen: its answer may come any moment). */
  prepare(): void;
  flush(): Promise<void>;
  /** Consent is given: look for what earlier visits left, at idle, and send it. */
  start(): void;
  /** Forgets every stored record. */
  purge(): Promise<void>;
  stop(): void;
}

/**
 * Keeps the durability promise in `moments.js`: an answer is written to storage (IndexedDB,
 * else localStorage, else memory) the instant it is given, before anything that can fail
 * asynchronously — the engine's download, a lock, a request. The engine (courier, formats,
 * locks) loads after; if it cannot (offline), the answer waits in storage and goes out when
 * the network returns (`online`) or on a later visit. A later visit finds waiting records by
 * asking storage itself, at idle and asynchronously: no hint in localStorage that a full
 * quota could have kept from being written, and no synchronous storage access at start-up.
 */
export function createEagerDelivery(options: EagerDeliveryOptions): EagerDelivery {
  const { chain, window: win, report } = options;
  const unsent = new Map<string, QueuedRecord>();
  let engine: Promise<Delivery> | undefined;
  let loaded: Delivery | undefined;
  let stopped = false;
  let started = false;
  const settle = ({ ids }: { ids: string[] }): void => ids.forEach((id) => unsent.delete(id));
  const offs = [options.on('delivered', settle), options.on('dropped', settle)];

  const get = (): Promise<Delivery> =>
    (engine ??= (options.load ? options.load() : Promise.reject(new Error('no delivery engine'))).then(
      (create) => {
        loaded = create({ ...options, unsent: () => [...unsent.values()] });
        if (stopped) loaded.stop();
        return loaded;
      },
      (error: unknown) => {
        engine = undefined;
        report('delivery-unavailable', 'answers are stored and will be sent once the delivery code loads', String(error));
        throw error;
      },
    ));
  const send = (): Promise<void> =>
    stopped
      ? Promise.resolve()
      : get().then(
          (d) => d.flush(),
          () => undefined,
        );
  // What earlier visits left: asked of storage itself, asynchronously.
  const look = (): Promise<void> => (stopped || engine ? Promise.resolve() : chain.count().then((n) => (n > 0 ? send() : undefined)));
  // The engine listens to `online` once loaded; until then, this retries its download.
  const online = (): void => {
    void (unsent.size ? send() : look());
  };

  return {
    async put(record) {
      // Known as unsent before the write completes: a page left meanwhile still sends it (keepalive).
      unsent.set(recordId(record), record);
      await chain.put(record);
      void send();
    },
    prepare() {
      if (!stopped) get().catch(() => undefined);
    },
    flush: () => (engine || unsent.size ? send() : look().catch(() => undefined)),
    start() {
      if (started || stopped) return;
      started = true;
      win?.addEventListener('online', online);
      const later = (): void => void look().catch(() => undefined);
      if (win?.requestIdleCallback) win.requestIdleCallback(later, { timeout: 3_000 });
      else setTimeout(later, 1);
    },
    async purge() {
      unsent.clear();
      await chain.clear();
    },
    stop() {
      stopped = true;
      offs.forEach((off) => off());
      win?.removeEventListener('online', online);
      loaded?.stop();
    },
  };
}
