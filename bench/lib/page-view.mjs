// SPDX-License-Identifier: MIT
// "A page view without a moment", the first row of the main-thread bench (issue 17): what
// loading Moments costs a product page that shows no survey, which is most page views. The top-level
// evaluation of `moments.js` (trace event `EvaluateScript`: compile, run, and the microtasks it
// queued) against PostHog's `array.js` in the same run, no CPU throttling, a fresh context per
// load; then what Moments runs later in that page (timers, idle callbacks), and how long it waits.
import { openPage } from './chromium.mjs';
import { median } from './results.mjs';
import { laterWork, scriptEvaluation, traceDuring } from './trace.mjs';

/** How long each load is traced after the SDK started: past Moments' idle work (its idle callbacks time out at 3 s). */
const SETTLE_MS = { moments: 3500, posthog: 300 };
const SCRIPT = { moments: '/moments/moments.js', posthog: '/vendor/posthog/array.js' };

async function loadOnce(browser, server, sdk) {
  const { page, cdp, close } = await openPage(browser, { rate: 1 });
  try {
    await page.goto(`${server.url}/bench/storefront.html`, { waitUntil: 'load' });
    await page.waitForTimeout(150);
    const { events } = await traceDuring(cdp, async () => {
      await page.evaluate((name) => window.__bench.load(name), sdk);
      await page.waitForTimeout(SETTLE_MS[sdk]);
    });
    const evaluation = scriptEvaluation(events, SCRIPT[sdk]);
    if (!evaluation) throw new Error(`page view: the trace has no EvaluateScript of ${SCRIPT[sdk]}`);
    const end = evaluation.task ? evaluation.task.ts + evaluation.task.dur : evaluation.event.ts + evaluation.event.dur;
    const later = sdk === 'moments' ? laterWork(events, evaluation.event, '/moments/', end) : undefined;
    return { evaluation: evaluation.ms, later };
  } finally {
    await close();
  }
}

/**
 * `runs` loads of each (Moments and PostHog alternating, who goes first swapping each run);
 * resolves with medians `{moments, posthog, later: {tasks, totalMs, longestMs, names}}` and the samples.
 */
export async function measurePageView(browser, server, runs, progress = () => {}) {
  const samples = { moments: [], posthog: [] };
  for (let run = 0; run < runs; run++) {
    const order = run % 2 ? ['posthog', 'moments'] : ['moments', 'posthog'];
    for (const sdk of order) samples[sdk].push(await loadOnce(browser, server, sdk));
    progress(run + 1);
  }
  const later = samples.moments.map((s) => s.later);
  return {
    moments: median(samples.moments.map((s) => s.evaluation)),
    posthog: median(samples.posthog.map((s) => s.evaluation)),
    later: {
      tasks: median(later.map((l) => l.count)),
      totalMs: median(later.map((l) => l.totalMs)),
      longestMs: median(later.map((l) => l.longestMs)),
      names: [...new Set(later.flatMap((l) => l.names))],
    },
    samples,
  };
}
