// SPDX-License-Identifier: MIT
/**
 * `@moments/shopify`: Moments on Shopify's Thank-you and Order-status pages, where script tags
 * no longer run: a Checkout UI extension (Preact + Polaris web components) that asks the
 * storefront config's survey for `purchase` and `delivery` and posts the same `Answer` to the
 * same endpoint. The extension folders ship in the package (`extensions/`).
 * @packageDocumentation
 */
export { ThankYouSurvey, OrderStatusSurvey } from './targets.js';
export { OrderSurvey, type OrderSurveyProps } from './OrderSurvey.js';
export type { OrderPageApi, OrderStatusApi, ThankYouApi, Signal } from './api.js';
export { loadSurvey, type SurveyLookup } from './config.js';
export { createAnswer, type AnswerFacts } from './answer.js';
export { deliver, endpointOf } from './delivery.js';
export { isFulfilled, CUSTOMER_ACCOUNT_API } from './fulfillment.js';
export { choicesOf, type Choice } from './choices.js';
export { createStore, type ExtensionStorage, type Store } from './store.js';
