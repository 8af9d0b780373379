// SPDX-License-Identifier: MIT
// "Many moments at once" (issue 17): the storefront page with thousands of `data-moment`
// elements, each firing its moment when Moments starts. The longest main-thread task from adding
// the script until every moment is decided (shown or skipped), at 4× CPU throttling, against the
// same page without an SDK.
import { openPage } from './chromium.mjs';
import { median } from './results.mjs';
import { longestTaskAfter, traceDuring } from './trace.mjs';

const DECIDE_TIMEOUT_MS = 60_000;
const SETTLE_MS = 500;

async function loadOnce(browser, server, sdk, count) {
  const { page, cdp, close } = await openPage(browser);
  try {
    await page.goto(`${server.url}/bench/storefront.html`, { waitUntil: 'load' });
    await page.evaluate((n) => window.__bench.addMoments(n), count);
    await page.waitForTimeout(300);
    const { value: decided, events } = await traceDuring(cdp, async () => {
      await page.evaluate((name) => window.__bench.load(name), sdk);
      const n = sdk === 'baseline' ? 0 : await page.evaluate(([c, t]) => window.__bench.decided(c, t), [count, DECIDE_TIMEOUT_MS]);
      await page.waitForTimeout(SETTLE_MS);
      return n;
    });
    return { longestTask: longestTaskAfter(events, 'bench:start'), decided };
  } finally {
    await close();
  }
}

/** Medians over `runs` loads of the page with `count` moment elements: `{baseline, moments, decided}`. */
export async function measureManyMoments(browser, server, { count, runs }, progress = () => {}) {
  const samples = { baseline: [], moments: [] };
  for (let run = 0; run < runs; run++) {
    for (const sdk of ['baseline', 'moments']) samples[sdk].push(await loadOnce(browser, server, sdk, count));
    progress(run + 1);
  }
  return {
    count,
    baseline: median(samples.baseline.map((s) => s.longestTask)),
    moments: median(samples.moments.map((s) => s.longestTask)),
    decided: Math.min(...samples.moments.map((s) => s.decided)),
    samples,
  };
}
