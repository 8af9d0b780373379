// SPDX-License-Identifier: MIT
// `npm run bench:memory`: JS heap (CDP `Runtime.getHeapUsage` after `HeapProfiler.collectGarbage`)
// of the storefront page after each SDK started, and for Moments and PostHog (against the local
// stand-in of its API) after 100 surveys shown and answered through the card in one long-lived
// page, as in an SPA (each moment with its own order id).
import { CHROMIUM_PATH, launchChromium, openPage } from './lib/chromium.mjs';
import { machine, markdownTable, median, ratio, report } from './lib/results.mjs';
import { requireBuild, sdkFiles } from './lib/sdks.mjs';
import { startBenchServer } from './lib/server.mjs';

const RUNS = Number(process.env.BENCH_MEMORY_RUNS ?? 3);
const SURVEYS = Number(process.env.BENCH_SURVEYS ?? 100);
const SDKS = ['baseline', 'moments', 'posthog', 'posthog-api', 'formbricks'];

requireBuild();
const server = await startBenchServer();
const browser = await launchChromium();

/** Heap in use after a full GC, and the DOM counters (nodes, listeners) that reveal leaks. */
async function heap(cdp) {
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  const { nodes, jsEventListeners } = await cdp.send('Memory.getDOMCounters');
  return { usedKB: usedSize / 1024, nodes, jsEventListeners };
}

/** Memory is not CPU-bound: no throttling here, so the 100 surveys take seconds, not minutes. */
async function startedPage(sdk) {
  const opened = await openPage(browser, { rate: 1 });
  await opened.page.goto(`${server.url}/bench/storefront.html`, { waitUntil: 'load' });
  await opened.page.evaluate(([name, posthogApi]) => window.__bench.load(name, { posthogApi }), [sdk, server.posthogApi.url]);
  await opened.page.waitForTimeout(1000);
  return opened;
}

const startup = Object.fromEntries(SDKS.map((sdk) => [sdk, []]));
const SPA_SDKS = ['moments', 'posthog-api'];
/** How many answers each SDK's endpoint received, read after the loop (the collector's store is async). */
const delivered = {
  moments: async () => (await server.collector.answers()).length,
  'posthog-api': async () => server.posthogApi.countEvents('survey sent'),
};

/**
 * One long-lived page, `SURVEYS` moments answered through the card. The first survey loads the
 * UI (Moments' chunk; PostHog has loaded its bundle at start-up) and is measured apart, so that
 * what the other 99 add shows whether anything grows per survey.
 */
async function surveysInOnePage(sdk) {
  const { page, cdp, close } = await startedPage(sdk);
  try {
    const before = await heap(cdp);
    const received = await delivered[sdk]();
    const firstOutcomes = await page.evaluate((name) => window.__bench.answerMany(name, 1, 1), sdk);
    const first = await heap(cdp);
    const restOutcomes = await page.evaluate(([name, n]) => window.__bench.answerMany(name, n, 2), [sdk, SURVEYS - 1]);
    // Let both send what they queued: Moments on flush(), PostHog on its batch timer.
    if (sdk === 'moments') await page.evaluate(() => window.moments.flush());
    await page.waitForTimeout(sdk === 'moments' ? 500 : 4000);
    const after = await heap(cdp);
    const outcomes = { ...restOutcomes };
    for (const [k, v] of Object.entries(firstOutcomes)) outcomes[k] = (outcomes[k] ?? 0) + v;
    return { before, first, after, outcomes, delivered: (await delivered[sdk]()) - received };
  } finally {
    await close();
  }
}

/** Surveys shown and answered, with or without the thanks message seen afterwards. */
const shownAndAnswered = (run) => Object.entries(run.outcomes).reduce((n, [k, v]) => n + (k.startsWith('answered') ? v : 0), 0);

const spa = {};
try {
  for (let run = 0; run < RUNS; run++) {
    for (const sdk of SDKS) {
      const { cdp, close } = await startedPage(sdk);
      startup[sdk].push(await heap(cdp));
      await close();
    }
    process.stdout.write(`\rmemory: start-up ${run + 1}/${RUNS}`);
  }
  for (const sdk of SPA_SDKS) {
    process.stdout.write(`\rmemory: ${SURVEYS} surveys in one page with ${sdk}…\n`);
    spa[sdk] = await surveysInOnePage(sdk);
  }
} finally {
  await browser.close();
  await server.close();
}

