// SPDX-License-Identifier: MIT
import type { MomentsConfigInput } from '../decide/config/schema.js';
import type { Transport } from '../deliver/httpTransport.js';
import { createId } from '../shared/id.js';
import type { QueuedRecord, QueueStorage } from '../shared/records.js';
import type { Answer, Decider, LifecycleEvent, MomentsClient, MomentsEventMap, MomentsEventName, Trigger } from '../types.js';
import { initialConsent, type ConsentState } from './consent.js';
import { createEagerDelivery, type LoadDelivery } from './delivery.js';
import { createEmitter } from './emitter.js';
import { createReporter, type Reporter } from './report.js';
import { readSettings, type Settings } from './settings.js';
import { createQueueChain } from './storage/queueStorages.js';
import { createStateStorage, type StateChain, type StateStorage } from './storage/stateStorage.js';
import { startConfigSources } from './triggers/configSources.js';
import { toContext } from './triggers/context.js';

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
  /** Loads the delivery engine when there is something to send (the embed's delivery chunk). */
  loadDelivery?: LoadDelivery;
}

/**
 * The eager half of a client (`moments.js`): events, consent, moment sources, and the storage
 * that makes an answer durable the instant it is given. It holds no config validation, no UI
 * and no courier, so it fits in the few kilobytes every page view loads; the decider attaches
 * later and receives the moments fired in the meantime.
 */
export interface Runtime extends MomentsClient {
  /** A random v4 UUID (shared with the lazy half so it bundles no second copy). */
  newId(): string;
  emit<K extends MomentsEventName>(name: K, payload: MomentsEventMap[K]): void;
  report: Reporter;
  /** The config as read at the eager boundary, typed. */
  readonly settings: Settings;
  /** Stores an answer durably, then sends it. Resolves once it is stored. */
  record(answer: Answer): Promise<void>;
  /** Queues a lifecycle event (config `report`) to go with the next delivery. Never rejects. */
  recordEvent(event: LifecycleEvent): Promise<void>;
  /** A card is on screen: load what sends its answer now, so leaving at once loses nothing. */
  prepareDelivery(): void;
  /** Runs `cleanup` when the client is destroyed (moment sources register their stop here). */
  onDestroy(cleanup: () => void): void;
  /** Connects the deciding half; moments fired before are handed to it in order. */
  attach(decider: Decider): void;
  readonly destroyed: boolean;
  /** Where eligibility state (visitor id, survey history, deferred moments) lives. */
  readonly state: StateChain;
  /** True once consent is given (at start, or by `consent(true)`). */
  readonly consented: boolean;
}

/** Builds the eager runtime from a raw (not yet validated) config. Never throws. */
export function createRuntime(config: MomentsConfigInput, options: RuntimeOptions = {}): Runtime {
  const { platform = {} } = options;
  const win = 'window' in platform ? platform.window : typeof window === 'undefined' ? undefined : window;
  const settings = readSettings(config);
  const emitter = createEmitter();
  const report = createReporter(emitter);
  const fallback = (what: string) => (kind: string, error: unknown) =>
    report('storage-fallback', `${what} storage failed (${String(error)}); now kept in ${kind}`, { kind, error: String(error) });
  const delivery = createEagerDelivery({
    config,
    chain: createQueueChain(win, fallback('answer'), platform.storages),
    load: options.loadDelivery,
    window: win,
    transport: platform.transport,
    emit: emitter.emit,
    on: emitter.on,
    report,
  });
  const state = createStateStorage(win, fallback('state'), platform.stateStorages);
  let weak = false;
  const newId = (): string =>
    createId(() => {
      if (!weak) report('weak-random', 'crypto.getRandomValues is missing; ids use Math.random');
      weak = true;
    });
  const client = createClient({ settings, options, win, emitter, report, delivery, state, newId });
  client.onDestroy(startConfigSources({ settings, win, trigger: client.trigger, preload: client.preload }));
  if (client.consented) delivery.start();
  return client;
}

