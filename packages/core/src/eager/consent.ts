// SPDX-License-Identifier: MIT

/**
 * Whether consent is given when a client starts: not when the config says `"consent":
 * "pending"`, nor when it sets `"respectGpc": true` and the browser sends Global Privacy
 * Control (`navigator.globalPrivacyControl`). Either way `consent(true)` grants it later.
 * Reads the raw config (the eager script has not validated it).
 */
export function initialConsent(config: Record<string, unknown>, win: Window | undefined): boolean {
  const gpc = (win?.navigator as { globalPrivacyControl?: unknown } | undefined)?.globalPrivacyControl === true;
  return config['consent'] !== 'pending' && !(config['respectGpc'] === true && gpc);
}
