// SPDX-License-Identifier: MIT
import type { Runtime } from '../eager/runtime.js';
import type { MomentsConfig, SkipReason, Survey, Trigger } from '../types.js';
import { deferMoment, takeDue } from './deferred.js';
import type { PageFacts } from './eligibility/page.js';
import { checkSurvey } from './eligibility/rules.js';
import type { SessionCounter } from './eligibility/session.js';
import type { DeferredMoment, State, StateStore } from './eligibility/state.js';
import type { Slot } from './slot.js';

/** What choosing reads: the decider's parts. */
export interface ChooserOptions {
  runtime: Runtime;
  config: MomentsConfig;
  store: StateStore;
  slot: Slot;
  page: () => PageFacts;
  now: () => number;
  session: SessionCounter;
  skip: (trigger: Trigger, reason: SkipReason, survey?: Survey) => void;
  /** False once the decider is destroyed. */
  live: () => boolean;
}

/**
 * Which survey, if any, a moment leads to. `decide` asks the first eligible candidate and gives
 * every other one a `skipped` event with its reason; `askDue` offers deferred moments that are
 * due (they stay stored until shown) and drops those past their wait (`skipped: expired`).
 */
export function createChooser(o: ChooserOptions) {
  const { config, store, slot, now } = o;
  const decide = (state: State, candidates: Survey[], trigger: Trigger, entry?: DeferredMoment): void => {
    for (const survey of candidates) {
      const input = {
        survey,
        trigger,
        state,
        page: o.page(),
        now: now(),
        sessionCount: o.session.get(),
        fatigue: config.fatigue,
        except: entry,
      };
      const later = !entry && survey.after;
      const reason = checkSurvey(input) ?? (later ? 'deferred' : slot.claim(survey));
      if (!reason) return slot.schedule(state, survey, trigger, entry);
      if (reason !== 'deferred') {
        o.skip(trigger, reason, survey);
        continue;
      }
      deferMoment(state, survey, trigger, now(), (d) =>
        o.runtime.report('deferred-overflow', `a deferred "${d.surveyId}" moment was dropped`, d),
      );
      // Announced once stored: a tab closed right after must not lose it.
      void store.save().then(() => o.skip(trigger, reason, survey));
    }
    // Consent is given: the visitor id (sticky sampling) and deferred moments may be stored.
    void store.save();
  };

  const askDue = (): void => {
    if (!o.runtime.consented || !config.surveys.some((s) => s.after)) return;
    void store.load().then((state) => {
      const { due, expired } = takeDue(state, now());
      const surveyOf = (d: DeferredMoment) => config.surveys.find((s) => s.id === d.surveyId);
      for (const d of expired) o.skip({ moment: d.moment, context: d.context }, 'expired', surveyOf(d));
      for (const d of due) {
        const survey = surveyOf(d);
        if (survey && o.live()) decide(state, [survey], { moment: d.moment, context: d.context }, d);
      }
      void store.save();
    });
  };
  return { decide, askDue };
}
