// SPDX-License-Identifier: MIT
import type { Settings } from '../settings.js';
import type { Context } from '../../types.js';
import { observeDataLayer } from './dataLayer.js';

/** What `startConfigSources` needs. */
export interface ConfigSourcesOptions {
  settings: Settings;
  win: Window | undefined;
  trigger: (moment: string, context: Context) => void;
  /** Loads the lazy half; must do nothing once the client is destroyed. */
  preload: () => void;
}

/**
 * The moment sources the config asks for in the eager script: the `dataLayer` mapping, and,
 * when some survey fires by itself (`on`) or may have been deferred to a later visit (`after`),
 * a load of the lazy half once the page is idle (`requestIdleCallback`, at most 2 s later; a
 * macrotask where it is missing, as in Safari). See docs/decisions/0004-lazy-page-triggers.md.
 * Does nothing without a window. Returns a function that stops the dataLayer mapping.
 */
export function startConfigSources({ settings, win, trigger, preload }: ConfigSourcesOptions): () => void {
  if (!win) return () => undefined;
  if (settings.early) {
    if (win.requestIdleCallback) win.requestIdleCallback(preload, { timeout: 2_000 });
    else setTimeout(preload, 1);
  }
  return settings.dataLayer ? observeDataLayer(win, settings.dataLayer, trigger) : () => undefined;
}
