// SPDX-License-Identifier: MIT
// `npm run bench:memory`: JS heap (CDP `Runtime.getHeapUsage` after `HeapProfiler.collectGarbage`)
// of the storefront page after each SDK started, and, in one long-lived page as in an SPA (each
// moment with its own order id), after many surveys shown and answered through the card: 1,000
// for Moments, fewer for PostHog (against the local stand-in of its API; it decides on a 1 s
// timer) and Formbricks (its runtime from a local stand-in of its app; ~1.5 s a survey).
// DOM nodes and event listeners are counted at start-up and after the last card closed.
import { CHROMIUM_PATH, launchChromium, openPage } from './lib/chromium.mjs';
import { formbricksMissing } from './lib/formbricks-api.mjs';
import { snapshotSizes } from './lib/heap-snapshot.mjs';
import { machine, markdownTable, median, ratio, report } from './lib/results.mjs';
import { requireBuild, sdkFiles } from './lib/sdks.mjs';
import { startBenchServer } from './lib/server.mjs';

const RUNS = Number(process.env.BENCH_MEMORY_RUNS ?? 3);
const SURVEYS = {
  moments: Number(process.env.BENCH_SURVEYS ?? 1000),
  'posthog-api': Number(process.env.BENCH_COMPETITOR_SURVEYS ?? 50),
  formbricks: Number(process.env.BENCH_COMPETITOR_SURVEYS ?? 50),
};
const SDKS = ['baseline', 'moments', 'posthog', 'posthog-api', 'formbricks'];

requireBuild();
const server = await startBenchServer();
const browser = await launchChromium();

/** Event listeners on `window` and `document` themselves (CDP DOMDebugger), where a leaked one usually hangs. */
async function globalListeners(cdp) {
  let count = 0;
  for (const expression of ['window', 'document']) {
    const { result } = await cdp.send('Runtime.evaluate', { expression });
    const { listeners } = await cdp.send('DOMDebugger.getEventListeners', { objectId: result.objectId });
    count += listeners.length;
    await cdp.send('Runtime.releaseObject', { objectId: result.objectId });
  }
  return count;
}

/**
 * Heap in use after a full GC, and the DOM counters (nodes, listeners) that reveal leaks. With
 * `snapshot`, also a heap snapshot's sums (compiled code, DevTools' records), for per-survey growth.
 */
async function heap(cdp, { snapshot = false } = {}) {
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  const { nodes, jsEventListeners } = await cdp.send('Memory.getDOMCounters');
  const sizes = snapshot ? await snapshotSizes(cdp) : undefined;
  return { usedKB: usedSize / 1024, nodes, jsEventListeners, globalListeners: await globalListeners(cdp), sizes };
}

/** Memory is not CPU-bound: no throttling here, so the 100 surveys take seconds, not minutes. */
async function startedPage(sdk) {
  const opened = await openPage(browser, { rate: 1 });
  await opened.page.goto(`${server.url}/bench/storefront.html`, { waitUntil: 'load' });
  await opened.page.evaluate(([name, options]) => window.__bench.load(name, options), [sdk, server.sdkOptions]);
  await opened.page.waitForTimeout(1000);
  return opened;
}

const startup = Object.fromEntries(SDKS.map((sdk) => [sdk, []]));
const SPA_SDKS = ['moments', 'posthog-api', ...(server.formbricksApi ? ['formbricks'] : [])];
/** How many answers each SDK's endpoint received, read after the loop. */
const delivered = {
  moments: async () => (await server.collector.answers()).length,
  'posthog-api': async () => server.posthogApi.countEvents('survey sent'),
  formbricks: async () => server.formbricksApi.responses(),
};

/**
 * One long-lived page, `SURVEYS[sdk]` moments answered through the card. The first survey loads
 * the UI (Moments' chunk; PostHog has loaded its bundle at start-up) and is measured apart, so
 * that what the others add shows whether anything grows per survey.
 */
