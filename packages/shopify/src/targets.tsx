// SPDX-License-Identifier: MIT
import { useEffect, useState } from 'preact/hooks';
import type { JSX } from 'preact';
import type { OrderStatusApi, ThankYouApi } from './api.js';
import { isFulfilled } from './fulfillment.js';
import { OrderSurvey, type OrderSurveyProps } from './OrderSurvey.js';

type Options = Pick<OrderSurveyProps, 'fetchJson' | 'transport' | 'createId'>;

/** `purchase.thank-you.block.render`: asks `purchase` about the order just placed. */
export function ThankYouSurvey({ api, ...options }: { api: ThankYouApi } & Options): JSX.Element {
  return <OrderSurvey moment="purchase" orderId={api.orderConfirmation.value.order.id} api={api} {...options} />;
}

/**
 * `customer-account.order-status.block.render`: asks `delivery` about the order, once the
 * Customer Account API says it is fulfilled.
 */
export function OrderStatusSurvey({
  api,
  fulfilled = isFulfilled,
  ...options
}: { api: OrderStatusApi; fulfilled?: (orderId: string) => Promise<boolean> } & Options): JSX.Element {
  const orderId = api.order.value?.id;
  const [ready, setReady] = useState(false);
  useEffect(() => {
    let live = true;
    if (orderId) void fulfilled(orderId).then((yes) => live && setReady(yes));
    return () => {
      live = false;
    };
  }, [orderId]);
  return <OrderSurvey moment="delivery" orderId={ready ? orderId : undefined} api={api} {...options} />;
}
