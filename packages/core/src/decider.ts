// SPDX-License-Identifier: MIT
import type { MomentsConfig, Survey } from './config/schema.js';
import { matchUrl } from './eligibility/matchUrl.js';
import { readPage, type PageFacts } from './eligibility/page.js';
import { checkSurvey, DAY_MS, oncePerValue } from './eligibility/rules.js';
import { createSessionCounter, type SessionCounter } from './eligibility/session.js';
import { createStateStore, MAX_SEEN, type State, type StateStore } from './eligibility/state.js';
import type { Runtime } from './runtime.js';
import { SDK } from './version.js';
import type { AnswerValue, Decider, LifecycleEvent, ShowSurvey, SkipReason, SurveyView, Trigger } from './types.js';

/** What a decider reads and writes besides the runtime, injectable for tests. */
export interface DeciderPlatform {
  /** Eligibility state; defaults to one over the runtime's `state` storage. */
  state: StateStore;
  /** The current page's path, device and language; read at each decision. */
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
  /** Considers one survey (behaviour triggers, deferred moments) instead of all for a moment. */
  offer(survey: Survey, trigger: Trigger, deferred?: boolean): void;
  /** The page or SPA route changed: a survey still waiting its `delayMs` is cancelled. */
  navigated(): void;
}

interface Active {
  survey: Survey;
  trigger: Trigger;
  phase: 'waiting' | 'showing' | 'answered';
  timer?: ReturnType<typeof setTimeout>;
  view?: SurveyView;
}

const rank = (s: Survey): number => (s.priority === 'critical' ? 0 : 1);

/**
 * The lazy half of a client: checks every eligibility rule (each `skipped` event names its
 * reason), keeps one survey at a time with `critical` moments ahead of `encounter` ones, waits
 * `delayMs`, shows the survey through the injected UI and turns the shopper's answer into a
 * stored Answer. Decisions wait for the stored state (one read per page); never throws.
 */
