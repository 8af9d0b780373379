// SPDX-License-Identifier: MIT
/**
 * Every name Moments gives to what it keeps on a device, in one place and with one prefix
 * (`moments`), so `purge()`, the docs and the tests agree on what "everything" is. Never
 * idb-keyval's default `keyval-store`, which the host page may use.
 */

/** IndexedDB database and object store of the answer queue (one record per answer or event). */
export const QUEUE_DB = 'moments-queue';
export const QUEUE_STORE = 'answers';
/** The localStorage item of the queue where IndexedDB is unavailable (one JSON object). */
export const LOCAL_QUEUE_KEY = 'moments-queue';

/** IndexedDB database and object store of the eligibility state (one record). */
export const STATE_DB = 'moments-state';
export const STATE_STORE = 'state';
/** The key (IndexedDB) or localStorage item the eligibility state lives under. */
export const STATE_KEY = 'moments-state';

/** The sessionStorage item counting surveys shown in this browser session. */
export const SESSION_KEY = 'moments-session-shown';
