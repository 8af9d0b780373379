// SPDX-License-Identifier: MIT
// The README's "Receiving answers" steps in real Chromium: a static page with the script tag
// (quickstart.html, served as files, as `python3 -m http.server` would) shows the survey and
// delivers across origins to the Node example, through a real CORS preflight. Needs the build
// (`npm test` runs it first).
import { readFile } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, watchPageErrors } from '../../test/browser/chromium.js';
import { createAnswersHandler } from './node-http.mjs';
import { createMemoryStore } from './receive.mjs';
import { serve } from './serve.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const TYPES: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8' };

let browser: Browser;
const closers: Array<() => Promise<void>> = [];

/** A plain static file server over the repository, like `python3 -m http.server`. */
async function serveFiles(replace: [string, string]) {
  return serve(async (req, res) => {
    const file = normalize(join(root, decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname)));
    try {
      const body = (await readFile(file)).toString('utf8');
      res
        .writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'text/plain' })
        .end(file.endsWith('.html') ? body.replaceAll(...replace) : body);
    } catch {
      res.writeHead(404).end();
    }
  }, '');
}

beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  for (const close of closers) await close();
});

describe('quickstart.html with node-http.mjs', () => {
  it('shows the survey and stores the answer once at the cross-origin endpoint when a score is clicked', async () => {
    const store = createMemoryStore();
    const requests: string[] = [];
    const allowedOrigins: string[] = [];
    const handler = createAnswersHandler({ store, allowedOrigins });
    const endpoint = await serve((req, res) => (requests.push(req.method ?? ''), handler(req, res)));
    const site = await serveFiles(['http://127.0.0.1:8787/answers', endpoint.url]);
    closers.push(endpoint.close, site.close);
    allowedOrigins.push(site.url); // as ALLOWED_ORIGINS does in the README

    const page = await browser.newPage();
    const errors = watchPageErrors(page);
    await page.goto(`${site.url}/examples/endpoints/quickstart.html`);
    const card = page.locator('moment-survey');
    await card.getByRole('radio', { name: '9' }).click({ timeout: 10_000 });
    await expect.poll(() => store.all('answer').length, { timeout: 10_000 }).toBe(1);
    expect(store.all('answer')[0]).toMatchObject({
      surveyId: 'post-purchase-nps',
      moment: 'purchase',
      value: 9,
      context: { orderId: 'A-1001' },
    });
    expect(requests).toContain('OPTIONS'); // the browser asked first: JSON is not a CORS-safe type
    expect(errors).toEqual([]);
    await page.close();
  });
});
