// SPDX-License-Identifier: MIT
// A local stand-in for the Formbricks app, as `../shared/anchors/formbricks/BUILD.md` describes
// it: it serves the Formbricks browser runtime (`/js/formbricks.umd.cjs`, `/js/surveys.umd.cjs`,
// built from Formbricks' public source, AGPLv3, read from the anchors folder at bench time and
// never copied into this repository) and answers the client API a one-question survey uses
// (environment, displays, responses, user). Served from its own port: cross-origin, as the app is.
import { existsSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { join, resolve } from 'node:path';
import { ROOT } from './results.mjs';

/** Where the runtime files are: `FORMBRICKS_ANCHORS`, else `../shared/anchors/formbricks` beside the repository. */
export const FORMBRICKS_DIR = resolve(process.env.FORMBRICKS_ANCHORS ?? join(ROOT, '../shared/anchors/formbricks'));
export const FORMBRICKS_FILES = ['formbricks.umd.cjs', 'surveys.umd.cjs'];
/** The workspace the page sets up with, and the code action that shows the survey. */
export const FORMBRICKS_WORKSPACE = 'clworkspace0000000000000a';
export const FORMBRICKS_ACTION = 'benchmark';

/** Null when both runtime files are there, else a sentence saying what is missing (for the tables' notes). */
export function formbricksMissing() {
  const missing = FORMBRICKS_FILES.filter((f) => !existsSync(join(FORMBRICKS_DIR, f)));
  return missing.length ? `the Formbricks runtime is missing (${missing.join(', ')} not in ${FORMBRICKS_DIR}; see BUILD.md there)` : null;
}

/** One rating question (1–5) shown on `track("benchmark")`, every time (respondMultiple); BUILD.md's minimal environment. */
const ENVIRONMENT = {
  expiresAt: '2099-01-01T00:00:00.000Z',
  data: {
    surveys: [
      {
        id: 'clsurvey00000000000000001',
        name: 'bench',
        type: 'app',
        status: 'inProgress',
        welcomeCard: { enabled: false },
        questions: [],
        blocks: [
          {
            id: 'clblock000000000000000001',
            name: 'Block 1',
            elements: [
              { id: 'rating1', type: 'rating', headline: { default: 'How would you rate us?' }, required: true, scale: 'number', range: 5 },
            ],
          },
        ],
        endings: [{ id: 'clending00000000000000001', type: 'endScreen', headline: { default: 'Thanks!' } }],
        variables: [],
        hiddenFields: { enabled: true, fieldIds: [] },
        languages: [],
        showLanguageSwitch: null,
        triggers: [{ actionClass: { name: FORMBRICKS_ACTION } }],
        displayOption: 'respondMultiple',
        displayLimit: null,
        displayPercentage: null,
        recontactDays: null,
        autoClose: null,
        delay: 0,
        isBackButtonHidden: false,
        isAutoProgressingEnabled: false,
        recaptcha: null,
        segment: null,
        styling: null,
        workspaceOverwrites: null,
      },
    ],
    actionClasses: [{ id: 'claction00000000000000001', key: FORMBRICKS_ACTION, type: 'code', name: FORMBRICKS_ACTION, noCodeConfig: null }],
    workspace: {
      id: FORMBRICKS_WORKSPACE,
      recontactDays: 0,
      clickOutsideClose: true,
      overlay: 'none',
      placement: 'bottomRight',
      inAppSurveyBranding: false,
      styling: { allowStyleOverwrite: false },
    },
  },
};

const CORS = {
  'access-control-allow-origin': '*',
  'access-control-allow-methods': 'GET, POST, PUT, DELETE, OPTIONS',
  'access-control-allow-headers': 'Content-Type, Authorization, Cache-Control',
};
const SCRIPT_HEADERS = {
  ...CORS,
  'content-type': 'application/javascript; charset=UTF-8',
  'cache-control': 'public, max-age=3600, s-maxage=2592000, stale-while-revalidate=3600, stale-if-error=86400',
};

/**
 * Starts the stand-in on 127.0.0.1 (a free port); resolves with `{url, requests, responses(), close}`
 * (`responses()`: how many survey responses arrived), or null when the runtime files are missing.
 */
export async function startFormbricksApi() {
  if (formbricksMissing()) return null;
  const scripts = Object.fromEntries(FORMBRICKS_FILES.map((f) => [f, readFileSync(join(FORMBRICKS_DIR, f))]));
  const requests = [];
  let responses = 0;
  let ids = 0;
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    requests.push(`${req.method} ${path}`);
    const json = (status, body) => res.writeHead(status, { ...CORS, 'content-type': 'application/json' }).end(JSON.stringify(body));
    req.resume();
    req.on('end', () => {
      if (req.method === 'OPTIONS') return void res.writeHead(204, CORS).end();
      const file = path.startsWith('/js/') ? scripts[path.slice(4)] : undefined;
      if (file && req.method === 'GET') return void res.writeHead(200, SCRIPT_HEADERS).end(file);
      const api = path.match(/^\/api\/v[12]\/client\/[^/]+\/(environment|displays|responses|user)(\/[^/]+)?$/);
      if (!api) return json(404, { code: 'not_found', message: `the stand-in does not answer ${path}`, details: {} });
      const [, what] = api;
      if (what === 'environment' && req.method === 'GET') return json(200, { data: ENVIRONMENT });
      if (what === 'displays' && req.method === 'POST') return json(200, { data: { id: `cldisplay${++ids}` } });
      if (what === 'responses' && (req.method === 'POST' || req.method === 'PUT')) {
        if (req.method === 'POST') responses++;
        return json(200, { data: { id: `clresponse${++ids}`, quotaFull: false } });
      }
      if (what === 'user' && req.method === 'POST') {
        const state = { userId: 'u1', contactId: 'c1', segments: [], displays: [], responses: [], lastDisplayAt: null };
        return json(200, { data: { state: { expiresAt: ENVIRONMENT.expiresAt, data: state } } });
      }
      return json(405, { code: 'method_not_allowed', message: `${req.method} ${path}`, details: {} });
    });
  });
  await new Promise((done) => server.listen(0, '127.0.0.1', done));
  const url = `http://127.0.0.1:${server.address().port}`;
  return {
    url,
    requests,
    responses: () => responses,
    close: () =>
      new Promise((done) => {
        server.closeAllConnections?.();
        server.close(done);
      }),
  };
}
