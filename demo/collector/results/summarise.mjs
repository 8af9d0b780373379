// SPDX-License-Identifier: MIT
// Store rows → one summary per (moment, survey) and a ranking of moments by how much they hurt.
import { METRICS, wilson } from './stats.mjs';

/**
 * Builds the results model from the store's grouped counts. Each survey gets its answer count,
 * response rate (answers ÷ `shown` events, when any were reported), headline metric with a 95 %
 * interval, value histogram and a daily trend. Moments are ranked by the Wilson *lower* bound of
 * their unhappy share, so a moment with two bad answers does not outrank one with two hundred.
 */
export async function summarise(store, { includeSample = true } = {}) {
  const [distribution, answerCounts, eventCounts, counts] = await Promise.all([
    store.distribution({ includeSample }),
    store.answerCounts({ includeSample }),
    store.eventCounts({ includeSample }),
    store.counts(),
  ]);
  const surveys = new Map();
  const key = (moment, surveyId) => `${moment}\u0000${surveyId}`;
  const get = (moment, surveyId, type) => {
    const k = key(moment, surveyId);
    if (!surveys.has(k)) surveys.set(k, { moment, surveyId, type, answers: 0, shown: 0, histogram: new Map(), days: new Map() });
    const survey = surveys.get(k);
    if (type && !survey.type) survey.type = type;
    return survey;
  };
  for (const row of answerCounts) get(row.moment, row.survey_id, row.question_type).answers += row.n;
  for (const row of eventCounts) if (row.kind === 'shown') get(row.moment, row.survey_id).shown += row.n;
  for (const row of distribution) {
    const survey = get(row.moment, row.survey_id, row.question_type);
    survey.histogram.set(row.value_num, (survey.histogram.get(row.value_num) ?? 0) + row.n);
    if (!survey.days.has(row.day)) survey.days.set(row.day, new Map());
    const day = survey.days.get(row.day);
    day.set(row.value_num, (day.get(row.value_num) ?? 0) + row.n);
  }
  const list = [...surveys.values()].map(finish).sort((a, b) => a.moment.localeCompare(b.moment) || a.surveyId.localeCompare(b.surveyId));
  return { surveys: list, ranking: rank(list), counts };
}

function finish(survey) {
  const metric = METRICS[survey.type];
  const responseRate = survey.shown > 0 ? wilson(Math.min(survey.answers, survey.shown), survey.shown) : undefined;
  const trend = metric
    ? [...survey.days.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([day, histogram]) => ({ day, ...metric.compute(histogram) }))
    : [];
  let unhappy = 0;
  let scored = 0;
  for (const [value, k] of survey.histogram) {
    scored += k;
    if (metric?.unhappy(value)) unhappy += k;
  }
  const { days: _days, ...rest } = survey; // the per-day rows become `trend`
  return { ...rest, metric: metric && { ...metric, ...metric.compute(survey.histogram) }, responseRate, trend, unhappy, scored };
}

function rank(surveys) {
  const moments = new Map();
  for (const s of surveys) {
    if (!s.metric) continue;
    const m = moments.get(s.moment) ?? { moment: s.moment, unhappy: 0, scored: 0, surveys: [] };
    m.unhappy += s.unhappy;
    m.scored += s.scored;
    m.surveys.push(s.surveyId);
    moments.set(s.moment, m);
  }
  return [...moments.values()]
    .map((m) => ({ ...m, share: wilson(m.unhappy, m.scored) }))
    .filter((m) => m.share)
    .sort((a, b) => b.share.low - a.share.low || b.unhappy - a.unhappy);
}
