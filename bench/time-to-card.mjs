// SPDX-License-Identifier: MIT
// `npm run bench:time-to-card`: from `moments.trigger()` to the first painted frame that shows
// the survey card, in Chromium with 4× CPU throttling. Cold: the UI chunk is not loaded yet (a
// fresh context, nothing cached, no moment element in the page to prefetch it). Prefetched: the
// page declares a moment in markup (a `data-moment` element that fires on click), so moments.js
// fetched and compiled the UI chunk at idle; the moment is then triggered from script. Warm: the
// next moment in the same page, after the shopper closed the first card. PostHog (against a local
// stand-in of its API) and Formbricks (its runtime from a local stand-in of its app) run the same
// journey: `capture('purchase')` / `track('benchmark')` shows their survey.
import { CHROMIUM_PATH, CPU_THROTTLING, launchChromium, openPage } from './lib/chromium.mjs';
import { formbricksMissing } from './lib/formbricks-api.mjs';
import { machine, markdownTable, median, ms, packageVersion, ratio, report } from './lib/results.mjs';
import { requireBuild } from './lib/sdks.mjs';
import { startBenchServer } from './lib/server.mjs';

const RUNS = Number(process.env.BENCH_RUNS ?? 15);

requireBuild();
const server = await startBenchServer();
const browser = await launchChromium();

const SDKS = ['moments', 'posthog-api', ...(server.formbricksApi ? ['formbricks'] : [])];

/** Time to card for `id` in the page, with the frame it appeared in (1 = the first after the trigger). */
async function cardTime(page, sdk, id) {
  const ms = await page.evaluate(([name, i]) => window.__bench.timeToCard(name, i), [sdk, id]);
  return { ms, frame: await page.evaluate(() => window.__benchFrames) };
}

async function oneVisit(sdk, run) {
  const { page, close } = await openPage(browser);
  try {
    await page.goto(`${server.url}/bench/storefront.html`, { waitUntil: 'load' });
    await page.evaluate(([name, options]) => window.__bench.load(name, options), [sdk, server.sdkOptions]);
    await page.waitForTimeout(300);
    const cold = await cardTime(page, sdk, `cold-${run}`);
    await page.waitForTimeout(100);
    if (!(await page.evaluate((name) => window.__bench.closeCard(name), sdk))) throw new Error(`${sdk}: the card did not close`);
    await page.waitForTimeout(300);
    const warm = await cardTime(page, sdk, `warm-${run}`);
    return { cold, warm };
  } finally {
    await close();
  }
}

/** Moments on a page that declares a moment in markup: the UI chunk was prefetched at idle. */
async function prefetchedVisit(run) {
  const { page, close } = await openPage(browser);
  try {
    await page.goto(`${server.url}/bench/storefront.html`, { waitUntil: 'load' });
    await page.evaluate(() => window.__bench.addMoments(1, 'click'));
    await page.evaluate(([name, options]) => window.__bench.load(name, options), ['moments', server.sdkOptions]);
    const prefetched = await page
      .waitForFunction(() => performance.getEntriesByType('resource').some((e) => e.name.endsWith('/moments-ui.js')), null, {
        timeout: 10_000,
      })
      .then(
        () => true,
        () => false,
      );
    await page.waitForTimeout(300);
    return { ...(await cardTime(page, 'moments', `prefetched-${run}`)), prefetched };
  } finally {
    await close();
  }
}

/** A visit that fails (a card that never showed or closed) is reported, not fatal: it counts as missing. */
const failures = {};
async function attempt(name, visit) {
  try {
    return await visit();
  } catch (error) {
    failures[name] = [...(failures[name] ?? []), String(error?.message ?? error).split('\n')[0]];
    return null;
  }
}

const samples = Object.fromEntries(SDKS.map((sdk) => [sdk, []]));
samples.prefetched = [];
try {
  for (let run = 0; run < RUNS; run++) {
    for (const sdk of SDKS) samples[sdk].push(await attempt(sdk, () => oneVisit(sdk, run)));
    samples.prefetched.push(await attempt('prefetched', () => prefetchedVisit(run)));
    process.stdout.write(`\rtime-to-card: ${run + 1}/${RUNS}`);
  }
  process.stdout.write('\n');
} finally {
  await browser.close();
  await server.close();
}

