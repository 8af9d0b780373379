// SPDX-License-Identifier: MIT
// customer-account.order-status.block.render: Shopify runs this module and gives it the `shopify` global.
import '@shopify/ui-extensions/preact';
import { OrderStatusSurvey } from '@moments/shopify';
import { render } from 'preact';

export default async () => {
  render(<OrderStatusSurvey api={shopify} />, document.body);
};
