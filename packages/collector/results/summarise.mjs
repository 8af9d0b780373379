// SPDX-License-Identifier: MIT
// Store rows → the results model: per moment the funnel (occurrences → shown → answered), the
// unhappy share with its interval, pain per week, a significant change against the previous
// period, each survey's metric and daily trend, the latest unhappy comments, distinctive words
// and breakdowns. Answers are read page by page, so memory grows with moments, not with rows.
import { createRegistry } from '../surveys.mjs';
import { createMomentTally, finishMoment } from './momentTally.mjs';
import { distinctiveWords } from './words.mjs';

/** Moments nobody declared (no `--surveys` entry) shown at most, busiest first. */
export const MAX_UNKNOWN_MOMENTS = 20;

/**
 * Builds the model `/api/results` returns and the page renders, for `period` (from `parsePeriod`).
 * Moments are ranked by pain per week: the unhappy share's lower bound × occurrences per week.
 */
export async function summarise(
  store,
  { period, includeSample = true, registry = createRegistry(), maxUnknownMoments = MAX_UNKNOWN_MOMENTS },
) {
  const moments = new Map();
  const tallyOf = (moment) => {
    if (!moments.has(moment)) moments.set(moment, createMomentTally(moment, registry));
    return moments.get(moment);
  };
  const background = new Map();
  for (let after = 0; ;) {
    const page = await store.answerPage({ after, includeSample, from: period.previous.from, to: period.to, limit: 2000 });
    if (page.length === 0) break;
    for (const row of page) {
      const answer = JSON.parse(row.body);
      const current = new Date(answer.answeredAt).toISOString() >= period.from;
      tallyOf(answer.moment).add(answer, row.device, current, background);
    }
    after = page.at(-1).seq;
  }
  for (const row of await store.eventCounts({ from: period.from, to: period.to, includeSample })) tallyOf(row.moment).addEvents(row);

  // Undeclared moments past the cap are counted, not finished: a flood costs no words or breakdowns.
  const active = [...moments.values()].filter((tally) => tally.active());
  const known = active.filter((tally) => registry.knows(tally.tally.moment));
  const unknown = active.filter((tally) => !registry.knows(tally.tally.moment)).sort(byVolume);
  const finish = (tally) => finishMoment(tally, period, (a, b) => distinctiveWords(a, b, background));
  const shown = [...known, ...unknown.slice(0, maxUnknownMoments)].map(finish).sort(byPain);
  return {
    from: period.from,
    to: period.to,
    days: period.days,
    previous: period.previous,
    hiddenMoments: Math.max(0, unknown.length - maxUnknownMoments),
    moments: shown,
  };
}

/** Busiest first: most answers, then most lifecycle events. */
function byVolume(a, b) {
  return b.tally.answers - a.tally.answers || b.volume() - a.volume() || a.tally.moment.localeCompare(b.tally.moment);
}

/** Most unhappy customers per week first; then the larger lower bound; then by name. */
function byPain(a, b) {
  return (
    (b.painPerWeek ?? -1) - (a.painPerWeek ?? -1) || (b.unhappy?.low ?? -1) - (a.unhappy?.low ?? -1) || a.moment.localeCompare(b.moment)
  );
}
