// SPDX-License-Identifier: MIT
import { readPendingHint } from '../shared/pendingHint.js';
import type { createDelivery, Delivery, DeliveryOptions } from '../deliver/createDelivery.js';

/**
 * Loads the delivery engine (queue, storages, courier, formats, locks): `createMoments` passes
 * it statically; the script tag takes it from the UI chunk, so a page view that neither answers
 * nor has answers waiting never downloads it.
 */
export type LoadDelivery = () => Promise<typeof createDelivery>;

/**
 * The eager face of delivery: a few hundred bytes that load the engine only when there is
 * something to store or send: an answer, or the "answers pending" hint from an earlier visit
 * (read at start-up and on `online`). The engine then flushes by itself on start, on `online`,
 * when the page is hidden or left, and on its backoff timer. Never throws; `put` rejects only
 * when the engine cannot be loaded (the answer could not be stored).
 */
export function createLazyDelivery(
  config: Record<string, unknown>,
  options: DeliveryOptions & { load?: LoadDelivery | undefined },
): Delivery {
  const win = options.platform?.window;
  let local: Storage | undefined;
  try {
    local = win?.localStorage;
  } catch {
    // Blocked storage: no hint, so the engine is loaded to look.
  }
  const pending = (): boolean => readPendingHint(local) !== null;
  let engine: Promise<Delivery> | undefined;
  let stopped = false;
  const get = (): Promise<Delivery> =>
    (engine ??= (options.load ? options.load() : Promise.reject(new Error('no loadDelivery'))).then(
      (create) => {
        const delivery = create(config, options);
        if (stopped) delivery.stop();
        return delivery;
      },
      (error: unknown) => {
        engine = undefined;
        options.report('delivery-unavailable', 'answers could not be stored or sent', String(error));
        throw error;
      },
    ));
  const wake = (): void => void (!stopped && (engine || pending()) && get().catch(() => undefined));
  win?.addEventListener('online', wake);
  // Off the critical path of the page's own start-up.
  setTimeout(wake, 0);
  return {
    put: (answer) => get().then((d) => d.put(answer)),
    putEvent: (event) => get().then((d) => d.putEvent(event)),
    flush: () =>
      engine || pending()
        ? get()
            .then((d) => d.flush())
            .catch(() => undefined)
        : Promise.resolve(),
    purge: () => get().then((d) => d.purge()),
    stop() {
      stopped = true;
      win?.removeEventListener('online', wake);
      void engine?.then(
        (d) => d.stop(),
        () => undefined,
      );
    },
  };
}
