// SPDX-License-Identifier: MIT
import type { Runtime } from '../eager/runtime.js';
import type { AnswerValue, MomentsConfig, ShowSurvey, SkipReason, Survey, SurveyView, Trigger } from '../types.js';
import { makeAnswer } from './answer.js';
import { forgetDeferred } from './deferred.js';
import type { PageFacts } from './eligibility/page.js';
import { oncePerValue } from './eligibility/rules.js';
import type { SessionCounter } from './eligibility/session.js';
import { MAX_SEEN, type DeferredMoment, type State, type StateStore } from './eligibility/state.js';
import type { RecordLifecycle } from './lifecycle.js';

/** One survey on its way to the screen, or on it. */
interface Active {
  survey: Survey;
  trigger: Trigger;
  phase: 'waiting' | 'showing' | 'answered';
  timer?: ReturnType<typeof setTimeout>;
  view?: SurveyView;
}

/** What the slot works with; all of it belongs to the decider that owns it. */
export interface SlotOptions {
  runtime: Runtime;
  config: MomentsConfig;
  show: ShowSurvey;
  store: StateStore;
  session: SessionCounter;
  page: () => PageFacts;
  now: () => number;
  skip: (trigger: Trigger, reason: SkipReason, surveyId?: string) => void;
  lifecycle: RecordLifecycle;
}

/** The one survey slot of a page (see `createSlot`). */
export interface Slot {
  /** Takes the slot for `survey`, or says why not. */
  claim(survey: Survey): SkipReason | undefined;
  /** Shows `survey` after its `delayMs`; `entry`: the deferred moment it asks, forgotten once shown. */
  schedule(state: State, survey: Survey, trigger: Trigger, entry?: DeferredMoment): void;
  /** The route changed: a survey still waiting its delay is cancelled. */
  navigated(): void;
  /** Closes any card and frees the slot. */
  clear(): void;
}

export const rank = (s: Survey): number => (s.priority === 'critical' ? 0 : 1);

/**
 * One survey at a time: a waiting `encounter` survey yields to a `critical` one; a survey waits
 * its `delayMs`, then shows through the injected UI. Only once the card is on screen is it
 * remembered (recontact, once-per, fatigue, the deferred moment it asked) and `shown` emitted,
 * (the delivery code starts loading as the card renders, so its answer is sent even if the page
 * is left at once).
 */
export function createSlot(o: SlotOptions): Slot {
  let active: Active | undefined;

  const remember = (state: State, { survey, trigger }: Active, entry: DeferredMoment | undefined): void => {
    const at = o.now();
    const key = oncePerValue(survey, trigger);
    const seen = state.surveys.get(survey.id)?.seen ?? [];
    state.surveys.set(survey.id, { shownAt: at, seen: key === undefined ? seen : [...seen, key].slice(-MAX_SEEN) });
    state.lastShownAt = at;
    forgetDeferred(state, entry);
    o.session.add();
    void o.store.save();
  };

  const handlersFor = (state: State, slot: Active) =>
    createHandlers(o, state, slot, () => {
      if (active === slot) active = undefined;
    });

  const open = async (state: State, slot: Active, entry: DeferredMoment | undefined): Promise<void> => {
    const { survey, trigger } = slot;
    slot.phase = 'showing';
    // While the card renders, the delivery code loads: an answer given and the page left at
    // once must find it in memory (a download on pagehide would be too late).
    o.runtime.prepareDelivery();
    try {
      slot.view = await o.show(survey, handlersFor(state, slot), {
        locale: o.page().language,
        ...(o.config.theme ? { theme: o.config.theme } : {}),
      });
      if (active !== slot) return slot.view.close();
      remember(state, slot, entry);
      o.runtime.emit('shown', { surveyId: survey.id, ...trigger });
      o.lifecycle('shown', trigger, survey);
    } catch (error) {
      if (active === slot) active = undefined;
      o.runtime.report('show-failed', `survey "${survey.id}" could not be shown`, String(error));
    }
  };

  return {
    claim(survey) {
      if (!active) return undefined;
      if (active.phase !== 'waiting' || rank(survey) >= rank(active.survey)) return 'busy';
      clearTimeout(active.timer);
      o.skip(active.trigger, 'busy', active.survey.id);
      active = undefined;
      return undefined;
    },
    schedule(state, survey, trigger, entry) {
      const slot: Active = (active = { survey, trigger, phase: 'waiting' });
      if (o.config.debug) console.info(`[moments] ${trigger.moment} ${survey.id}: showing in ${survey.delayMs ?? 0} ms`);
      slot.timer = setTimeout(() => void open(state, slot, entry), survey.delayMs ?? 0);
    },
    navigated() {
      if (active?.phase === 'waiting') {
        clearTimeout(active.timer);
        o.skip(active.trigger, 'navigated', active.survey.id);
      }
      if (active?.phase !== 'showing') active = undefined;
    },
    clear() {
      clearTimeout(active?.timer);
      active?.view?.close();
      active = undefined;
    },
  };
}

/** What the card calls: the answer is made and stored (awaited before thanks), dismissals are counted. */
function createHandlers(o: SlotOptions, state: State, slot: Active, free: () => void) {
  return {
    answer: async (value: AnswerValue, comment?: string) => {
      const { survey, trigger } = slot;
      const facts = { id: o.runtime.newId(), survey, trigger, visitorId: state.visitorId, page: o.page(), now: o.now(), config: o.config };
      await o.runtime.record(makeAnswer(value, comment, facts));
      slot.phase = 'answered';
    },
    dismiss: () => {
      o.runtime.emit('dismissed', { surveyId: slot.survey.id, ...slot.trigger });
      o.lifecycle('dismissed', slot.trigger, slot.survey);
    },
    // The card left the screen (after its thanks, or dismissed): the next survey may show.
    closed: free,
    // The UI's own problems (theme contrast, Trusted Types) go through core's one reporter.
    report: o.runtime.report,
  };
}
