// SPDX-License-Identifier: MIT
// `npm run bench:time-to-card`: from `moments.trigger()` to the first painted frame that shows
// the survey card, in Chromium with 4× CPU throttling. Cold: the UI chunk is not loaded yet (a
// fresh context, nothing cached, no moment element in the page to prefetch it). Warm: the next
// moment in the same page, after the shopper closed the first card.
import { CHROMIUM_PATH, CPU_THROTTLING, launchChromium, openPage } from './lib/chromium.mjs';
import { machine, markdownTable, median, ms, report } from './lib/results.mjs';
import { requireBuild } from './lib/sdks.mjs';
import { startBenchServer } from './lib/server.mjs';

const RUNS = Number(process.env.BENCH_RUNS ?? 15);

requireBuild();
const server = await startBenchServer();
const browser = await launchChromium();

async function oneVisit(run) {
  const { page, close } = await openPage(browser);
  try {
    await page.goto(`${server.url}/bench/storefront.html`, { waitUntil: 'load' });
    await page.evaluate(() => window.__bench.load('moments'));
    await page.waitForTimeout(300);
    const cold = await page.evaluate((id) => window.__bench.timeToCard('purchase', { orderId: id }), `cold-${run}`);
    await page.waitForTimeout(100);
    if (!(await page.evaluate(() => window.__bench.closeCard()))) throw new Error('the card did not close');
    await page.waitForTimeout(300);
    const warm = await page.evaluate((id) => window.__bench.timeToCard('purchase', { orderId: id }), `warm-${run}`);
    return { cold, warm };
  } finally {
    await close();
  }
}

const samples = [];
try {
  for (let run = 0; run < RUNS; run++) {
    samples.push(await oneVisit(run));
    process.stdout.write(`\rtime-to-card: ${run + 1}/${RUNS}`);
  }
  process.stdout.write('\n');
} finally {
  await browser.close();
  await server.close();
}

const figures = {
  cold: median(samples.map((s) => s.cold)),
  warm: median(samples.map((s) => s.warm)),
};
const spread = (key) => `${ms(Math.min(...samples.map((s) => s[key])))}–${ms(Math.max(...samples.map((s) => s[key])))}`;
const table = markdownTable(
  ['SDK', 'case', 'median ms', 'range ms'],
  [
    ['Moments', 'cold: first moment, UI chunk (`moments-ui.js`) fetched, evaluated, config validated, card rendered', ms(figures.cold), spread('cold')],
    ['Moments', 'warm: next moment in the same page, after the first card was closed', ms(figures.warm), spread('warm')],
  ],
);
const notes = [
  `Medians of ${RUNS} page visits (a fresh context each), Chromium with CPU throttled ${CPU_THROTTLING}×, served from 127.0.0.1 (no network latency: on a phone network add one round trip for the UI chunk when cold).`,
  'Measured in the page: from the `moments.trigger()` call to the first frame painted after `<moment-survey>`\'s shadow root holds the card (checked each animation frame; a message posted from that frame runs after its paint).',
  'PostHog and Formbricks are not in this table: both need survey definitions from their cloud before they can show a card, and the bench runs offline.',
];
report('time-to-card', { title: `Time to card (${CPU_THROTTLING}× CPU throttling)`, table, notes, data: { machine: machine(CHROMIUM_PATH), runs: RUNS, throttling: CPU_THROTTLING, figures, samples } });
