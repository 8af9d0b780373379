// SPDX-License-Identifier: MIT
// `npm run bench:memory`: JS heap (CDP `Runtime.getHeapUsage` after `HeapProfiler.collectGarbage`)
// of the storefront page after each SDK started, and for Moments after 100 surveys shown and
// answered through the card in one long-lived page, as in an SPA (each moment with its own order id).
import { CHROMIUM_PATH, launchChromium, openPage } from './lib/chromium.mjs';
import { machine, markdownTable, median, ratio, report } from './lib/results.mjs';
import { requireBuild, sdkFiles } from './lib/sdks.mjs';
import { startBenchServer } from './lib/server.mjs';

const RUNS = Number(process.env.BENCH_MEMORY_RUNS ?? 5);
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
let spa;
try {
  for (let run = 0; run < RUNS; run++) {
    for (const sdk of SDKS) {
      const { cdp, close } = await startedPage(sdk);
      startup[sdk].push(await heap(cdp));
      await close();
    }
    process.stdout.write(`\rmemory: start-up ${run + 1}/${RUNS}`);
  }
  process.stdout.write(`\rmemory: ${SURVEYS} surveys in one page…\n`);
  const { page, cdp, close } = await startedPage('moments');
  const before = await heap(cdp);
  const received = server.collector.answers().length;
  // The first survey loads the UI chunk (Lit, zod, the card): measured apart, so that what the
  // other 99 add shows whether anything grows per survey.
  const firstOutcomes = await page.evaluate(() => window.__bench.answerMany(1, 1));
  const first = await heap(cdp);
  const restOutcomes = await page.evaluate((n) => window.__bench.answerMany(n, 2), SURVEYS - 1);
  await page.evaluate(() => window.moments.flush());
  const after = await heap(cdp);
  const outcomes = { ...restOutcomes };
  for (const [k, v] of Object.entries(firstOutcomes)) outcomes[k] = (outcomes[k] ?? 0) + v;
  spa = { before, first, after, outcomes, delivered: server.collector.answers().length - received };
  await close();
} finally {
  await browser.close();
  await server.close();
}

const base = median(startup.baseline.map((h) => h.usedKB));
const added = (sdk) => median(startup[sdk].map((h) => h.usedKB)) - base;
const names = { baseline: 'no SDK (the page alone)', ...Object.fromEntries(sdkFiles().map((s) => [s.id, s.name])) };
names['posthog-api'] = `${names.posthog}, local API stand-in (surveys loaded)`;
const kb = (v) => (Number.isFinite(v) ? v.toFixed(0) : '—');
const answered = spa.outcomes.answered ?? 0;
const rows = SDKS.map((sdk) => [
  names[sdk],
  'after start-up',
  kb(median(startup[sdk].map((h) => h.usedKB))),
  sdk === 'baseline' ? '(base)' : kb(added(sdk)),
  sdk === 'baseline' ? '' : ratio(added(sdk), added('moments')),
]);
const perSurvey = ((spa.after.usedKB - spa.first.usedKB) * 1024) / Math.max(1, answered - 1);
rows.push([names.moments, 'after the first survey shown and answered (UI chunk loaded)', kb(spa.first.usedKB), `+${kb(spa.first.usedKB - spa.before.usedKB)} over start-up`, '']);
rows.push([names.moments, `after ${SURVEYS} moments in one page (${answered} shown and answered)`, kb(spa.after.usedKB), `+${kb(spa.after.usedKB - spa.first.usedKB)} over the first (${perSurvey.toFixed(0)} B a survey)`, '']);
const table = markdownTable(['SDK', 'when', 'JS heap KB', 'added KB', '× Moments'], rows);
const outcomeText = Object.entries(spa.outcomes).map(([k, v]) => `${v} ${k}`).join(', ');
const notes = [
  `JS heap in use (CDP \`Runtime.getHeapUsage\`) after a forced GC (\`HeapProfiler.collectGarbage\`), 1 s after the SDK started; medians of ${RUNS} fresh contexts. No CPU throttling (memory does not depend on it).`,
  `${SURVEYS} moments: \`trigger('purchase', {orderId})\` with a new order id each time, score 8 clicked on the card, the thanks card closed with ×; outcomes: ${outcomeText}; ${spa.delivered} answers reached the local collector after \`flush()\`. DOM nodes ${spa.before.nodes} → ${spa.first.nodes} → ${spa.after.nodes}, JS event listeners ${spa.before.jsEventListeners} → ${spa.first.jsEventListeners} → ${spa.after.jsEventListeners} (start-up → first survey → last).`,
  'PostHog offline and Formbricks started with their cloud unreachable (PostHog without remote config or surveys, Formbricks with its loader only): lower bounds. PostHog with the local stand-in of its API has loaded its surveys bundle and one survey definition.',
];
if (answered < SURVEYS) notes.push(`Only ${answered} of ${SURVEYS} moments showed a card: Moments' eligibility rules skipped the rest (reasons above).`);
report('memory', { title: 'Memory (JS heap)', table, notes, data: { machine: machine(CHROMIUM_PATH), runs: RUNS, surveys: SURVEYS, startup, spa } });
