// SPDX-License-Identifier: MIT
import type { Runtime } from '../eager/runtime.js';
import type { Decider, MomentsConfig, ShowSurvey, SkipReason, Survey, Trigger } from '../types.js';
import { createChooser } from './choose.js';
import { startDataLayerOut } from './dataLayerOut.js';
import { matchUrl } from './eligibility/matchUrl.js';
import { readPage, type PageFacts } from './eligibility/page.js';
import { createSessionCounter, type SessionCounter } from './eligibility/session.js';
import { createStateStore, type State, type StateStore } from './eligibility/state.js';
import { createLifecycle } from './lifecycle.js';
import { createSlot, rank } from './slot.js';

/** What a decider reads and writes besides the runtime, injectable for tests. */
export interface DeciderPlatform {
  /** Eligibility state; defaults to one over the runtime's `state` storage. */
  state: StateStore;
  /** The current page's path, device and language; read once per task of decisions. */
  page: () => PageFacts;
  /** Epoch milliseconds (default `Date.now`). */
  now: () => number;
  session: SessionCounter;
  /** Where page rules and behaviour triggers listen; none in Node. */
  window: Window | undefined;
}

/** What `createDecider` needs: the eager runtime, the validated config and a UI. */
export interface DeciderOptions {
  runtime: Runtime;
  config: MomentsConfig;
  show: ShowSurvey;
  platform?: Partial<DeciderPlatform>;
}

/** A decider with the entry points page sources and deferred moments use. */
export interface FullDecider extends Decider {
  /** Considers one survey (behaviour triggers) instead of all for a moment. */
  offer(survey: Survey, trigger: Trigger): void;
  /** The page or SPA route changed: a survey still waiting its `delayMs` is cancelled. */
  navigated(): void;
}

/**
 * The deciding half of a client: checks every eligibility rule (each `skipped` event names its
 * reason), keeps one survey at a time (`slot.ts`), defers moments to later visits
 * (`deferred.ts`), and turns the shopper's answer into a stored Answer (`answer.ts`). Moments
 * that arrive together are decided together: one state read per page, one write and one read
 * of the page's facts per task. Never throws.
 */
export function createDecider({ runtime, config, show, platform = {} }: DeciderOptions): FullDecider {
  const win = 'window' in platform ? platform.window : typeof window === 'undefined' ? undefined : window;
  const store = platform.state ?? createStateStore(runtime.state, runtime.newId);
  const now = platform.now ?? Date.now;
  const session = platform.session ?? createSessionCounter(win);
  const readFacts = platform.page ?? (() => readPage(config.locale));
  let facts: PageFacts | undefined;
  const page = (): PageFacts => {
    if (!facts) setTimeout(() => (facts = undefined), 0);
    return (facts ??= readFacts());
  };
  let destroyed = false;
  const lifecycle = createLifecycle(runtime, config, now, store);
  const skip = (trigger: Trigger, reason: SkipReason, survey?: Survey): void => {
    if (config.debug) console.info(`[moments] ${trigger.moment} ${survey?.id ?? ''}: skipped (${reason})`);
    runtime.emit('skipped', { ...trigger, reason, ...(survey ? { surveyId: survey.id } : {}) });
    lifecycle('skipped', trigger, survey, reason);
  };
  const slot = createSlot({
    runtime,
    config,
    show,
    store,
    session,
    page,
    now,
    lifecycle,
    skip: (t, r, id) =>
      skip(
        t,
        r,
        config.surveys.find((s) => s.id === id),
      ),
  });
  const withState = (trigger: Trigger, fn: (state: State) => void): void => {
    if (!runtime.consented) return skip(trigger, 'consent');
    void store.load().then((state) => {
      if (!destroyed) fn(state);
    });
  };

  const { decide, askDue } = createChooser({ runtime, config, store, slot, page, now, session, skip, live: () => !destroyed });

  const decider: FullDecider = {
    trigger(trigger) {
      const candidates = config.surveys.filter((s) => matches(s, trigger.moment)).sort((a, b) => rank(a) - rank(b));
      if (!candidates.length) return skip(trigger, 'no-survey');
      if (runtime.consented) lifecycle('triggered', trigger, candidates.length === 1 ? candidates[0] : undefined);
      withState(trigger, (state) => decide(state, candidates, trigger));
    },
    offer: (survey, trigger) => withState(trigger, (state) => decide(state, [survey], trigger)),
    navigated: slot.navigated,
    consented: askDue,
    purge() {
      slot.clear();
      store.reset();
    },
    destroy() {
      destroyed = true;
      slot.clear();
      stopSources();
    },
  };

  // Page rules and behaviour triggers load as their own chunk, only where a survey needs them.
  let stopSources = (): void => undefined;
  if (win && config.surveys.some((s) => s.on || s.delayMs)) {
    void loadPageSources(runtime, (start) => {
      if (!destroyed) stopSources = start({ win, surveys: config.surveys, decider, page, match: matchUrl });
    });
  }
  // GA4 hears of surveys through the page's dataLayer when the config opts in.
  if (win && config.dataLayerOut) runtime.onDestroy(startDataLayerOut(win, runtime));
  askDue();
  return decider;
}

/** The page-sources chunk (`page/`), reported when it cannot load. */
function loadPageSources(runtime: Runtime, then: (start: typeof import('../page/pageSources.js').startPageSources) => void): Promise<void> {
  return import('../page/pageSources.js').then(
    (m) => then(m.startPageSources),
    (error: unknown) => runtime.report('ui-load-failed', 'page triggers could not be loaded', String(error)),
  );
}

function matches(survey: Survey, moment: string): boolean {
  return Array.isArray(survey.moment) ? survey.moment.includes(moment) : survey.moment === moment;
}
