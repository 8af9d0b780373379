// SPDX-License-Identifier: MIT
/**
 * The delivery chunk (`moments-delivery.js`): the durable queue and the courier. `moments.js`
 * imports it when there is an answer to store, or when answers from an earlier visit are
 * pending; a page view with nothing to send never loads it, and flushing old answers never
 * loads the survey UI.
 * @packageDocumentation
 */
export { createDelivery } from '@moments/core/internal';
