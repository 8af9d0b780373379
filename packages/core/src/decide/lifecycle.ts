// SPDX-License-Identifier: MIT
import type { Runtime } from '../eager/runtime.js';
import type { LifecycleEvent, MomentsConfig, SkipReason, Survey, Trigger } from '../types.js';
import type { StateStore } from './eligibility/state.js';

/** Queues one lifecycle event for the endpoint, when the config's `report` asks for its kind. */
export type RecordLifecycle = (kind: LifecycleEvent['kind'], trigger: Trigger, survey?: Survey, reason?: SkipReason) => void;

/**
 * The lifecycle events an endpoint counts to know how often each moment happens and how often
 * it is asked (`report: ["triggered", "skipped", "shown", "dismissed"]`). Only after consent:
 * the decider sees no moment before it. Each carries the visitor id, so an endpoint can erase a
 * visitor's events with their answers.
 */
export function createLifecycle(
  runtime: Runtime,
  config: Pick<MomentsConfig, 'report'>,
  now: () => number,
  store: StateStore,
): RecordLifecycle {
  return (kind, { moment, context }, survey, reason) => {
    if (!config.report?.includes(kind) || !runtime.consented) return;
    const at = new Date(now()).toISOString();
    void store.load().then(({ visitorId }) =>
      runtime.recordEvent({
        id: runtime.newId(),
        kind,
        ...(survey ? { surveyId: survey.id, priority: survey.priority ?? 'encounter' } : {}),
        moment,
        context,
        at,
        visitorId,
        ...(reason ? { reason } : {}),
      }),
    );
  };
}