const base = median(startup.baseline.map((h) => h.usedKB));
const added = (sdk) => median(startup[sdk].map((h) => h.usedKB)) - base;
const names = { baseline: 'no SDK (the page alone)', ...Object.fromEntries(sdkFiles().map((s) => [s.id, s.name])) };
names['posthog-api'] = `${names.posthog}, local API stand-in (surveys loaded)`;
const kb = (v) => (Number.isFinite(v) ? v.toFixed(0) : '—');
const rows = SDKS.map((sdk) => [
  names[sdk],
  'after start-up',
  kb(median(startup[sdk].map((h) => h.usedKB))),
  sdk === 'baseline' ? '(base)' : kb(added(sdk)),
  sdk === 'baseline' ? '' : ratio(added(sdk), added('moments')),
]);
for (const sdk of SPA_SDKS) {
  const run = spa[sdk];
  const answered = shownAndAnswered(run);
  const perSurvey = ((run.after.usedKB - run.first.usedKB) * 1024) / Math.max(1, answered - 1);
  const firstWhen =
    sdk === 'moments' ? 'after the first survey shown and answered (UI chunk loaded)' : 'after the first survey shown and answered';
  rows.push([names[sdk], firstWhen, kb(run.first.usedKB), `+${kb(run.first.usedKB - run.before.usedKB)} over start-up`, '']);
  rows.push([
    names[sdk],
    `after ${SURVEYS} surveys in one page (${answered} shown and answered)`,
    kb(run.after.usedKB),
    `+${kb(run.after.usedKB - run.first.usedKB)} over the first (${perSurvey.toFixed(0)} B a survey)`,
    '',
  ]);
}
const table = markdownTable(['SDK', 'when', 'JS heap KB', 'added KB', '× Moments'], rows);
const describeRun = (sdk) => {
  const run = spa[sdk];
  const outcomes = Object.entries(run.outcomes)
    .map(([k, v]) => `${v} ${k}`)
    .join('; ');
  return `${names[sdk]}: ${outcomes}; ${run.delivered} answers reached its endpoint; DOM nodes ${run.before.nodes} → ${run.first.nodes} → ${run.after.nodes}, JS event listeners ${run.before.jsEventListeners} → ${run.first.jsEventListeners} → ${run.after.jsEventListeners} (start-up → first survey → last).`;
};
const notes = [
  `JS heap in use (CDP \`Runtime.getHeapUsage\`) after a forced GC (\`HeapProfiler.collectGarbage\`), 1 s after the SDK started; medians of ${RUNS} fresh contexts. No CPU throttling (memory does not depend on it).`,
  `${SURVEYS} surveys in one page, as in an SPA: the moment fired with a new order id each time (Moments: \`trigger('purchase', {orderId})\`; PostHog: \`capture('purchase', {orderId})\`, its survey set to show on every \`purchase\`), 8 picked on the card (PostHog: then Submit), the thanks message closed with ×. Heap after the SDK sent what it queued (Moments: \`flush()\`; PostHog: its batch timer).`,
  ...SPA_SDKS.map(describeRun),
  'PostHog offline and Formbricks started with their cloud unreachable (PostHog without remote config or surveys, Formbricks with its loader only): lower bounds. PostHog with the local stand-in of its API (`bench/lib/posthog-api.mjs`) has loaded its surveys bundle and one survey definition.',
];
for (const sdk of SPA_SDKS) {
  const answered = shownAndAnswered(spa[sdk]);
  if (answered < SURVEYS) notes.push(`${names[sdk]}: only ${answered} of ${SURVEYS} moments showed a card (outcomes above).`);
}
report('memory', {
  title: 'Memory (JS heap)',
  table,
  notes,
  data: { machine: machine(CHROMIUM_PATH), runs: RUNS, surveys: SURVEYS, startup, spa },
});
