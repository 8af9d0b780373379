// SPDX-License-Identifier: MIT
import type { MomentsConfigInput } from './config/schema.js';
import { createCourier } from './delivery/courier.js';
import { httpTransport, type Transport } from './delivery/httpTransport.js';
import { createEmitter } from './emitter.js';
import { initialConsent } from './eligibility/consent.js';
import { createStateStorage, type StateChain, type StateStorage } from './eligibility/stateStorage.js';
import { createId } from './id.js';
import { createAnswerQueue } from './queue/answerQueue.js';
import { createIdbStorage } from './queue/idbStorage.js';
import { createMemoryStorage } from './queue/memoryStorage.js';
import type { QueueStorage } from './queue/storage.js';
import { createReporter, type Reporter } from './report.js';
import { startConfigSources } from './triggers/configSources.js';
import { toContext } from './triggers/context.js';
import type { Answer, Context, Decider, MomentsClient, MomentsEventMap, MomentsEventName } from './types.js';

/** The platform a runtime uses, injectable so tests and non-browser hosts can swap any part. */
export interface Platform {
  /** Tried in order; defaults to IndexedDB, then memory. */
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
  const queue = createAnswerQueue({
    storages: options.platform?.storages ?? [
      ...(typeof indexedDB === 'undefined' ? [] : [createIdbStorage()]),
      createMemoryStorage(),
    ],
    onFallback: (kind, error) => report('storage-fallback', `storage failed; answers are now kept in ${kind}`, { kind, error: String(error) }),
  });
  const courier = createCourier({
    queue,
    transport: options.platform?.transport ?? httpTransport,
    endpoint: resolveEndpoint(config['endpoint'], win),
    ...(isHeaders(config['headers']) ? { headers: config['headers'] } : {}),
    onDelivered: (ids, status) => emitter.emit('delivered', { ids, status }),
    onDropped: (ids, reason, status) => emitter.emit('dropped', status === undefined ? { ids, reason } : { ids, reason, status }),
  });
  if (!resolveEndpoint(config['endpoint'], win)) {
    report('missing-endpoint', 'config.endpoint is missing or not a URL; answers are kept until one is set');
  }

  let consented = initialConsent(config, win);
  let decider: Decider | undefined;
  let loading = false;
  let destroyed = false;
  const cleanups: Array<() => void> = [];
  const pending: Array<{ moment: string; context: Context }> = [];

  const onHidden = (): void => {
    if (win?.document.visibilityState === 'hidden') void courier.flush({ keepalive: true });
  };
  const onPageHide = (): void => void courier.flush({ keepalive: true });
  const onOnline = (): void => void courier.flush();
  win?.addEventListener('pagehide', onPageHide);
  win?.addEventListener('online', onOnline);
  win?.document.addEventListener('visibilitychange', onHidden);

  const load = (): void => {
    if (decider || loading || destroyed || !options.loadDecider) return;
    loading = true;
    options.loadDecider(runtime).then(runtime.attach, (error: unknown) => {
      report('ui-load-failed', 'the survey UI could not be loaded', String(error));
      for (const p of pending.splice(0)) emitter.emit('skipped', { ...p, reason: 'ui-unavailable' });
      loading = false;
    });
  };

  const state = createStateStorage(win, (kind) => report('storage-fallback', `state storage failed; now kept in ${kind}`), options.platform?.stateStorages);

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
      await queue.put({ answer, queuedAt: Date.now() });
      emitter.emit('answered', { answer });
      void courier.flush();
    },
    flush: () => courier.flush(),
    async purge() {
      try {
        await Promise.all([queue.clear(), state.clear()]);
      } catch (error) {
        report('purge-failed', 'stored data could not be removed', String(error));
      }
    },
    destroy() {
      if (destroyed) return;
      destroyed = true;
      courier.stop();
      decider?.destroy();
      for (const cleanup of cleanups.splice(0)) cleanup();
      win?.removeEventListener('pagehide', onPageHide);
      win?.removeEventListener('online', onOnline);
      win?.document.removeEventListener('visibilitychange', onHidden);
      emitter.clear();
    },
  };

  runtime.onDestroy(startConfigSources({ config, win, trigger: runtime.trigger, preload: load }));
  // Answers from earlier visits go out once the page has settled, off the critical path.
  setTimeout(() => void (destroyed || courier.flush()), 0);
  return runtime;
}

function resolveEndpoint(endpoint: unknown, win: Window | undefined): string | undefined {
  if (typeof endpoint !== 'string' || !endpoint) return undefined;
  try {
    return new URL(endpoint, win?.document.baseURI).href;
  } catch {
    return undefined;
  }
}

function isHeaders(value: unknown): value is Record<string, string> {
  return !!value && typeof value === 'object' && Object.values(value).every((v) => typeof v === 'string');
}
