// SPDX-License-Identifier: MIT
import type { Context } from '../../types.js';

/** The DOM event any script on the page may dispatch to fire a moment. */
export const TRIGGER_EVENT = 'moments:trigger';

/**
 * Fires moments dispatched as `new CustomEvent('moments:trigger', {detail: {moment, context}})`
 * on the document. A malformed detail is ignored. Returns a function that stops listening.
 */
export function observeTriggerEvents(root: Document, fire: (moment: string, context: Context) => void): () => void {
  const listener = (event: Event): void => {
    const detail: unknown = (event as CustomEvent<unknown>).detail;
    if (!detail || typeof detail !== 'object') return;
    const { moment, context } = detail as { moment?: unknown; context?: unknown };
    if (typeof moment !== 'string' || !moment) return;
    fire(moment, context && typeof context === 'object' ? (context as Context) : {});
  };
  root.addEventListener(TRIGGER_EVENT, listener);
  return () => root.removeEventListener(TRIGGER_EVENT, listener);
}