async function surveysInOnePage(sdk) {
  const { page, cdp, close } = await startedPage(sdk);
  try {
    // DevTools' Network domain (on for blocking https) keeps data about every request: with
    // hundreds of deliveries it would be measured as the SDK's growth. The stand-ins are local.
    await cdp.send('Network.disable');
    const before = await heap(cdp);
    const received = await delivered[sdk]();
    const firstOutcomes = await page.evaluate((name) => window.__bench.answerMany(name, 1, 1), sdk);
    const first = await heap(cdp, { snapshot: true });
    const restOutcomes = await page.evaluate(([name, n]) => window.__bench.answerMany(name, n, 2), [sdk, SURVEYS[sdk] - 1]);
    // Let both send what they queued: Moments on flush(), PostHog on its batch timer.
    if (sdk === 'moments') await page.evaluate(() => window.moments.flush());
    await page.waitForTimeout(sdk === 'posthog-api' ? 4000 : 1000);
    const after = await heap(cdp, { snapshot: true });
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
      // One retry: a start that times out on a busy machine should not cost the whole run.
      const { cdp, close } = await startedPage(sdk).catch(() => startedPage(sdk));
      startup[sdk].push(await heap(cdp));
      await close();
    }
    process.stdout.write(`\rmemory: start-up ${run + 1}/${RUNS}`);
  }
  for (const sdk of SPA_SDKS) {
    process.stdout.write(`\rmemory: ${SURVEYS[sdk]} surveys in one page with ${sdk}…\n`);
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
/** Heap growth per survey after the first, in bytes (NaN when fewer than two surveys were answered: shown as —). */
function perSurvey(sdk) {
  const run = spa[sdk];
  const answered = shownAndAnswered(run);
  return answered < 2 ? NaN : ((run.after.usedKB - run.first.usedKB) * 1024) / (answered - 1);
}
/** The same from the heap snapshots, without compiled code and DevTools' records of requests. */
function perSurveyObjects(sdk) {
  const { first, after } = spa[sdk];
  const answered = shownAndAnswered(spa[sdk]);
  const kept = (s) => s.total - s.code - s.devtools;
  return answered < 2 ? NaN : (kept(after.sizes) - kept(first.sizes)) / (answered - 1);
}
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
  const firstWhen =
    sdk === 'moments' ? 'after the first survey shown and answered (UI chunk loaded)' : 'after the first survey shown and answered';
  rows.push([names[sdk], firstWhen, kb(run.first.usedKB), `+${kb(run.first.usedKB - run.before.usedKB)} over start-up`, '']);
  rows.push([
    names[sdk],
    `after ${SURVEYS[sdk]} surveys in one page (${answered} shown and answered)`,
    kb(run.after.usedKB),
    `+${kb(run.after.usedKB - run.first.usedKB)} over the first (${kb(perSurvey(sdk))} B a survey)`,
    '',
  ]);
}
const table = markdownTable(['SDK', 'when', 'JS heap KB', 'added KB', '× Moments'], rows);
const counter = (sdk, key) => `${spa[sdk].before[key]} → ${spa[sdk].first[key]} → ${spa[sdk].after[key]}`;
const countsTable = markdownTable(
  ['SDK', 'surveys', 'heap growth per survey B', 'without compiled code B', 'DOM nodes', 'JS event listeners', 'on window + document'],
  SPA_SDKS.map((sdk) => [
    names[sdk],
    shownAndAnswered(spa[sdk]),
    kb(perSurvey(sdk)),
    kb(perSurveyObjects(sdk)),
    counter(sdk, 'nodes'),
    counter(sdk, 'jsEventListeners'),
    counter(sdk, 'globalListeners'),
  ]),
);
const describeRun = (sdk) => {
  const run = spa[sdk];
  const outcomes = Object.entries(run.outcomes)
    .map(([k, v]) => `${v} ${k}`)
    .join('; ');
  return `${names[sdk]}: ${outcomes}; ${run.delivered} answers reached its endpoint.`;
};
const notes = [
  `JS heap in use (CDP \`Runtime.getHeapUsage\`) after a forced GC (\`HeapProfiler.collectGarbage\`), 1 s after the SDK started; medians of ${RUNS} fresh contexts. No CPU throttling (memory does not depend on it).`,
  `Surveys in one page, as in an SPA: the moment fired with a new order id each time (Moments: \`trigger('purchase', {orderId})\`; PostHog: \`capture('purchase', {orderId})\`, its survey set to show on every \`purchase\`; Formbricks: \`track('benchmark')\`), 8 picked on the card (PostHog: then Submit; Formbricks: 5 on its 1–5 scale, then Finish), the thanks message closed with ×. Heap after the SDK sent what it queued (Moments: \`flush()\`; PostHog: its batch timer). **heap growth per survey** = (heap after the last − heap after the first) ÷ (surveys − 1); **without compiled code**: the same from heap snapshots taken at those two points, leaving out V8's compiled code (its JIT keeps optimizing for hundreds of surveys) and the DevTools network agent's record of each request (Playwright keeps it on; a shopper's browser has none). PostHog decides on a 1 s timer and Formbricks takes ~1.5 s a survey (its transitions), so they run ${SURVEYS['posthog-api']}.`,
  '**DOM nodes**, **JS event listeners** (CDP `Memory.getDOMCounters`) and listeners on `window` and `document` (CDP `DOMDebugger.getEventListeners`): start-up → after the first card closed → after the last card closed, each after a forced GC.',
  ...SPA_SDKS.map(describeRun),
  `PostHog offline (without remote config or surveys) is a lower bound. PostHog with the local stand-in of its API (\`bench/lib/posthog-api.mjs\`) has loaded its surveys bundle and one survey definition. ${
    formbricksMissing()
      ? `Formbricks: ${formbricksMissing()}, so only its npm loader ran (a lower bound) and it has no survey rows.`
      : 'Formbricks runs its runtime (built from its public source, `../shared/anchors/formbricks/`) against `bench/lib/formbricks-api.mjs`, a local stand-in of its app.'
  }`,
];
for (const sdk of SPA_SDKS) {
  const answered = shownAndAnswered(spa[sdk]);
  if (answered < SURVEYS[sdk]) notes.push(`${names[sdk]}: only ${answered} of ${SURVEYS[sdk]} moments showed a card (outcomes above).`);
}
report('memory', {
  title: 'Memory (JS heap, DOM nodes, listeners)',
  table: `${table}\n\n${countsTable}`,
  notes,
  data: { machine: machine(CHROMIUM_PATH), runs: RUNS, surveys: SURVEYS, startup, spa },
});
