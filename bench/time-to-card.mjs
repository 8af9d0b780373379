// SPDX-License-Identifier: MIT
// `npm run bench:time-to-card`: from `moments.trigger()` to the first painted frame that shows
// the survey card, in Chromium with 4× CPU throttling. Cold: the UI chunk is not loaded yet (a
// fresh context, nothing cached, no moment element in the page to prefetch it). Warm: the next
// moment in the same page, after the shopper closed the first card. PostHog runs the same
// journey (`capture('purchase')` shows its survey) against a local stand-in of its API.
import { CHROMIUM_PATH, CPU_THROTTLING, launchChromium, openPage } from './lib/chromium.mjs';
import { machine, markdownTable, median, ms, packageVersion, ratio, report } from './lib/results.mjs';
import { requireBuild } from './lib/sdks.mjs';
import { startBenchServer } from './lib/server.mjs';

const RUNS = Number(process.env.BENCH_RUNS ?? 15);

requireBuild();
const server = await startBenchServer();
const browser = await launchChromium();

const SDKS = ['moments', 'posthog-api'];

async function oneVisit(sdk, run) {
  const { page, close } = await openPage(browser);
  try {
    await page.goto(`${server.url}/bench/storefront.html`, { waitUntil: 'load' });
    await page.evaluate(([name, posthogApi]) => window.__bench.load(name, { posthogApi }), [sdk, server.posthogApi.url]);
    await page.waitForTimeout(300);
    const cold = await page.evaluate(([name, id]) => window.__bench.timeToCard(name, id), [sdk, `cold-${run}`]);
    await page.waitForTimeout(100);
    if (!(await page.evaluate((name) => window.__bench.closeCard(name), sdk))) throw new Error(`${sdk}: the card did not close`);
    await page.waitForTimeout(300);
    const warm = await page.evaluate(([name, id]) => window.__bench.timeToCard(name, id), [sdk, `warm-${run}`]);
    return { cold, warm };
  } finally {
    await close();
  }
}

const samples = Object.fromEntries(SDKS.map((sdk) => [sdk, []]));
try {
  for (let run = 0; run < RUNS; run++) {
    for (const sdk of SDKS) samples[sdk].push(await oneVisit(sdk, run));
    process.stdout.write(`\rtime-to-card: ${run + 1}/${RUNS}`);
  }
  process.stdout.write('\n');
} finally {
  await browser.close();
  await server.close();
}

const figures = Object.fromEntries(
  SDKS.map((sdk) => [sdk, { cold: median(samples[sdk].map((s) => s.cold)), warm: median(samples[sdk].map((s) => s.warm)) }]),
);
const spread = (sdk, key) => `${ms(Math.min(...samples[sdk].map((s) => s[key])))}–${ms(Math.max(...samples[sdk].map((s) => s[key])))}`;
const posthogName = `PostHog surveys (posthog-js ${packageVersion('posthog-js')}), local API stand-in`;
const table = markdownTable(
  ['SDK', 'case', 'median ms', '× Moments', 'range ms'],
  [
    [
      'Moments',
      'first survey in the page: UI chunk (`moments-ui.js`) fetched and evaluated, config validated, card rendered',
      ms(figures.moments.cold),
      '1.0×',
      spread('moments', 'cold'),
    ],
    [
      'Moments',
      'next survey in the same page, after the first card was closed',
      ms(figures.moments.warm),
      '1.0×',
      spread('moments', 'warm'),
    ],
    [
      posthogName,
      'first survey in the page (its surveys bundle and definitions were loaded at start-up)',
      ms(figures['posthog-api'].cold),
      ratio(figures['posthog-api'].cold, figures.moments.cold),
      spread('posthog-api', 'cold'),
    ],
    [
      posthogName,
      'next survey in the same page, after the first was closed',
      ms(figures['posthog-api'].warm),
      ratio(figures['posthog-api'].warm, figures.moments.warm),
      spread('posthog-api', 'warm'),
    ],
  ],
);
const notes = [
  `Medians of ${RUNS} page visits per SDK (a fresh context each), Chromium with CPU throttled ${CPU_THROTTLING}×, served from 127.0.0.1 (no network latency: on a phone network, Moments' first survey adds one round trip for the UI chunk).`,
  "Measured in the page: from `moments.trigger('purchase', …)` (PostHog: `posthog.capture('purchase')`, the event its survey is set to appear on) to the first frame painted after the card is in the SDK's shadow root (checked each animation frame; a message posted from that frame runs after its paint).",
  'PostHog loads its surveys bundle (`surveys.js`) and the survey definitions during start-up on every page view once a project has surveys, so its first survey is not "cold" in the same sense: that work is in its start-up cost (main-thread table, "local API stand-in" row). PostHog runs against `bench/lib/posthog-api.mjs`, a local stand-in for its remote config, /flags, /api/surveys and capture endpoints.',
  'PostHog decides which survey to show on a 1 s interval (`setInterval(…, 1e3)` in `posthog-js/dist/surveys.js`, `startAutomaticDisplay`), so its figures include waiting for that tick: part of what a shopper sees, not only CPU.',
  'Formbricks is not in this table: its SDK and surveys bundle are served by the Formbricks app at run time (no copy on npm), and the bench runs offline.',
];
report('time-to-card', {
  title: `Time to card (${CPU_THROTTLING}× CPU throttling)`,
  table,
  notes,
  data: { machine: machine(CHROMIUM_PATH), runs: RUNS, throttling: CPU_THROTTLING, figures, samples },
});
