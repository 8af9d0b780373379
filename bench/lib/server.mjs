// SPDX-License-Identifier: MIT
// Serves the bench pages, the Moments build and the competitors' npm files from one local origin,
// plus the local stand-in of PostHog's API on a second port (cross-origin, as PostHog's cloud is).
import { join } from 'node:path';
import { startDemoServer } from '../../demo/server.mjs';
import { startFormbricksApi } from './formbricks-api.mjs';
import { startPosthogApi } from './posthog-api.mjs';
import { ROOT } from './results.mjs';

/**
 * One CSP for all three SDKs, as a site using any of them would set it: its own origin and its
 * vendor's hosts (HTTPS, and here the local PostHog stand-in), inline styles allowed
 * (competitors inject them). Requests to HTTPS hosts then reach the network layer, where the
 * bench blocks them (see `openPage`): offline.
 */
export function benchCsp(...vendorOrigins) {
  const vendors = vendorOrigins.filter(Boolean).join(' ');
  return `default-src 'self' https: ${vendors}; style-src 'self' 'unsafe-inline' https:; img-src 'self' data: https:`;
}

/**
 * Starts the bench server and the PostHog and Formbricks stand-ins on 127.0.0.1 (free ports).
 * Resolves with `{url, posthogApi, formbricksApi, sdkOptions, collector, close}`; the demo
 * collector answers at `<url>/collect`. `formbricksApi` is null when the Formbricks runtime files
 * are missing (see `formbricksMissing`). `sdkOptions` is what the harness's `load` takes.
 */
export async function startBenchServer() {
  const posthogApi = await startPosthogApi();
  const formbricksApi = await startFormbricksApi();
  const site = await startDemoServer({
    csp: benchCsp(posthogApi.url, formbricksApi?.url),
    dirs: {
      '/bench/': join(ROOT, 'bench/pages'),
      '/vendor/posthog/': join(ROOT, 'node_modules/posthog-js/dist'),
      '/vendor/formbricks/': join(ROOT, 'node_modules/@formbricks/js/dist'),
    },
  });
  return {
    url: site.url,
    posthogApi,
    formbricksApi,
    sdkOptions: { posthogApi: posthogApi.url, formbricksApi: formbricksApi?.url ?? null },
    collector: site.collector,
    close: async () => {
      await site.close();
      await posthogApi.close();
      await formbricksApi?.close();
    },
  };
}
