// SPDX-License-Identifier: MIT
import type { Survey, Trigger } from '../types.js';
import { DAY_MS } from './eligibility/rules.js';
import { MAX_DEFERRED, type DeferredMoment, type State } from './eligibility/state.js';

/** Default longest wait for an eligible visit after a deferred moment is due, in days. */
export const DEFERRED_MAX_WAIT_DAYS = 30;

/**
 * Keeps a moment for a later visit (`after`). It stays stored until it is shown or past its
 * `maxWaitDays`; an ineligible visit does not consume it. Beyond `MAX_DEFERRED`, the oldest is
 * dropped and handed to `onOverflow` so it is reported, never lost silently.
 */
export function deferMoment(
  state: State,
  survey: Survey,
  { moment, context }: Trigger,
  now: number,
  onOverflow: (d: DeferredMoment) => void,
): void {
  const { days = 0, hours = 0, maxWaitDays = DEFERRED_MAX_WAIT_DAYS } = survey.after ?? {};
  const dueAt = now + days * DAY_MS + hours * 3_600_000;
  state.deferred.push({ surveyId: survey.id, moment, context, dueAt, expiresAt: dueAt + maxWaitDays * DAY_MS });
  while (state.deferred.length > MAX_DEFERRED) onOverflow(state.deferred.shift()!);
}

/** Deferred moments due now, oldest first, and those past their wait (removed from `state`). */
export function takeDue(state: State, now: number): { due: DeferredMoment[]; expired: DeferredMoment[] } {
  const expired = state.deferred.filter((d) => now > (d.expiresAt ?? d.dueAt + DEFERRED_MAX_WAIT_DAYS * DAY_MS));
  state.deferred = state.deferred.filter((d) => !expired.includes(d));
  const due = state.deferred.filter((d) => d.dueAt <= now).sort((a, b) => a.dueAt - b.dueAt);
  return { due, expired };
}

/** Removes a deferred moment once its survey is on screen. */
export function forgetDeferred(state: State, entry: DeferredMoment | undefined): void {
  if (entry) state.deferred = state.deferred.filter((d) => d !== entry && !sameMoment(d, entry));
}

function sameMoment(a: DeferredMoment, b: DeferredMoment): boolean {
  return a.surveyId === b.surveyId && a.dueAt === b.dueAt && a.moment === b.moment;
}
