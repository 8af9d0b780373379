// SPDX-License-Identifier: MIT
// A local stand-in for the few PostHog endpoints posthog-js needs to show a survey (flags,
// remote config, survey definitions, its lazily loaded surveys.js, event capture), so PostHog
// can run its real survey code offline. Served from its own port: cross-origin, as the cloud is.
// Responses are the minimum posthog-js reads; nothing else of PostHog's backend is imitated.
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { basename, join } from 'node:path';
import { ROOT } from './results.mjs';

/** The survey PostHog shows: an NPS question, displayed when the `purchase` event is captured. */
export const POSTHOG_SURVEY = {
  id: '0190bench-0000-0000-0000-000000000001',
  name: 'Post-purchase NPS',
  type: 'popover',
  questions: [
    {
      id: 'q1',
      type: 'rating',
      question: 'How likely are you to recommend Tidewater Coffee to a friend?',
      display: 'number',
      scale: 10,
      lowerBoundLabel: 'Not likely',
      upperBoundLabel: 'Very likely',
    },
  ],
  conditions: { events: { repeatedActivation: true, values: [{ name: 'purchase' }] } },
  appearance: { displayThankYouMessage: true, thankYouMessageHeader: 'Thank you!' },
  start_date: '2024-01-01T00:00:00Z',
  end_date: null,
  current_iteration: null,
  current_iteration_start_date: null,
  linked_flag_key: null,
  targeting_flag_key: null,
  internal_targeting_flag_key: null,
  schedule: 'always',
};

/** Remote config as the cloud serves it for a project with surveys on and nothing else. */
const REMOTE_CONFIG = {
  token: 'phc_bench',
  supportedCompression: [],
  hasFeatureFlags: false,
  surveys: true,
  sessionRecording: false,
  heatmaps: false,
  autocaptureExceptions: false,
  siteApps: [],
};
const FLAGS = {
  featureFlags: {},
  featureFlagPayloads: {},
  flags: {},
  errorsWhileComputingFlags: false,
  surveys: true,
  sessionRecording: false,
  supportedCompression: [],
};

/**
 * Starts the stand-in on 127.0.0.1; resolves with `{url, requests, countEvents, close}`:
 * `requests` lists the paths asked for, `countEvents(name)` how many captured events of that
 * name arrived (as plain JSON: the stand-in offers posthog-js no compression).
 */
export async function startPosthogApi({ log = false } = {}) {
  const requests = [];
  const bodies = [];
  const server = createServer(async (req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    requests.push(`${req.method} ${path}`);
    if (log) console.log('posthog-api', req.method, req.url);
    const cors = {
      'access-control-allow-origin': req.headers.origin ?? '*',
      'access-control-allow-credentials': 'true',
      'access-control-allow-headers': req.headers['access-control-request-headers'] ?? '*',
      'access-control-allow-methods': 'GET, POST, OPTIONS',
    };
    const json = (body) => res.writeHead(200, { ...cors, 'content-type': 'application/json' }).end(JSON.stringify(body));
    const chunks = [];
    req.on('data', (chunk) => chunks.push(chunk));
    await new Promise((resolve) => req.on('end', resolve));
    if (req.method === 'POST' && !path.startsWith('/flags')) bodies.push(Buffer.concat(chunks).toString('utf8'));
    if (req.method === 'OPTIONS') return void res.writeHead(204, cors).end();
    if (path.startsWith('/flags') || path.startsWith('/decide')) return json(FLAGS);
    if (path === '/api/surveys/' || path === '/api/surveys') return json({ surveys: [POSTHOG_SURVEY] });
    if (path.startsWith('/static/')) {
      try {
        const body = await readFile(join(ROOT, 'node_modules/posthog-js/dist', basename(path)));
        return void res.writeHead(200, { ...cors, 'content-type': 'text/javascript', 'cache-control': 'max-age=3600' }).end(body);
      } catch {
        return void res.writeHead(404, cors).end();
      }
    }
    if (/^\/array\/[\w-]+\/config\.js$/.test(path)) {
      const js = `(window._POSTHOG_REMOTE_CONFIG = window._POSTHOG_REMOTE_CONFIG || {})[${JSON.stringify(REMOTE_CONFIG.token)}] = { config: ${JSON.stringify(REMOTE_CONFIG)}, siteApps: [] };`;
      return void res.writeHead(200, { ...cors, 'content-type': 'text/javascript' }).end(js);
    }
    if (/^\/array\/[\w-]+\/config$/.test(path)) return json(REMOTE_CONFIG);
    return json({ status: 1 });
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${server.address().port}`;
  const countEvents = (name) => bodies.reduce((n, body) => n + body.split(`"event":${JSON.stringify(name)}`).length - 1, 0);
  return { url, requests, countEvents, close: () => new Promise((resolve) => server.close(resolve)) };
}
