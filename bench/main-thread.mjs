// SPDX-License-Identifier: MIT
// `npm run bench:main-thread`: what loading each SDK costs the storefront page's main thread,
// in Chromium with 4× CPU throttling (a mid-range phone). Per load: a fresh context (cold
// cache), the page, then a trace from the moment the SDK is added until 0.6 s after it started.
// Loads rotate between the SDKs so that noise from other work on the machine is shared.
import { CHROMIUM_PATH, CPU_THROTTLING, launchChromium, openPage } from './lib/chromium.mjs';
import { machine, markdownTable, median, ms, ratio, report } from './lib/results.mjs';
import { requireBuild, sdkFiles } from './lib/sdks.mjs';
import { startBenchServer } from './lib/server.mjs';
import { mainThreadFigures, traceDuring } from './lib/trace.mjs';

const RUNS = Number(process.env.BENCH_RUNS ?? 15);
const SETTLE_MS = 600;
/** Which URLs are each SDK's own files, for the evaluation figure. */
const URLS = {
  baseline: [],
  moments: ['/moments/'],
  posthog: ['/vendor/posthog/'],
  'posthog-api': ['/vendor/posthog/', '/static/'],
  formbricks: ['/vendor/formbricks/'],
};

requireBuild();
const server = await startBenchServer();
const browser = await launchChromium();

async function loadOnce(sdk) {
  const { page, cdp, close } = await openPage(browser);
  try {
    await page.goto(`${server.url}/bench/storefront.html`, { waitUntil: 'load' });
    await page.waitForTimeout(150);
    const { value: ready, events } = await traceDuring(cdp, async () => {
      const span = await page.evaluate(([name, posthogApi]) => window.__bench.load(name, { posthogApi }), [sdk, server.posthogApi.url]);
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
try {
  for (let run = 0; run < RUNS; run++) {
    for (const sdk of Object.keys(URLS)) samples[sdk].push(await loadOnce(sdk));
    process.stdout.write(`\rmain-thread: ${run + 1}/${RUNS} loads of each`);
  }
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
  formbricks: '`dist/index.js` + `setup()`: the loader only (its SDK comes from its cloud: unreachable)',
};
const m = figures.moments;
const table = markdownTable(
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
const notes = [
  `Medians of ${RUNS} loads each, Chromium with CPU throttled ${CPU_THROTTLING}× (CDP \`Emulation.setCPUThrottlingRate\`), a fresh browser context per load (cold HTTP cache), everything served from 127.0.0.1.`,
  "**evaluation**: compiling and running the top level of the SDK's files (trace events `EvaluateScript`, or `v8.compileModule` + `v8.evaluateModule` for the Formbricks ES module).",
  `**main-thread work**: all renderer main-thread tasks (trace \`RunTask\`) from adding the SDK until ${SETTLE_MS} ms after it started, minus the same for the page with no SDK (the "no SDK" row shows that base).`,
  '**longest task**: the longest single main-thread task in that window (≥ 50 ms is a "long task"). **layout shift**: the page\'s cumulative layout shift (`layout-shift` entries) after start-up. **ready**: from adding the script to the SDK being started (includes fetching from localhost).',
  'PostHog "local API stand-in": the same page with `api_host` pointing at `bench/lib/posthog-api.mjs` (remote config with surveys on, /flags, /api/surveys with one survey, capture), so PostHog starts as it does for a project with surveys.',
  'PostHog and Formbricks cannot start fully without their cloud: every request that leaves 127.0.0.1 is blocked, so they run their start-up as they would offline (PostHog: remote config and /flags fail; Formbricks: its SDK script fails to load, so only the npm loader runs).',
];
report('main-thread', {
  title: `Main-thread cost (${CPU_THROTTLING}× CPU throttling)`,
  table,
  notes,
  data: { machine: machine(CHROMIUM_PATH), runs: RUNS, throttling: CPU_THROTTLING, settleMs: SETTLE_MS, figures, samples },
});
