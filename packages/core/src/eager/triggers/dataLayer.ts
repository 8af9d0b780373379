// SPDX-License-Identifier: MIT
import type { Context } from '../../types.js';

type Fire = (moment: string, context: Context) => void;
type Layer = unknown[] & { push: (...items: unknown[]) => number };

/**
 * Turns GTM/GA4 `dataLayer` events into moments with a mapping such as
 * `{"purchase": "purchase"}` (event name → moment). Reads the events pushed before Moments
 * loaded, then wraps `dataLayer.push`, calling the push it found first (GTM's, when GTM came
 * first), so GTM keeps working; GTM chains a push it finds the same way. Handles GTM objects
 * (`{event, ecommerce}`) and gtag calls (`['event', name, params]`). The context (made flat and safe by `trigger`) holds the
 * event's values (of `ecommerce` when present): use `"oncePer": "transaction_id"`.
 * Creates `window.dataLayer` only when a mapping is configured and the page has none.
 * Returns a function that stops listening.
 */
export function observeDataLayer(win: Window, mapping: unknown, fire: Fire): () => void {
  if (!mapping || typeof mapping !== 'object') return () => undefined;
  const host = win as unknown as { dataLayer?: Layer };
  const layer = Array.isArray(host.dataLayer) ? host.dataLayer : (host.dataLayer = [] as unknown as Layer);
  let live = true;
  const handle = (item: unknown): void => {
    if (!live || !item || typeof item !== 'object') return;
    const record = item as Record<string, unknown>;
    // gtag('event', 'purchase', {...}) pushes its `arguments` object; GTM pushes {event, ecommerce}.
    const gtag = record[0] === 'event';
    const name = gtag ? record[1] : record['event'];
    const moment =
      typeof name === 'string' && Object.prototype.hasOwnProperty.call(mapping, name)
        ? (mapping as Record<string, unknown>)[name]
        : undefined;
    if (typeof moment === 'string' && moment) fire(moment, (gtag ? record[2] : (record['ecommerce'] ?? item)) as Context);
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
