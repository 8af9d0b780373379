// SPDX-License-Identifier: MIT
import type { MomentsConfigInput } from '../decide/config/schema.js';
import { CONSENT_MODES, isDataLayerTarget, isFunction, isObject, isOneOf, type DataLayerTarget } from '../shared/settingsRules.js';
import { getter, take } from '../shared/readConfig.js';

/** The config as the eager script uses it: read once, here, and typed (what delivery
 * reads, it reads in its own chunk: `shared/deliverySettings.ts`). */
export interface Settings {
  /** `consent: "pending"`: nothing is shown, stored or sent before `consent(true)`. */
  consentPending: boolean;
  respectGpc: boolean;
  /** The mapping's valid entries (an invalid one is reported by the full validation). */
  dataLayer: Record<string, DataLayerTarget> | undefined;
  /** Some survey fires by itself or was deferred: the deciding half loads at idle. */
  early: boolean;
  /** A `transform` shapes the requests: it gets answers only, so no lifecycle event is queued. */
  transform: boolean;
}

/**
 * Reads the raw config into `Settings` with the schema's own tests (`shared/settingsRules.ts`).
 * A value its test refuses is left at its default here; the full validation in the lazy half
 * reports it with its path. Never throws, whatever the input (a throwing getter reads as absent).
 */
export function readSettings(config: MomentsConfigInput): Settings {
  const get = getter(config);
  const surveys = get('surveys');
  const mapping = get('dataLayer');
  return {
    consentPending: take(isOneOf(CONSENT_MODES), get('consent')) === 'pending',
    respectGpc: get('respectGpc') === true,
    dataLayer: isObject(mapping)
      ? (Object.fromEntries(Object.entries(mapping).filter(([, target]) => isDataLayerTarget(target))) as Record<string, DataLayerTarget>)
      : undefined,
    early: Array.isArray(surveys) && surveys.some((s) => !!(get('on', s) || get('after', s))),
    transform: isFunction(get('transform')),
  };
}
