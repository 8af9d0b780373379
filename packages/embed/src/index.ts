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

function boot(): void {
  const existing = window.moments;
  if (existing && !Array.isArray(existing)) {
    console.warn('[moments] double-load: moments.js was loaded twice; the second copy does nothing');
    return;
  }
  // Claim the global synchronously: a second copy running before our config is read stands down.
  const global = createGlobal(existing ?? []);
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
    .catch((error: unknown) => console.warn(`[moments] invalid-config: ${(error as Error).message}`));
}

try {
  boot();
} catch (error) {
  // The host page must never see an exception from us.
  try {
    console.warn('[moments] internal-error:', error);
  } catch {
    // Nothing left to do safely.
  }
}
