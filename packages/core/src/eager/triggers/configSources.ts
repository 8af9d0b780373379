// SPDX-License-Identifier: MIT
import type { Context } from '../../types.js';
import { observeDataLayer } from './dataLayer.js';

/** What `startConfigSources` needs. */
export interface ConfigSourcesOptions {
  /** The raw config (not validated yet: read defensively). */
  config: Record<string, unknown>;
  win: Window | undefined;
  trigger: (moment: string, context: Context) => void;
  /** Loads the lazy half; must do nothing once the client is destroyed. */
  preload: () => void;
}

/**
 * Whether the lazy half must run on this page before any moment fires: some survey fires by
 * itself (`on`: page view, exit intent, scroll depth, time on page) or may have been deferred
 * to a later visit (`after`). See docs/decisions/0004-lazy-page-triggers.md.
 */
export function needsEarlyDecider(config: Record<string, unknown>): boolean {
  const surveys = config['surveys'];
  return Array.isArray(surveys) && surveys.some((s: { on?: unknown; after?: unknown } | null) => s?.on || s?.after);
}

/**
 * The moment sources the config asks for in the eager script: the `dataLayer` mapping, and,
 * when `needsEarlyDecider`, a load of the lazy half once the page is idle
 * (`requestIdleCallback`, at most 2 s later; a macrotask where it is missing, as in Safari).
 * Does nothing without a window. Returns a function that stops the dataLayer mapping.
 */
export function startConfigSources({ config, win, trigger, preload }: ConfigSourcesOptions): () => void {
  if (!win) return () => undefined;
  if (needsEarlyDecider(config)) {
    if (win.requestIdleCallback) win.requestIdleCallback(preload, { timeout: 2_000 });
    else setTimeout(preload, 1);
  }
  return config['dataLayer'] ? observeDataLayer(win, config['dataLayer'], trigger) : () => undefined;
}
