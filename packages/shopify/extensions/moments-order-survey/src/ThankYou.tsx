// SPDX-License-Identifier: MIT
// purchase.thank-you.block.render: Shopify runs this module and gives it the `shopify` global.
import '@shopify/ui-extensions/preact';
import { ThankYouSurvey } from '@moments/shopify';
import { render } from 'preact';

export default async () => {
  render(<ThankYouSurvey api={shopify} />, document.body);
};