export function createDecider({ runtime, config, show, platform = {} }: DeciderOptions): FullDecider {
  const win = 'window' in platform ? platform.window : typeof window === 'undefined' ? undefined : window;
  const store = platform.state ?? createStateStore(runtime.state, runtime.newId);
  const page = platform.page ?? readPage;
  const now = platform.now ?? Date.now;
  const session = platform.session ?? createSessionCounter(win);
  // Read on the first decision after consent: with consent pending not even the database is opened.
  let loaded: Promise<State> | undefined;
  const withState = (trigger: Trigger, fn: (state: State) => void): void => {
    if (!runtime.consented) return skip(trigger, 'consent');
    void (loaded ??= store.load()).then(fn);
  };
  let active: Active | undefined;
  let destroyed = false;

  /** Queues a `shown` / `dismissed` event for the endpoint when the config's `report` asks for it. */
  const lifecycle = (kind: LifecycleEvent['kind'], survey: Survey, { moment, context }: Trigger): void => {
    if (config.report?.includes(kind)) {
      void runtime.recordEvent({ id: runtime.newId(), kind, surveyId: survey.id, moment, context, at: new Date(now()).toISOString() });
    }
  };

  const skip = (trigger: Trigger, reason: SkipReason, surveyId?: string): void => {
    if (config.debug) console.info(`[moments] ${trigger.moment} ${surveyId ?? ''}: skipped (${reason})`);
    runtime.emit('skipped', { ...trigger, reason, ...(surveyId ? { surveyId } : {}) });
  };

  /** Asks the first eligible candidate; every other one gets a `skipped` event with its reason. */
  const decide = (state: State, candidates: Survey[], trigger: Trigger, deferred?: boolean): void => {
    if (destroyed) return;
    if (!runtime.consented) return skip(trigger, 'consent');
    for (const survey of candidates) {
      const input = { survey, trigger, state, page: page(), now: now(), sessionCount: session.get(), fatigue: config.fatigue };
      const reason = checkSurvey(input) ?? (!deferred && survey.after ? defer(state, survey, trigger) : claim(survey));
      if (!reason) return schedule(state, survey, trigger);
      // A deferred moment is announced once it is stored: a tab closed right after must not lose it.
      if (reason === 'deferred') void store.save().then(() => skip(trigger, reason, survey.id));
      else skip(trigger, reason, survey.id);
    }
    // Consent is given: the visitor id (sticky sampling) and deferred moments may be stored.
    void store.save();
  };

  const defer = (state: State, survey: Survey, { moment, context }: Trigger): SkipReason => {
    const { days = 0, hours = 0 } = survey.after!;
    state.deferred.push({ surveyId: survey.id, moment, context, dueAt: now() + days * DAY_MS + hours * 3_600_000 });
    return 'deferred';
  };

  /** Takes the one survey slot, or says why not. A waiting `encounter` yields to a `critical` one. */
  const claim = (survey: Survey): SkipReason | undefined => {
    if (!active) return undefined;
    if (active.phase !== 'waiting' || rank(survey) >= rank(active.survey)) return 'busy';
    clearTimeout(active.timer);
    skip(active.trigger, 'busy', active.survey.id);
    active = undefined;
    return undefined;
  };

  const schedule = (state: State, survey: Survey, trigger: Trigger): void => {
    const slot: Active = (active = { survey, trigger, phase: 'waiting' });
    if (config.debug) console.info(`[moments] ${trigger.moment} ${survey.id}: showing in ${survey.delayMs ?? 0} ms`);
    slot.timer = setTimeout(() => void open(state, slot), survey.delayMs ?? 0);
  };

  /** Shown: remembered for recontact, once-per and fatigue. */
  const remember = (state: State, { survey, trigger }: Active): void => {
    const at = now();
    const key = oncePerValue(survey, trigger);
    const seen = state.surveys.get(survey.id)?.seen ?? [];
    state.surveys.set(survey.id, { shownAt: at, seen: key === undefined ? seen : [...seen, key].slice(-MAX_SEEN) });
    state.lastShownAt = at;
    session.add();
    void store.save();
  };

  const open = async (state: State, slot: Active): Promise<void> => {
    const { survey, trigger } = slot;
    slot.phase = 'showing';
    const handlers = {
      answer: async (value: AnswerValue, comment?: string) => {
        const facts = page();
        await runtime.record({
          id: runtime.newId(),
          surveyId: survey.id,
          moment: trigger.moment,
          question: { type: survey.question.type, text: survey.question.text },
          value,
          ...(comment ? { comment } : {}),
          context: trigger.context,
          visitorId: state.visitorId,
          // Origin and path only unless the config opts in: queries often hold tokens or e-mails.
          url: facts.url(config.fullUrl === true),
          locale: config.locale ?? facts.language,
          answeredAt: new Date(now()).toISOString(),
          sdk: { ...SDK },
        });
        slot.phase = 'answered';
      },
      dismiss: () => {
        runtime.emit('dismissed', { surveyId: survey.id, ...trigger });
        lifecycle('dismissed', survey, trigger);
      },
      // The card left the screen (after its thanks, or dismissed): the next survey may show.
      closed: () => {
        if (active === slot) active = undefined;
      },
      report: runtime.report,
    };
    try {
      slot.view = await show(survey, handlers, {
        ...(config.locale ? { locale: config.locale } : {}),
        ...(config.theme ? { theme: config.theme } : {}),
      });
      if (destroyed || active !== slot) return slot.view.close();
      // Remembered once on screen: a card that could not render does not count as asked.
      remember(state, slot);
      runtime.emit('shown', { surveyId: survey.id, ...trigger });
      lifecycle('shown', survey, trigger);
    } catch (error) {
      if (active === slot) active = undefined;
      runtime.report('show-failed', `survey "${survey.id}" could not be shown`, String(error));
    }
  };

  const decider: FullDecider = {
    trigger(trigger) {
      const candidates = config.surveys.filter((s) => matches(s, trigger.moment)).sort((a, b) => rank(a) - rank(b));
      if (!candidates.length) return skip(trigger, 'no-survey');
      withState(trigger, (state) => decide(state, candidates, trigger));
    },
    offer(survey, trigger, deferred) {
      withState(trigger, (state) => decide(state, [survey], trigger, deferred));
    },
    navigated() {
      if (active?.phase === 'waiting') {
        clearTimeout(active.timer);
        skip(active.trigger, 'navigated', active.survey.id);
      }
      if (active?.phase !== 'showing') active = undefined;
    },
    destroy() {
      destroyed = true;
      clearTimeout(active?.timer);
      active?.view?.close();
      active = undefined;
      stopSources();
    },
  };

  // Page rules and behaviour triggers load as their own chunk, only where a survey needs them.
  let stopSources = (): void => undefined;
  if (win && config.surveys.some((s) => s.on || s.delayMs)) {
    import('./triggers/pageSources.js').then(
      (m) => void (destroyed || (stopSources = m.startPageSources({ win, surveys: config.surveys, decider, page, match: matchUrl }))),
      (error: unknown) => runtime.report('ui-load-failed', 'page triggers could not be loaded', String(error)),
    );
  }
  // A moment deferred on an earlier visit and now due is asked first (one per visit).
  if (runtime.consented && config.surveys.some((s) => s.after)) {
    void (loaded ??= store.load()).then((state) => {
      const due = state.deferred.find((d) => d.dueAt <= now());
      if (!due) return;
      state.deferred.splice(state.deferred.indexOf(due), 1);
      const survey = config.surveys.find((x) => x.id === due.surveyId);
      if (survey) decide(state, [survey], { moment: due.moment, context: due.context }, true);
      else void store.save();
    });
  }
  return decider;
}

function matches(survey: Survey, moment: string): boolean {
  return Array.isArray(survey.moment) ? survey.moment.includes(moment) : survey.moment === moment;
}
