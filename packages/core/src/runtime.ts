// SPDX-License-Identifier: MIT
import type { MomentsConfigInput } from './config/schema.js';
import { createLazyDelivery, type LoadDelivery } from './delivery/createLazyDelivery.js';
import type { Transport } from './delivery/httpTransport.js';
import { createEmitter } from './emitter.js';
import { createId } from './id.js';
import type { QueueStorage } from './queue/storage.js';
import { createReporter, type Reporter } from './report.js';
import type { Answer, Context, Decider, MomentsClient, MomentsEventMap, MomentsEventName } from './types.js';

/** The platform a runtime uses, injectable so tests and non-browser hosts can swap any part. */
export interface Platform {
  /** Tried in order; defaults to IndexedDB, then localStorage, then memory. */
  storages: readonly QueueStorage[];
  transport: Transport;
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
  readonly visitorId: string;
  emit<K extends MomentsEventName>(name: K, payload: MomentsEventMap[K]): void;
  report: Reporter;
  /** Stores an answer durably, then tries to deliver it. Resolves once it is stored. */
  record(answer: Answer): Promise<void>;
  /** Runs `cleanup` when the client is destroyed (moment sources register their stop here). */
  onDestroy(cleanup: () => void): void;
  /** Connects the deciding half; moments fired before are handed to it in order. */
  attach(decider: Decider): void;
  readonly destroyed: boolean;
}

const VISITOR_KEY = 'moments-visitor';

/** Builds the eager runtime from a raw (not yet validated) config. Never throws. */
export function createRuntime(config: MomentsConfigInput, options: RuntimeOptions = {}): Runtime {
  const win = options.platform?.window ?? (typeof window === 'undefined' ? undefined : window);
  const emitter = createEmitter();
  const report = createReporter(emitter);
  const delivery = createLazyDelivery(config, { platform: { ...options.platform, window: win }, emit: emitter.emit, report, load: options.loadDelivery });

  let consented = config['consent'] !== 'pending';
  let decider: Decider | undefined;
  let loading = false;
  let destroyed = false;
  const cleanups: Array<() => void> = [];
  const pending: Array<{ moment: string; context: Context }> = [];

  let visitorId: string | undefined;
  const runtime: Runtime = {
    // Read on first answer, not at start: nothing is stored before there is something to store.
    get visitorId() {
      return (visitorId ??= readVisitorId(win));
    },
    emit: emitter.emit,
    report,
    on: emitter.on,
    get destroyed() {
      return destroyed;
    },
    trigger(moment, context = {}) {
      if (destroyed || typeof moment !== 'string' || !moment) return;
      const safeContext = context && typeof context === 'object' ? context : {};
      emitter.emit('triggered', { moment, context: safeContext });
      if (!consented) return emitter.emit('skipped', { moment, context: safeContext, reason: 'no-consent' });
      if (decider) return decider.trigger({ moment, context: safeContext });
      pending.push({ moment, context: safeContext });
      if (loading || !options.loadDecider) return;
      loading = true;
      options.loadDecider(runtime).then(runtime.attach, (error: unknown) => {
        report('ui-load-failed', 'the survey UI could not be loaded', String(error));
        for (const p of pending.splice(0)) emitter.emit('skipped', { ...p, reason: 'ui-unavailable' });
        loading = false;
      });
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
    flush: () => delivery.flush(),
    async purge() {
      try {
        await delivery.purge();
        win?.localStorage.removeItem(VISITOR_KEY);
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
  return runtime;
}

/** A random id kept in localStorage (never a cookie); per page life where storage is blocked. */
function readVisitorId(win: Window | undefined): string {
  try {
    const stored = win?.localStorage.getItem(VISITOR_KEY);
    if (stored) return stored;
    const id = createId();
    win?.localStorage.setItem(VISITOR_KEY, id);
    return id;
  } catch {
    return createId();
  }
}