const list = (key) => (sdk) => (sdk === 'prefetched' ? samples.prefetched : samples[sdk].map((s) => s?.[key])).filter(Boolean);
const stats = (values) => ({
  visits: values.length,
  ms: median(values.map((v) => v.ms)),
  frame: median(values.map((v) => v.frame)),
  range: `${ms(Math.min(...values.map((v) => v.ms)))}–${ms(Math.max(...values.map((v) => v.ms)))}`,
});
const figures = {
  prefetched: { ...stats(list()('prefetched')), prefetched: samples.prefetched.filter((s) => s?.prefetched).length },
};
for (const sdk of SDKS) figures[sdk] = { cold: stats(list('cold')(sdk)), warm: stats(list('warm')(sdk)) };

const posthogName = `PostHog surveys (posthog-js ${packageVersion('posthog-js')}), local API stand-in`;
const formbricksName = `Formbricks (@formbricks/js ${packageVersion('@formbricks/js')}), runtime from a local stand-in of its app`;
const row = (name, what, f, base) => [
  name,
  what,
  ms(f.ms),
  base ? ratio(f.ms, base.ms) : '1.0×',
  Number.isFinite(f.frame) ? f.frame : '—',
  f.range,
];
const m = figures.moments;
const rows = [
  row('Moments', 'first survey, UI chunk prefetched at idle (the page declares a moment in markup), delay 0', figures.prefetched),
  row('Moments', 'first survey, cold: UI chunk (`moments-ui.js`) fetched and evaluated, config validated, card rendered', m.cold),
  row('Moments', 'next survey in the same page, after the first card was closed', m.warm),
  row(
    posthogName,
    'first survey in the page (its surveys bundle and definitions were loaded at start-up)',
    figures['posthog-api'].cold,
    m.cold,
  ),
  row(posthogName, 'next survey in the same page, after the first was closed', figures['posthog-api'].warm, m.warm),
];
if (figures.formbricks) {
  rows.push(
    row(formbricksName, 'first survey in the page (`surveys.umd.cjs` preloaded at start-up, run now)', figures.formbricks.cold, m.cold),
    row(formbricksName, 'next survey in the same page, after the first was closed', figures.formbricks.warm, m.warm),
  );
}
const table = markdownTable(['SDK', 'case', 'median ms', '× Moments (same case)', 'frame (median)', 'range ms'], rows);
const notes = [
  `Medians of ${RUNS} page visits per SDK and case (a fresh context each), Chromium with CPU throttled ${CPU_THROTTLING}×, served from 127.0.0.1 (no network latency: on a phone network, Moments' cold first survey adds one round trip for the UI chunk).`,
  "Measured in the page: from `moments.trigger('purchase', …)` (PostHog: `posthog.capture('purchase')`; Formbricks: `formbricks.track('benchmark')`, the action its survey is set to appear on) to the first frame painted after the card is in the page (checked each animation frame; a message posted from that frame runs after its paint). **frame**: in which animation frame after the trigger the card was first there (1 = the first).",
  `Prefetched: the page holds a \`data-moment\` element that fires on click (not clicked), so \`moments.js\` adds a \`<link rel=modulepreload>\` for the UI chunk at idle (fetched and compiled, not run); the moment is triggered from script once it has loaded (${figures.prefetched.prefetched} of ${RUNS} visits had it loaded).`,
  'PostHog loads its surveys bundle (`surveys.js`) and the survey definitions during start-up on every page view once a project has surveys, so its first survey is not "cold" in the same sense: that work is in its start-up cost (main-thread table, "local API stand-in" row). PostHog decides which survey to show on a 1 s interval (`setInterval(…, 1e3)` in `posthog-js/dist/surveys.js`), so its figures include waiting for that tick: part of what a shopper sees, not only CPU.',
  formbricksMissing()
    ? `Formbricks is not in this table: ${formbricksMissing()}.`
    : 'Formbricks: its npm loader runs the runtime built from its public source (`../shared/anchors/formbricks/`, read at bench time) against `bench/lib/formbricks-api.mjs`; its SDK preloads `surveys.umd.cjs` at start-up and runs it on the first survey (survey `delay` 0).',
];
for (const [name, errors] of Object.entries(failures)) {
  notes.push(`${name}: ${errors.length} of ${RUNS} visits failed and are left out (${[...new Set(errors)].join('; ')}).`);
}
report('time-to-card', {
  title: `Time to card (${CPU_THROTTLING}× CPU throttling)`,
  table,
  notes,
  data: { machine: machine(CHROMIUM_PATH), runs: RUNS, throttling: CPU_THROTTLING, figures, samples, failures },
});
