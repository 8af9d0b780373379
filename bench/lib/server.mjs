// SPDX-License-Identifier: MIT
// Serves the bench pages, the Moments build and the competitors' npm files from one local origin.
import { join } from 'node:path';
import { startDemoServer } from '../../demo/server.mjs';
import { ROOT } from './results.mjs';

/**
 * One CSP for all three SDKs, as a site using any of them would set it: its own origin and its
 * vendor's HTTPS hosts, inline styles allowed (competitors inject them). Requests to those hosts
 * then reach the network layer, where the bench blocks them (see `openPage`): offline.
 */
export const BENCH_CSP = "default-src 'self' https:; style-src 'self' 'unsafe-inline' https:; img-src 'self' data: https:";

/** Starts the bench server on 127.0.0.1 (a free port) with the demo collector at /collect. */
export function startBenchServer() {
  return startDemoServer({
    csp: BENCH_CSP,
    dirs: {
      '/bench/': join(ROOT, 'bench/pages'),
      '/vendor/posthog/': join(ROOT, 'node_modules/posthog-js/dist'),
      '/vendor/formbricks/': join(ROOT, 'node_modules/@formbricks/js/dist'),
    },
  });
}
