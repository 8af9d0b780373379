// SPDX-License-Identifier: MIT
// `npm run bench:main-thread`: what loading each SDK costs the storefront page's main thread.
// First, a page view without a moment (most page views): the top-level evaluation of
// `moments.js` against PostHog's `array.js`, no throttling (bench/lib/page-view.mjs). Then each
// SDK started, in Chromium with 4× CPU throttling (a mid-range phone): per load a fresh context
// (cold cache), the page, then a trace from the moment the SDK is added until 0.6 s after it
// started; loads rotate between the SDKs so that noise from other work on the machine is shared.
// Last, a page with 5,000 `data-moment` elements (bench/lib/many-moments.mjs).
import { CHROMIUM_PATH, CPU_THROTTLING, launchChromium, openPage } from './lib/chromium.mjs';
import { formbricksMissing } from './lib/formbricks-api.mjs';
import { measureManyMoments } from './lib/many-moments.mjs';
import { measurePageView } from './lib/page-view.mjs';
import { machine, markdownTable, median, ms, ratio, report } from './lib/results.mjs';
import { requireBuild, sdkFiles } from './lib/sdks.mjs';
import { startBenchServer } from './lib/server.mjs';
import { mainThreadFigures, traceDuring } from './lib/trace.mjs';

const RUNS = Number(process.env.BENCH_RUNS ?? 15);
const MANY = Number(process.env.BENCH_MANY_MOMENTS ?? 5000);
const MANY_RUNS = Number(process.env.BENCH_MANY_RUNS ?? 3);
const SETTLE_MS = 600;
/** Which URLs are each SDK's own files, for the evaluation figure. */
const URLS = {
  baseline: [],
  moments: ['/moments/'],
  posthog: ['/vendor/posthog/'],
  'posthog-api': ['/vendor/posthog/', '/static/'],
  formbricks: ['/vendor/formbricks/', '/js/formbricks.umd.cjs', '/js/surveys.umd.cjs'],
};

requireBuild();
const server = await startBenchServer();
const browser = await launchChromium();
const progress = (what, total) => (n) => process.stdout.write(`\rmain-thread: ${what} ${n}/${total}`);

async function loadOnce(sdk) {
  const { page, cdp, close } = await openPage(browser);
  try {
    await page.goto(`${server.url}/bench/storefront.html`, { waitUntil: 'load' });
    await page.waitForTimeout(150);
    const { value: ready, events } = await traceDuring(cdp, async () => {
      const span = await page.evaluate(([name, options]) => window.__bench.load(name, options), [sdk, server.sdkOptions]);
      await page.waitForTimeout(SETTLE_MS);
      return span;
    });
    return { ready, layoutShift: await layoutShift(page), ...mainThreadFigures(events, 'bench:start', URLS[sdk]) };
  } finally {
    await close();
  }
}

/** Cumulative layout shift of the page so far (entries without recent input), as CLS counts it. */
function layoutShift(page) {
  return page.evaluate(
    () =>
      new Promise((resolve) => {
        let sum = 0;
        new PerformanceObserver((list) => {
          for (const entry of list.getEntries()) if (!entry.hadRecentInput) sum += entry.value;
        }).observe({ type: 'layout-shift', buffered: true });
        setTimeout(() => resolve(sum), 100); // buffered entries arrive in a task of their own
      }),
  );
}

const samples = Object.fromEntries(Object.keys(URLS).map((sdk) => [sdk, []]));
let pageView;
let many;
try {
  pageView = await measurePageView(browser, server, RUNS, progress('a page view without a moment', RUNS));
  for (let run = 0; run < RUNS; run++) {
    // One retry: a load that times out on a busy machine should not cost the whole run.
    for (const sdk of Object.keys(URLS)) samples[sdk].push(await loadOnce(sdk).catch(() => loadOnce(sdk)));
    progress(`loads of each at ${CPU_THROTTLING}×`, RUNS)(run + 1);
  }
  many = await measureManyMoments(browser, server, { count: MANY, runs: MANY_RUNS }, progress(`${MANY} moment elements`, MANY_RUNS));
  process.stdout.write('\n');
} finally {
  await browser.close();
  await server.close();
}

