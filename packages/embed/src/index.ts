// SPDX-License-Identifier: MIT
/**
 * `moments.js`, the script-tag build: a classic script, safe with `async` or `defer`. It reads
 * its own tag, replays calls queued on the `window.moments` stub, listens for moments in markup
 * and DOM events, and flushes answers from earlier visits. Everything that decides and shows
 * (zod, Lit) is in `moments-ui.js`, imported next to this file on the first moment.
 *
 * The only file of Moments that touches window globals; its only global is `window.moments`.
 * @packageDocumentation
 */
import { createRuntime, observeMarkup, observeTriggerEvents } from '@moments/core/internal';
import { createGlobal, type MomentsGlobal } from './global.js';
import type * as Delivery from './delivery.js';
import type * as Ui from './ui.js';
import { prefetchWhenIdle } from './prefetch.js';
import { findOwnScript, readConfig } from './script.js';

export type { MomentsGlobal };

declare global {
  interface Window {
    moments?: MomentsGlobal | unknown[];
  }
}

const UI_CHUNK = 'moments-ui.js';
const DELIVERY_CHUNK = 'moments-delivery.js';

/** Marks our own `window.moments`, so a second copy can tell it from another library's object. */
const BRAND = Symbol.for('moments.sdk');

function boot(): void {
  const existing = window.moments;
  if (existing && !Array.isArray(existing)) {
    const ours = (existing as unknown as Record<symbol, unknown>)[BRAND] === true;
    warn(
      ours
        ? 'double-load: moments.js was loaded twice; the second copy does nothing'
        : 'global-taken: window.moments is already used by another script; Moments stands down and leaves it as it is',
    );
    return;
  }
  if (!promisesWork()) return warn('broken-promise: window.Promise was replaced by one that does not work; Moments stands down');
  // Claim the global synchronously: a second copy running before our config is read stands down.
  const global = createGlobal(existing ?? []);
  Object.defineProperty(global.api, BRAND, { value: true });
  window.moments = global.api;
  const script = findOwnScript(document);
  // Chunks sit next to this script, wherever it is served from (any folder or CDN path).
  const chunkUrl = (name: string): string => new URL(name, script?.src || document.baseURI).href;
  const load = <T>(name: string): Promise<T> => import(/* @vite-ignore */ chunkUrl(name)) as Promise<T>;
  const uiUrl = chunkUrl(UI_CHUNK);

  readConfig(document, script)
    .then((config) => {
      const runtime = createRuntime(config, {
        loadDecider: (rt) => load<typeof Ui>(UI_CHUNK).then((ui) => ui.start(rt, config)),
        loadDelivery: () => load<typeof Delivery>(DELIVERY_CHUNK).then((chunk) => chunk.createDelivery),
      });
      global.start(runtime);
      runtime.onDestroy(observeMarkup(document, runtime.trigger));
      runtime.onDestroy(observeTriggerEvents(document, runtime.trigger));
      prefetchWhenIdle(document, uiUrl);
    })
    .catch((error: unknown) => warn(`invalid-config: ${(error as Error).message}`));
}

/**
 * Whether the page's `Promise` can do what Moments needs of it. A page may replace it (an old
 * polyfill, a test double): a working replacement is fine, a broken one would turn every call
 * of ours into an exception in the page, so Moments stands down instead.
 */
function promisesWork(): boolean {
  try {
    return typeof Promise.resolve(0).then === 'function' && typeof Promise.all([]).then === 'function';
  } catch {
    return false;
  }
}

function warn(message: string): void {
  try {
    console.warn(`[moments] ${message}`);
  } catch {
    // A console that throws (some embedded webviews) must not break the page.
  }
}

try {
  boot();
} catch (error) {
  // The host page must never see an exception from us.
  warn(`internal-error: ${String(error)}`);
}
