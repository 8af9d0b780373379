// SPDX-License-Identifier: MIT
import { parseConfig } from './config/parseConfig.js';
import type { MomentsConfigInput } from './config/schema.js';
import { createDecider } from './decider.js';
import { createRuntime, type RuntimeOptions } from './runtime.js';
import { observeTriggerEvents } from './triggers/domEvent.js';
import { observeMarkup } from './triggers/markup.js';
import type { MomentsClient, ShowSurvey } from './types.js';

export interface CreateMomentsOptions extends Omit<RuntimeOptions, 'loadDecider' | 'loadDelivery'> {
  /** Shows a survey; `showSurvey` from `@moments/elements` in a browser. */
  show: ShowSurvey;
  /** Listen to `data-moment` markup and `moments:trigger` events (default: true in a browser). */
  observeDocument?: boolean;
}

/**
 * Creates a client for an app that bundles Moments (npm). The config is validated now: every
 * problem goes to the `error` event and `console.warn`, a bad survey is skipped, and an invalid
 * config yields a client that stays silent. Never throws.
 */
export function createMoments(config: MomentsConfigInput, options: CreateMomentsOptions): MomentsClient {
  // The queue and courier load when there is an answer to store (or answers wait from an earlier
  // visit): an app's bundler splits them out of the code every page view runs.
  const runtime = createRuntime(config, {
    ...options,
    loadDelivery: () => import('./delivery/createDelivery.js').then((m) => m.createDelivery),
  });
  const parsed = parseConfig(config);
  for (const issue of parsed.issues) runtime.report('invalid-config', `${issue.path}: ${issue.message}`, issue);
  if (!parsed.ok) return runtime;
  runtime.attach(createDecider({ runtime, config: parsed.config, show: options.show }));
  if (options.observeDocument !== false && typeof document !== 'undefined') {
    runtime.onDestroy(observeMarkup(document, runtime.trigger));
    runtime.onDestroy(observeTriggerEvents(document, runtime.trigger));
  }
  return runtime;
}
