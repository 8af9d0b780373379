// The `shopify` global of each module, typed by its target (as `shopify app dev` generates it).
import '@shopify/ui-extensions';

declare module './src/ThankYou.tsx' {
  const shopify: import('@shopify/ui-extensions/purchase.thank-you.block.render').Api;
}

declare module './src/OrderStatus.tsx' {
  const shopify: import('@shopify/ui-extensions/customer-account.order-status.block.render').Api;
}