interface Parts {
  settings: Settings;
  options: RuntimeOptions;
  win: Window | undefined;
  emitter: ReturnType<typeof createEmitter>;
  report: Reporter;
  delivery: ReturnType<typeof createEagerDelivery>;
  state: StateChain;
  newId: () => string;
}

/** The client's methods over its parts; moments go through `createMomentFlow`. */
function createClient(parts: Parts): Runtime & { preload(): void } {
  const { settings, emitter, delivery, state, report } = parts;
  let destroyed = false;
  const cleanups: Array<() => void> = [];
  const record = (item: QueuedRecord): Promise<void> => delivery.put(item);
  const runtime: Runtime & { preload(): void } = {
    settings,
    state,
    newId: parts.newId,
    emit: emitter.emit,
    report,
    on: emitter.on,
    preload: () => flow.preload(),
    get destroyed() {
      return destroyed;
    },
    get consented() {
      return flow.consented();
    },
    trigger(moment, context) {
      if (!destroyed && typeof moment === 'string' && moment) flow.trigger({ moment, context: toContext(context) });
    },
    consent(granted) {
      if (!destroyed) flow.consent(granted === true);
    },
    onDestroy(cleanup) {
      if (destroyed) cleanup();
      else cleanups.push(cleanup);
    },
    attach: (next) => (destroyed ? next.destroy() : flow.attach(next)),
    async record(answer) {
      await record({ answer, queuedAt: Date.now() });
      emitter.emit('answered', { answer });
    },
    async recordEvent(event) {
      // A `transform` gets answers only: events are not queued for it.
      if (!settings.transform) await record({ event, queuedAt: Date.now() }).catch(() => undefined);
    },
    prepareDelivery: delivery.prepare,
    flush: delivery.flush,
    async purge() {
      flow.purge();
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
      flow.destroy();
      for (const cleanup of cleanups.splice(0)) cleanup();
      emitter.clear();
    },
  };
  const flow = createMomentFlow(parts, runtime);
  return runtime;
}

/**
 * Where a moment goes after `trigger`: with consent, to the decider (loaded on the first
 * moment; moments wait for it in order); while consent is pending, held in memory only, never
 * stored, until `consent(true)` hands them on or `consent(false)` drops them (`skipped:
 * consent`); after `consent(false)`, skipped at once.
 */
function createMomentFlow({ settings, win, options, emitter, delivery, report }: Parts, runtime: Runtime) {
  let consent: ConsentState = initialConsent(settings, win);
  let decider: Decider | undefined;
  let loading = false;
  let destroyed = false;
  const held: Trigger[] = [];
  const waiting: Trigger[] = [];
  const preload = (): void => {
    if (decider || loading || destroyed || !options.loadDecider) return;
    loading = true;
    options.loadDecider(runtime).then(runtime.attach, (error: unknown) => {
      report('ui-load-failed', 'the survey UI could not be loaded', String(error));
      for (const t of waiting.splice(0)) emitter.emit('skipped', { ...t, reason: 'ui-unavailable' });
      loading = false;
    });
  };
  const decide = (trigger: Trigger): void => {
    if (decider) return decider.trigger(trigger);
    waiting.push(trigger);
    preload();
  };
  return {
    preload,
    consented: () => consent === 'granted',
    trigger(trigger: Trigger) {
      emitter.emit('triggered', trigger);
      if (consent === 'granted') decide(trigger);
      else if (consent === 'pending') held.push(trigger);
      else emitter.emit('skipped', { ...trigger, reason: 'consent' });
    },
    consent(granted: boolean) {
      const was = consent;
      consent = granted ? 'granted' : 'denied';
      const released = held.splice(0);
      if (!granted) return released.forEach((t) => emitter.emit('skipped', { ...t, reason: 'consent' }));
      if (was === 'granted') return;
      delivery.start();
      decider?.consented?.();
      released.forEach(decide);
    },
    attach(next: Decider) {
      decider = next;
      loading = false;
      for (const t of waiting.splice(0)) next.trigger(t);
    },
    purge() {
      held.length = 0;
      decider?.purge?.();
    },
    destroy() {
      destroyed = true;
      decider?.destroy();
    },
  };
}
