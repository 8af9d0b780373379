// SPDX-License-Identifier: MIT
import type { DataLayerTarget } from '../../shared/settingsRules.js';
import type { Context } from '../../types.js';

type Fire = (moment: string, context: Context) => void;
type Layer = unknown[] & { push: (...items: unknown[]) => number };

/** Without a list of fields, the only one kept: GA4's order id, what `oncePer` needs. */
const DEFAULT_FIELDS = ['transaction_id'];

/**
 * Turns GTM/GA4 `dataLayer` events into moments with a mapping such as
 * `{"purchase": "purchase"}` (event name → moment). Reads the events pushed before Moments
 * loaded, then wraps `dataLayer.push`, calling the push it found first (GTM's, when GTM came
 * first), so GTM keeps working; GTM chains a push it finds the same way. Handles GTM objects
 * (`{event, ecommerce}`) and gtag calls (`['event', name, params]`). Only the fields a mapping
 * names (`{"moment": "purchase", "context": ["transaction_id", "value"]}`) become context, else
 * `transaction_id` alone, read from `ecommerce` when present: an event often carries e-mail
 * addresses or phone numbers, which must never leave in an answer.
 * Creates `window.dataLayer` only when a mapping is configured and the page has none.
 * Returns a function that stops listening.
 */
export function observeDataLayer(win: Window, mapping: Record<string, DataLayerTarget>, fire: Fire): () => void {
  const host = win as unknown as { dataLayer?: Layer };
  const layer = Array.isArray(host.dataLayer) ? host.dataLayer : (host.dataLayer = [] as unknown as Layer);
  let live = true;
  const handle = (item: unknown): void => {
    if (!live || !item || typeof item !== 'object') return;
    const record = item as Record<string, unknown>;
    // gtag('event', 'purchase', {...}) pushes its `arguments` object; GTM pushes {event, ecommerce}.
    const gtag = record[0] === 'event';
    const name = gtag ? record[1] : record['event'];
    const target = typeof name === 'string' && Object.prototype.hasOwnProperty.call(mapping, name) ? mapping[name] : undefined;
    if (!target) return;
    const { moment, context: fields = DEFAULT_FIELDS } = typeof target === 'string' ? { moment: target } : target;
    const source = (gtag ? record[2] : (record['ecommerce'] ?? item)) as Record<string, unknown> | undefined;
    const context: Record<string, unknown> = {};
    for (const field of fields) if (source && Object.prototype.hasOwnProperty.call(source, field)) context[field] = source[field];
    fire(moment, context as Context);
  };
  layer.forEach(handle);
  const previous = layer.push;
  const push = function (this: unknown, ...items: unknown[]): number {
    const result = previous.apply(this, items);
    items.forEach(handle);
    return result;
  };
  layer.push = push;
  return () => {
    live = false;
    // Another script may have wrapped ours since: then ours stays in its chain, inert.
    if (layer.push === push) layer.push = previous;
  };
}
