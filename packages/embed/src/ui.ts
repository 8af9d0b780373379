// SPDX-License-Identifier: MIT
/**
 * The lazy chunk (`moments-ui.js`), loaded with `import()` on the first moment: config
 * validation (zod/mini), eligibility and the Lit UI. It gets the eager runtime from
 * `moments.js` instead of bundling a second copy of the queue and events.
 * @packageDocumentation
 */
import { createDecider, parseConfig, type Decider, type MomentsConfigInput, type Runtime } from '@moments/core';
import { showSurvey } from '@moments/elements';

/** The delivery engine (queue + courier), loaded by `moments.js` when there is an answer to store or send. */
export { createDelivery } from '@moments/core';

/** Validates the config and returns the decider for this page. Never throws. */
export function start(runtime: Runtime, config: MomentsConfigInput): Decider {
  const parsed = parseConfig(config);
  for (const issue of parsed.issues) runtime.report('invalid-config', `${issue.path}: ${issue.message}`, issue);
  if (parsed.ok) return createDecider({ runtime, config: parsed.config, show: showSurvey });
  return {
    trigger: (trigger) => runtime.emit('skipped', { ...trigger, reason: 'invalid-config' }),
    destroy: () => undefined,
  };
}
