// SPDX-License-Identifier: MIT
// Answering and leaving at once (online): the shopper clicks a score and, in the same task,
// the page navigates to a page without Moments. The answer must reach the endpoint within 2 s
// of leaving (keepalive on pagehide; no later visit to pick it up) in at least 19 of 20 runs.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from './chromium.js';
import { startEndpoint, type Endpoint } from './endpoint.mjs';
import { cardShown, sleep, startSeamSite, type Site } from './seam-site.js';

const RUNS = 20;
// Issue 14 asks for the answer at the endpoint within 2 s of leaving, with no later visit.
const WINDOW_MS = 2_000;

let browser: Browser;
let site: Site;
let endpoint: Endpoint;

beforeAll(async () => {
  endpoint = await startEndpoint();
  [browser, site] = await Promise.all([launchChromium(), startSeamSite(endpoint)]);
});
afterAll(async () => {
  await browser?.close();
  await site?.close();
  await endpoint?.stop();
});

/** The first stored answer of run `run` that arrived by `deadline` (epoch ms), if any. */
const arrived = (run: number, deadline: number): boolean =>
  [...endpoint.stored.values()].some((s) => (s.answer['context'] as { run?: number })?.run === run && s.at <= deadline);

/**
 * One run in a fresh profile: show the card, click 8 and leave in the same task. Resolves with
 * whether the answer arrived in time, and when the delivery chunk finished downloading
 * (ms relative to leaving, as Node saw it), which tells a failed run's story.
 */
async function answerAndLeave(run: number): Promise<{ delivered: boolean; chunkAt: number | undefined }> {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    await page.goto(`${site.url}/fixtures/seam/leave.html`);
    await page.waitForFunction(() => window.moments !== undefined && !Array.isArray(window.moments));
    await page.evaluate((n) => (window.moments as import('@moments/core').MomentsClient).trigger('purchase', { run: n }), run);
    let chunkAt: number | undefined;
    page.on('requestfinished', (request) => {
      if (request.url().includes('/moments/moments-delivery')) chunkAt = Date.now();
    });
    // As soon as the card is on screen: a shopper on a slow network may well answer before
    // every lazy chunk has arrived.
    await cardShown(page);
    const leftAt = Date.now();
    const left = page.waitForURL('**/fixtures/seam/blank.html');
    await page.evaluate(() => {
      const root = document.querySelector('moment-survey')!.shadowRoot!;
      const eight = [...root.querySelectorAll<HTMLElement>('[role="radio"]')].find((b) => b.textContent?.trim() === '8')!;
      eight.click();
      location.href = '/fixtures/seam/blank.html';
    });
    await left;
    const deadline = leftAt + WINDOW_MS;
    while (!arrived(run, deadline) && Date.now() < deadline) await sleep(50);
    return { delivered: arrived(run, deadline), chunkAt: chunkAt === undefined ? undefined : chunkAt - leftAt };
  } finally {
    await context.close();
  }
}

describe('leaving the instant after answering', () => {
  it(`delivers the answer in at least ${RUNS - 1} of ${RUNS} runs, each leaving 0 ms after the click`, { timeout: 120_000 }, async () => {
    let delivered = 0;
    const lost: string[] = [];
    for (let run = 0; run < RUNS; run++) {
      const outcome = await answerAndLeave(run);
      if (outcome.delivered) delivered++;
      else lost.push(`run ${run}: delivery chunk ${outcome.chunkAt === undefined ? 'not loaded' : `loaded at ${outcome.chunkAt} ms`}`);
    }
    console.log(
      `[seam] leaving 0 ms after the click: ${delivered} of ${RUNS} answers reached the endpoint within ${WINDOW_MS} ms` +
        (lost.length ? ` (lost: ${lost.join('; ')})` : ''),
    );
    expect(delivered).toBeGreaterThanOrEqual(RUNS - 1);
    // Exactly the runs' answers: nothing twice in a way the endpoint could not dedupe by id.
    expect(endpoint.stored.size).toBe(delivered);
  });
});
