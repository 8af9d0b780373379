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
import { createRuntime, observeMarkup, observeTriggerEvents, type MomentsClient, type Runtime } from '@moments/core';
import { findOwnScript, readConfig } from './script.js';

/** `window.moments` once loaded: the client API, plus `push` so stub-style calls keep working. */
export interface MomentsGlobal extends MomentsClient {
  push(call: unknown): void;
}

/** A call queued on the stub: `['trigger', 'purchase', {orderId: 'A-1'}]`. */
type StubCall = [method: string, ...args: unknown[]];

declare global {
  interface Window {
    moments?: MomentsGlobal | unknown[];
  }
}

const UI_CHUNK = 'moments-ui.js';

function boot(): void {
  const existing = window.moments;
  if (existing && !Array.isArray(existing)) {
    console.warn('[moments] double-load: moments.js was loaded twice; the second copy does nothing');
    return;
  }
  const queued: unknown[] = existing ?? [];
  const script = findOwnScript(document);
  const uiUrl = new URL(UI_CHUNK, script?.src || document.baseURI).href;
  const loadUi = (): Promise<typeof import('./ui.js')> => import(/* @vite-ignore */ uiUrl);

  readConfig(document, script)
    .catch((error: unknown) => {
      console.warn(`[moments] invalid-config: ${(error as Error).message}`);
      return undefined;
    })
    .then((config) => {
      if (!config) return;
      const runtime = createRuntime(config, {
        loadDecider: (rt) => loadUi().then((ui) => ui.start(rt, config)),
        loadDelivery: () => loadUi().then((ui) => ui.createDelivery),
      });
      const api = createGlobal(runtime);
      window.moments = api;
      for (const call of queued) api.push(call);
      runtime.onDestroy(observeMarkup(document, runtime.trigger));
      runtime.onDestroy(observeTriggerEvents(document, runtime.trigger));
    })
    .catch((error: unknown) => console.warn('[moments] internal-error:', error));
}

function createGlobal(runtime: Runtime): MomentsGlobal {
  const { trigger, consent, on, flush, purge, destroy } = runtime;
  const api: MomentsGlobal = {
    trigger,
    consent,
    on,
    flush,
    purge,
    destroy,
    push(call) {
      try {
        if (!Array.isArray(call) || typeof call[0] !== 'string') throw new Error('expected [method, ...args]');
        const [method, ...args] = call as StubCall;
        const fn = (api as unknown as Record<string, unknown>)[method];
        if (method === 'push' || typeof fn !== 'function') throw new Error(`unknown method "${method}"`);
        (fn as (...a: unknown[]) => unknown)(...args);
      } catch (error) {
        runtime.report('invalid-call', `moments.push: ${(error as Error).message}`, call);
      }
    },
  };
  return api;
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
