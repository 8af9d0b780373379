// SPDX-License-Identifier: MIT
import type { MomentsConfigInput } from '../decide/config/schema.js';
import { createLazyDelivery, type LoadDelivery } from './lazyDelivery.js';
import type { Transport } from '../deliver/httpTransport.js';
import { createEmitter } from './emitter.js';
import { initialConsent } from './consent.js';
import { createStateStorage, type StateChain, type StateStorage } from './storage/stateStorage.js';
import { defaultQueueStorages } from './storage/queueStorages.js';
import { createId } from '../shared/id.js';
import type { QueueStorage } from '../shared/records.js';
import { createReporter, type Reporter } from './report.js';
import { startConfigSources } from './triggers/configSources.js';
import { toContext } from './triggers/context.js';
import type { Answer, Context, Decider, LifecycleEvent, MomentsClient, MomentsEventMap, MomentsEventName } from '../types.js';

/** The platform a runtime uses, injectable so tests and non-browser hosts can swap any part. */
export interface Platform {
  /** Tried in order; defaults to IndexedDB, then localStorage, then memory. */
  storages: readonly QueueStorage[];
  transport: Transport;
  /** Where eligibility state lives, tried in order; defaults to IndexedDB, localStorage, memory. */
  stateStorages: StateStorage[];
  /** The page whose lifecycle (`pagehide`, `online`) triggers delivery; absent in Node. */
  window: Window | undefined;
}

export interface RuntimeOptions {
  platform?: Partial<Platform>;
  /** Loads the deciding half on the first moment (the embed's lazy chunk). */
  loadDecider?: (runtime: Runtime) => Promise<Decider>;
  /**
   * Loads the delivery engine when there is an answer to store or send; without it answers
   * cannot be stored (`record` rejects). `createMoments` passes it; the script tag takes it
   * from the UI chunk.
   */
  loadDelivery?: LoadDelivery;
}

/**
 * The eager half of a client: events, consent, the durable queue and its courier. It holds
 * no config validation and no UI, so it fits in the few kilobytes every page view loads; the
 * decider (eligibility + UI) attaches later and receives moments fired in the meantime.
 */
export interface Runtime extends MomentsClient {
  /** A random v4 UUID (shared with the lazy half so it bundles no second copy). */
  newId(): string;
  emit<K extends MomentsEventName>(name: K, payload: MomentsEventMap[K]): void;
  report: Reporter;
  /** Stores an answer durably, then tries to deliver it. Resolves once it is stored. */
  record(answer: Answer): Promise<void>;
  /** Queues a lifecycle event (config `report`) to go with the next delivery. Never rejects. */
  recordEvent(event: LifecycleEvent): Promise<void>;
  /** Runs `cleanup` when the client is destroyed (moment sources register their stop here). */
  onDestroy(cleanup: () => void): void;
  /** Connects the deciding half; moments fired before are handed to it in order. */
  attach(decider: Decider): void;
  readonly destroyed: boolean;
  /** Where eligibility state (visitor id, survey history, deferred moments) lives; see `createStateStorage`. */
  readonly state: StateChain;
  /** False while consent is pending (or withheld by Global Privacy Control); see `consent()`. */
  readonly consented: boolean;
}

/** Builds the eager runtime from a raw (not yet validated) config. Never throws. */
export function createRuntime(config: MomentsConfigInput, options: RuntimeOptions = {}): Runtime {
  const win = options.platform?.window ?? (typeof window === 'undefined' ? undefined : window);
  const emitter = createEmitter();
  const report = createReporter(emitter);
  const delivery = createLazyDelivery(config, {
    platform: { ...options.platform, storages: options.platform?.storages ?? defaultQueueStorages(win), window: win },
    emit: emitter.emit,
    report,
    load: options.loadDelivery,
  });

  let consented = initialConsent(config, win);
  let decider: Decider | undefined;
  let loading = false;
  let destroyed = false;
  const cleanups: Array<() => void> = [];
  const pending: Array<{ moment: string; context: Context }> = [];

  const load = (): void => {
    if (decider || loading || destroyed || !options.loadDecider) return;
    loading = true;
    options.loadDecider(runtime).then(runtime.attach, (error: unknown) => {
      report('ui-load-failed', 'the survey UI could not be loaded', String(error));
      for (const p of pending.splice(0)) emitter.emit('skipped', { ...p, reason: 'ui-unavailable' });
      loading = false;
    });
  };

  const state = createStateStorage(
    win,
    (kind) => report('storage-fallback', `state storage failed; now kept in ${kind}`),
    options.platform?.stateStorages,
  );

  const runtime: Runtime = {
    state,
    newId: createId,
    emit: emitter.emit,
    report,
    on: emitter.on,
    get destroyed() {
      return destroyed;
    },
    get consented() {
      return consented;
    },
    trigger(moment, context) {
      if (destroyed || typeof moment !== 'string' || !moment) return;
      const safeContext = toContext(context);
      emitter.emit('triggered', { moment, context: safeContext });
      if (!consented) return emitter.emit('skipped', { moment, context: safeContext, reason: 'consent' });
      if (decider) return decider.trigger({ moment, context: safeContext });
      pending.push({ moment, context: safeContext });
      load();
    },
    onDestroy(cleanup) {
      if (destroyed) cleanup();
      else cleanups.push(cleanup);
    },
    attach(next) {
      if (destroyed) return next.destroy();
      decider = next;
      for (const p of pending.splice(0)) next.trigger(p);
    },
    consent(granted) {
      consented = granted === true;
    },
    async record(answer) {
      await delivery.put(answer);
      emitter.emit('answered', { answer });
      void delivery.flush();
    },
    recordEvent: (event) => delivery.putEvent(event).catch(() => undefined),
    flush: () => delivery.flush(),
    async purge() {
      try {
        await Promise.all([delivery.purge(), state.clear()]);
      } catch (error) {
        report('purge-failed', 'stored data could not be removed', String(error));
      }
    },
    destroy() {
      if (destroyed) return;
      destroyed = true;
      delivery.stop();
      decider?.destroy();
      for (const cleanup of cleanups.splice(0)) cleanup();
      emitter.clear();
    },
  };

  runtime.onDestroy(startConfigSources({ config, win, trigger: runtime.trigger, preload: load }));
  return runtime;
}
