// Type tests: the `shopify` global of both order-page targets (the real `Api` types of
// @shopify/ui-extensions) is what @moments/shopify's components accept.
import type { Api as OrderStatusTargetApi } from '@shopify/ui-extensions/customer-account.order-status.block.render';
import type { Api as ThankYouTargetApi } from '@shopify/ui-extensions/purchase.thank-you.block.render';
import { expectTypeOf } from 'vitest';
import type { OrderPageApi, OrderStatusApi, ThankYouApi } from '../src/index.js';

expectTypeOf<ThankYouTargetApi>().toExtend<ThankYouApi>();
expectTypeOf<OrderStatusTargetApi>().toExtend<OrderStatusApi>();
expectTypeOf<OrderStatusTargetApi>().toExtend<OrderPageApi>();
// The Thank-you page has no `order` signal: the order comes from `orderConfirmation`.
expectTypeOf<ThankYouTargetApi>().not.toExtend<OrderStatusApi>();
