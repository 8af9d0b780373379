// SPDX-License-Identifier: MIT
import type { MomentsConfigInput } from './decide/config/schema.js';
import { createRuntime, type RuntimeOptions } from './eager/runtime.js';
import { observeTriggerEvents } from './eager/triggers/domEvent.js';
import { observeMarkup } from './eager/triggers/markup.js';
import type { MomentsClient, ShowSurvey } from './types.js';

export interface CreateMomentsOptions extends Omit<RuntimeOptions, 'loadDecider' | 'loadDelivery'> {
  /** Shows a survey; `showSurvey` from `@moments/elements` in a browser. */
  show: ShowSurvey;
  /** Listen to `data-moment` markup and `moments:trigger` events (default: true in a browser). */
  observeDocument?: boolean;
}

/**
 * Creates a client for an app that bundles Moments (npm). It starts as the script tag does:
 * the eager runtime now, the deciding half (config validation, eligibility) on the first
 * moment and the queue's courier when there is something to send, each through a dynamic
 * `import()` the app's bundler splits out. Config problems go to the `error` event and
 * `console.warn` with their path; a bad survey is skipped; an invalid config answers every
 * moment with `skipped: invalid-config`. Never throws.
 */
export function createMoments(config: MomentsConfigInput, options: CreateMomentsOptions): MomentsClient {
  const runtime = createRuntime(config, {
    ...options,
    loadDecider: (rt) => import('./decide/start.js').then((m) => m.startDecider(rt, config, options.show)),
    loadDelivery: () => import('./deliver/createDelivery.js').then((m) => m.createDelivery),
  });
  if (options.observeDocument !== false && typeof document !== 'undefined') {
    runtime.onDestroy(observeMarkup(document, runtime.trigger));
    runtime.onDestroy(observeTriggerEvents(document, runtime.trigger));
  }
  return runtime;
}
