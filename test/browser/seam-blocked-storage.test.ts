// SPDX-License-Identifier: MIT
// Where the browser blocks site data, the answer is still delivered while the page is open:
// a profile whose settings block cookies and site data, and a sandboxed (opaque-origin) iframe.
// In both, localStorage throws, IndexedDB fails and navigator.locks rejects with SecurityError.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Frame, type Page } from 'playwright-core';
import { CHROMIUM_ARGS } from '../../scripts/ensure-chromium.mjs';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { CHROMIUM_PATH, launchChromium, watchPageErrors } from './chromium.js';
import { startEndpoint, type Endpoint } from './endpoint.mjs';
import { answerCard, cardShown, openPage, resetEndpoint, startSeamSite, storedCount, type Site } from './seam-site.js';

let site: Site;
let endpoint: Endpoint;

beforeAll(async () => {
  endpoint = await startEndpoint();
  site = await startSeamSite(endpoint);
});
afterAll(async () => {
  await site?.close();
  await endpoint?.stop();
});
beforeEach(() => resetEndpoint(endpoint));

/** How each storage API behaves here (runs in the page or frame). */
const probeStorage = async () => {
  const outcome = async (run: () => unknown): Promise<string> => {
    try {
      await run();
      return 'ok';
    } catch (error) {
      return (error as DOMException).name;
    }
  };
  return {
    localStorage: await outcome(() => localStorage.getItem('probe')),
    indexedDB: await outcome(
      () =>
        new Promise<void>((resolve, reject) => {
          const open = indexedDB.open('probe');
          open.onsuccess = () => (open.result.close(), resolve());
          open.onerror = () => reject(open.error);
        }),
    ),
    locks: await outcome(() => navigator.locks.request('probe', () => undefined)),
  };
};

/** The shopper answers the card in `where`; the endpoint must store it while the page stays open. */
async function answeredAndDelivered(where: Page | Frame, orderId: string): Promise<void> {
  await cardShown(where);
  await answerCard(where, 4);
  await storedCount(endpoint, 1, 10_000);
  expect([...endpoint.stored.values()][0]!.answer).toMatchObject({ surveyId: 'order-nps', value: 4, context: { orderId } });
}

describe('site data blocked by the browser', () => {
  it('delivers the answer while the page is open in a profile that blocks cookies and site data', async () => {
    const profile = mkdtempSync(join(tmpdir(), 'moments-blocked-profile-'));
    mkdirSync(join(profile, 'Default'));
    // chrome://settings/content/siteData → "Don't allow sites to save data on your device".
    writeFileSync(join(profile, 'Default', 'Preferences'), JSON.stringify({ profile: { default_content_setting_values: { cookies: 2 } } }));
    const context = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
    try {
      const page = await context.newPage();
      const errors = watchPageErrors(page);
      await page.goto(`${site.url}/fixtures/seam/survey.html`);
      const probe = await page.evaluate(probeStorage);
      expect(probe.localStorage).toBe('SecurityError');
      expect(probe.indexedDB).not.toBe('ok');
      expect(probe.locks).toBe('SecurityError');
      await answeredAndDelivered(page, 'S-1');
      expect(errors).toEqual([]);
    } finally {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    }
  });

  describe('in a sandboxed iframe', () => {
    let browser: Browser;
    beforeAll(async () => {
      browser = await launchChromium();
    });
    afterAll(async () => {
      await browser?.close();
    });

    it('delivers the answer given in a sandbox="allow-scripts" frame (opaque origin) while the page is open', async () => {
      const context = await browser.newContext();
      const { page, errors } = await openPage(context, site, '/fixtures/seam/sandbox.html');
      const framed = page.frames().find((f) => f.url().endsWith('/fixtures/seam/framed.html'))!;
      await framed.waitForLoadState();
      expect(await framed.evaluate(() => self.origin)).toBe('null');
      expect(await framed.evaluate(probeStorage)).toEqual({
        localStorage: 'SecurityError',
        indexedDB: 'SecurityError',
        locks: 'SecurityError',
      });
      await answeredAndDelivered(framed, 'F-1');
      // The endpoint saw the frame's opaque origin (and allowed it).
      expect(endpoint.requests.find((r) => r.method === 'POST')?.headers.origin).toBe('null');
      expect(errors).toEqual([]);
      await context.close();
    });
  });
});
