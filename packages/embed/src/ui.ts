// SPDX-License-Identifier: MIT
/**
 * The lazy chunk (`moments-ui.js`), loaded with `import()` on the first moment: config
 * validation, eligibility (core's `decide/` folder) and the Lit UI. It gets the eager runtime
 * from `moments.js` instead of bundling a second copy of the queue and events.
 * @packageDocumentation
 */
import { startDecider, type Decider, type MomentsConfigInput, type Runtime } from '@moments/core/internal';
import { showSurvey } from '@moments/elements';

/** Validates the config and returns the decider for this page. Never throws. */
export function start(runtime: Runtime, config: MomentsConfigInput): Decider {
  return startDecider(runtime, config, showSurvey);
}
