// SPDX-License-Identifier: MIT
/**
 * Every name Moments gives to what it stores on a device, in one place (one prefix, `moments`):
 * `purge()` and the docs list them from here.
 */

/** The sessionStorage item counting surveys shown in this browser session. */
export const SESSION_KEY = 'moments-session-shown';
