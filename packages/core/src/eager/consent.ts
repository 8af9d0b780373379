// SPDX-License-Identifier: MIT
import type { Settings } from './settings.js';

/** Where consent stands: `pending` holds moments in memory; `denied` skips them. */
export type ConsentState = 'granted' | 'pending' | 'denied';

/**
 * Consent when a client starts: `pending` when the config says `"consent": "pending"`, or when
 * it sets `"respectGpc": true` and the browser sends Global Privacy Control
 * (`navigator.globalPrivacyControl`); else `granted`. Either way `consent(true)` grants it later.
 * Reads no storage (nothing about consent is stored by Moments).
 */
export function initialConsent(settings: Settings, win: Window | undefined): ConsentState {
  let gpc = false;
  try {
    gpc = (win?.navigator as { globalPrivacyControl?: unknown } | undefined)?.globalPrivacyControl === true;
  } catch {
    // A navigator that throws sends no signal we can read.
  }
  return settings.consentPending || (settings.respectGpc && gpc) ? 'pending' : 'granted';
}
