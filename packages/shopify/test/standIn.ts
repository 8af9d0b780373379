// A stand-in for the `shopify` global of the two order-page targets, following the documented
// API of @shopify/ui-extensions 2025-10+: signals with `.value`/`.subscribe` (Preact signals, as
// the host hands them over through `setSignals`), async `storage`, `settings` from the extension
// TOML, `shop`, `localization`. Typed against the package's own `Api` types.
import { signal, type Signal } from '@preact/signals';
import type { Api as OrderStatusTargetApi } from '@shopify/ui-extensions/customer-account.order-status.block.render';
import type { Api as ThankYouTargetApi } from '@shopify/ui-extensions/purchase.thank-you.block.render';

/** A host signal: Preact's, plus the deprecated `current` and `destroy` Shopify's type keeps. */
function hostSignal<T>(value: T): Signal<T> & { readonly current: T; destroy(): Promise<void> } {
  const s = signal(value);
  return Object.assign(s, {
    destroy: async () => undefined,
    get current() {
      return s.value;
    },
  });
}

export function memoryStorage() {
  const data = new Map<string, string>();
  return {
    data,
    read: async <T>(key: string) => (data.has(key) ? (JSON.parse(data.get(key)!) as T) : null),
    write: async (key: string, value: unknown) => void data.set(key, JSON.stringify(value)),
    delete: async (key: string) => void data.delete(key),
  };
}

const shop = {
  id: 'gid://shopify/Shop/1',
  name: 'Tidewater Coffee',
  storefrontUrl: 'https://tidewater.example',
  myshopifyDomain: 'tidewater.myshopify.com',
};

type Shared = 'settings' | 'storage' | 'shop';
export type ThankYouStandIn = Pick<ThankYouTargetApi, Shared | 'orderConfirmation'> & {
  localization: Pick<ThankYouTargetApi['localization'], 'language'>;
};
export type OrderStatusStandIn = Pick<OrderStatusTargetApi, Shared | 'order'> & {
  localization: Pick<OrderStatusTargetApi['localization'], 'language'>;
};

export function thankYouShopify(orderId: string, configUrl: string, storage = memoryStorage()): ThankYouStandIn {
  return {
    orderConfirmation: hostSignal({ order: { id: orderId }, number: 'WXYZ1234', isFirstOrder: true }),
    settings: hostSignal({ config_url: configUrl }),
    storage,
    shop,
    localization: { language: hostSignal({ isoCode: 'en' }) },
  };
}

export function orderStatusShopify(configUrl: string, storage = memoryStorage()) {
  const order = hostSignal<{ id: string; name: string } | undefined>(undefined);
  const api: OrderStatusStandIn = {
    order,
    settings: hostSignal({ config_url: configUrl }),
    storage,
    shop,
    localization: { language: hostSignal({ isoCode: 'de' }) },
  };
  return { api, load: (id: string) => (order.value = { id, name: '#1002' }) };
}