const med = (sdk, key) => median(samples[sdk].map((s) => s[key]));
const baseBusy = med('baseline', 'busy');
const figures = Object.fromEntries(
  Object.keys(URLS).map((sdk) => [
    sdk,
    {
      evaluation: med(sdk, 'evaluation'),
      added: Math.max(0, med(sdk, 'busy') - baseBusy),
      busy: med(sdk, 'busy'),
      longestTask: med(sdk, 'longestTask'),
      layoutShift: med(sdk, 'layoutShift'),
      ready: med(sdk, 'ready'),
    },
  ]),
);
const names = { baseline: 'no SDK (the page alone)', ...Object.fromEntries(sdkFiles().map((s) => [s.id, s.name])) };
names['posthog-api'] = `${names.posthog}, local API stand-in`;
const what = {
  baseline: 'the harness only',
  moments: '`moments.js` (async tag, inline JSON config), started',
  posthog: '`array.js` + `posthog.init()` (its cloud unreachable)',
  'posthog-api': '`array.js` + `init()`, then `surveys.js` + survey definitions (loaded at start-up once a project has surveys)',
  formbricks: formbricksMissing()
    ? '`dist/index.js` + `setup()`: the loader only (its runtime files are missing: see the notes)'
    : 'the npm loader + `setup()`: `formbricks.umd.cjs` and the environment from a local stand-in of its app, `surveys.umd.cjs` preloaded',
};
const m = figures.moments;
const table4x = markdownTable(
  [
    'SDK',
    'what runs',
    'evaluation ms',
    '× Moments',
    'main-thread work ms',
    '× Moments',
    'longest task ms',
    '× Moments',
    'layout shift',
    'ready ms',
  ],
  Object.keys(URLS).map((sdk) => {
    const f = figures[sdk];
    const cmp = (a, b) => (sdk === 'baseline' ? '' : ratio(a, b));
    return [
      names[sdk],
      what[sdk],
      ms(f.evaluation),
      cmp(f.evaluation, m.evaluation),
      sdk === 'baseline' ? ms(f.busy) : ms(f.added),
      cmp(f.added, m.added),
      ms(f.longestTask),
      cmp(f.longestTask, m.longestTask),
      f.layoutShift.toFixed(3),
      ms(f.ready),
    ];
  }),
);
const pv = pageView;
const pageViewTable = markdownTable(
  ['SDK', 'what runs', 'evaluation ms', '× Moments', 'later: tasks', 'later: total ms', 'later: longest ms'],
  [
    [
      names.moments,
      '`moments.js` (its config declares a moment; nothing on the page fires it)',
      ms(pv.moments),
      '1.0×',
      pv.later.tasks,
      ms(pv.later.totalMs),
      ms(pv.later.longestMs),
    ],
    [names.posthog, '`array.js` (its top level only; `init()` not counted)', ms(pv.posthog), ratio(pv.posthog, pv.moments), '', '', ''],
  ],
);
const manyTable = markdownTable(
  ['page', 'longest task ms', 'moments decided'],
  [
    [`the storefront with ${MANY} \`data-moment\` elements, no SDK`, ms(many.baseline), ''],
    [`the same with ${names.moments}`, ms(many.moments), `${many.decided} of ${MANY}`],
  ],
);
const table = [
  '#### A page view without a moment (no throttling)',
  '',
  pageViewTable,
  '',
  `\`moments.js\` evaluates in **1/${ratio(pv.posthog, pv.moments).replace('×', '')}** of the time PostHog's \`array.js\` takes in the same run (target: ≤ 1/25). Medians of ${RUNS} fresh contexts each, Moments and PostHog alternating, trace event \`EvaluateScript\` of the script (compile, run, and the microtasks it queued: Moments reads its inline config and starts there). **later**: the main-thread tasks after that evaluation in which Moments' code ran, within 3.5 s (the work it leaves for idle time; kinds seen: ${pv.later.names.join(', ') || 'none'}).`,
  '',
  `#### Each SDK started (${CPU_THROTTLING}× CPU throttling)`,
  '',
  table4x,
  '',
  `#### Many moments at once (${CPU_THROTTLING}× CPU throttling)`,
  '',
  manyTable,
  '',
  `Medians of ${MANY_RUNS} loads: the page with ${MANY} product tiles, each \`data-moment="purchase"\` (fires on view, each with its own order id), added before the SDK; the trace runs from adding \`moments.js\` until every moment was decided (shown or skipped) and 0.5 s more. The target is no task over 50 ms.`,
].join('\n');
const notes = [
  `Each SDK started: medians of ${RUNS} loads each, Chromium with CPU throttled ${CPU_THROTTLING}× (CDP \`Emulation.setCPUThrottlingRate\`), a fresh browser context per load (cold HTTP cache), everything served from 127.0.0.1.`,
  "**evaluation**: compiling and running the top level of the SDK's files (trace events `EvaluateScript`, or `v8.compileModule` + `v8.evaluateModule` for the Formbricks ES module).",
  `**main-thread work**: all renderer main-thread tasks (trace \`RunTask\`) from adding the SDK until ${SETTLE_MS} ms after it started, minus the same for the page with no SDK (the "no SDK" row shows that base).`,
  '**longest task**: the longest single main-thread task in that window (≥ 50 ms is a "long task"). **layout shift**: the page\'s cumulative layout shift (`layout-shift` entries) after start-up. **ready**: from adding the script to the SDK being started (includes fetching from localhost).',
  'PostHog "local API stand-in": the same page with `api_host` pointing at `bench/lib/posthog-api.mjs` (remote config with surveys on, /flags, /api/surveys with one survey, capture), so PostHog starts as it does for a project with surveys.',
  'PostHog offline: every request that leaves 127.0.0.1 is blocked, so it starts as it would without its cloud (remote config and /flags fail).',
  formbricksMissing()
    ? `Formbricks: ${formbricksMissing()}, so only its npm loader runs (its SDK script cannot load).`
    : "Formbricks: its npm loader (`@formbricks/js`, MIT) loads the runtime built from Formbricks' public source (`../shared/anchors/formbricks/`, AGPLv3, read at bench time, not part of this repository; BUILD.md there) from `bench/lib/formbricks-api.mjs`, a local stand-in of the Formbricks app (environment with one survey, displays, responses). Its evaluation counts `formbricks.umd.cjs` and the loader module.",
];
report('main-thread', {
  title: 'Main-thread cost',
  table,
  notes,
  data: { machine: machine(CHROMIUM_PATH), runs: RUNS, throttling: CPU_THROTTLING, settleMs: SETTLE_MS, figures, samples, pageView, many },
});
