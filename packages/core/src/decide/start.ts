// SPDX-License-Identifier: MIT
import type { Runtime } from '../eager/runtime.js';
import type { Decider, ShowSurvey } from '../types.js';
import { parseConfig } from './config/parseConfig.js';
import type { MomentsConfigInput } from './config/schema.js';
import { createDecider } from './decider.js';

/**
 * The one start-up path of the deciding half, for the npm client and the script tag alike:
 * validate the config, report every issue (`invalid-config`, with its path), then decide with
 * the valid surveys. An invalid config gives a decider that answers each moment with
 * `skipped: invalid-config` and holds nothing. Never throws.
 */
export function startDecider(runtime: Runtime, config: MomentsConfigInput, show: ShowSurvey): Decider {
  const parsed = parseConfig(config);
  for (const issue of parsed.issues) runtime.report('invalid-config', `${issue.path}: ${issue.message}`, issue);
  if (parsed.ok) return createDecider({ runtime, config: parsed.config, show });
  return {
    trigger: (trigger) => runtime.emit('skipped', { ...trigger, reason: 'invalid-config' }),
    destroy: () => undefined,
  };
}
