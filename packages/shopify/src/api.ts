// SPDX-License-Identifier: MIT
import type { ExtensionStorage } from './store.js';

/** A value the host updates (Shopify's `SubscribableSignalLike`): read `.value`. */
export interface Signal<T> {
  readonly value: T;
}

/**
 * The part of the `shopify` global both order pages share that the extension reads. Both
 * targets' `Api` types of `@shopify/ui-extensions` are assignable to it (test/types.test-d.ts).
 */
export interface OrderPageApi {
  /** The merchant's settings from the checkout editor (`shopify.extension.toml`): `config_url`. */
  settings: Signal<Record<string, unknown>>;
  storage: ExtensionStorage;
  shop: { storefrontUrl?: string; myshopifyDomain: string };
  localization: { language: Signal<{ isoCode: string }> };
}

/** `purchase.thank-you.block.render`: the order just placed. */
export interface ThankYouApi extends OrderPageApi {
  orderConfirmation: Signal<{ order: { id: string } }>;
}

/** `customer-account.order-status.block.render`: the order, once loaded. */
export interface OrderStatusApi extends OrderPageApi {
  order: Signal<{ id: string } | undefined>;
}
