// SPDX-License-Identifier: MIT
// A long session's deliveries leave nothing behind in real Chromium: each answer is POSTed to an
// endpoint that replies with a JSON body (the demo collector), and a reply whose body nobody reads
// keeps its network loader and buffers alive until the page goes away. Counted in a heap snapshot
// (CDP) after a forced GC, as the memory bench found it (issue 17).
import { rmSync } from 'node:fs';
import type { Browser, BrowserContext, CDPSession } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, watchPageErrors } from './chromium.js';
import { answer, buildHarness, openHarness, startSite } from './delivery-site.js';

const ANSWERS = 30;
/** Blink's objects for one fetch still loading or holding an unread body. */
const LOADER = /^(blink::FetchManager::Loader|blink::ResponseBodyLoader|ReadableStreamDefaultReader)$/;

let browser: Browser;
let harnessDir: string;
let site: Awaited<ReturnType<typeof startSite>>;
let context: BrowserContext;

beforeAll(async () => {
  harnessDir = await buildHarness();
  [browser, site] = await Promise.all([launchChromium(), startSite(harnessDir)]);
  context = await browser.newContext();
});
afterAll(async () => {
  await browser?.close();
  await site?.close();
  rmSync(harnessDir, { recursive: true, force: true });
});

/** How many heap-snapshot nodes (after a GC) have a name matching `pattern`. */
async function countInHeap(cdp: CDPSession, pattern: RegExp): Promise<number> {
  await cdp.send('HeapProfiler.collectGarbage');
  const chunks: string[] = [];
  const onChunk = ({ chunk }: { chunk: string }) => void chunks.push(chunk);
  cdp.on('HeapProfiler.addHeapSnapshotChunk', onChunk);
  await cdp.send('HeapProfiler.takeHeapSnapshot', { reportProgress: false });
  cdp.off('HeapProfiler.addHeapSnapshotChunk', onChunk);
  const snapshot = JSON.parse(chunks.join('')) as { snapshot: { meta: { node_fields: string[] } }; nodes: number[]; strings: string[] };
  const fields = snapshot.snapshot.meta.node_fields;
  const nameAt = fields.indexOf('name');
  let count = 0;
  for (let i = 0; i < snapshot.nodes.length; i += fields.length) {
    if (pattern.test(snapshot.strings[snapshot.nodes[i + nameAt]!]!)) count++;
  }
  return count;
}

describe('delivery memory', () => {
  it(`keeps no network loader alive after ${ANSWERS} answers were delivered one by one`, async () => {
    const page = await openHarness(context, site.url, { endpoint: '/collect' });
    const errors = watchPageErrors(page);
    const cdp = await context.newCDPSession(page);
    // One at a time, each delivered before the next, as answers in a long SPA session are.
    for (let i = 1; i <= ANSWERS; i++) {
      await answer(page);
      await expect.poll(async () => (await site.collector.answers()).length).toBe(i);
    }
    await page.waitForTimeout(200);
    expect(await countInHeap(cdp, LOADER)).toBeLessThan(3);
    expect(errors).toEqual([]);
  });
});
