// SPDX-License-Identifier: MIT
// Running counts for one moment while its answers stream past, and the finished figures.
import { isUnhappy, metricOf, scaleOf } from './metrics.mjs';
import { twoProportionTest, wilson } from './stats.mjs';
import { addWords } from './words.mjs';

/** Groups under this many answers are not shown in a breakdown. */
export const MIN_GROUP = 20;
/** Significance needs at least this many scored answers in both periods. */
export const MIN_CHANGE_N = 30;
const MAX_VALUES_PER_KEY = 200;
const MAX_CHOICES = 50;
const LATEST_COMMENTS = 5;

/** A fresh tally for `moment`; `registry` knows its surveys' scales, options and priority. */
export function createMomentTally(moment, registry) {
  const t = {
    moment,
    registry,
    critical: registry.priorityOf(moment) === 'critical',
    events: { triggered: 0, skipped: 0, shown: 0, dismissed: 0 },
    skippedReasons: {},
    surveys: new Map(),
    now: { k: 0, n: 0 },
    before: { k: 0, n: 0 },
    comments: [],
    words: { unhappy: new Map(), happy: new Map() },
    breakdowns: new Map(),
    answers: 0,
  };
  return {
    tally: t,
    active: () => t.answers > 0 || t.events.triggered + t.events.shown + t.events.skipped + t.events.dismissed > 0,
    volume: () => t.events.triggered + t.events.shown + t.events.skipped + t.events.dismissed,
    addEvents(row) {
      if (row.kind in t.events) t.events[row.kind] += row.n;
      if (row.kind === 'skipped') t.skippedReasons[row.reason ?? 'unknown'] = (t.skippedReasons[row.reason ?? 'unknown'] ?? 0) + row.n;
      if (row.priority === 'critical') t.critical = true;
    },
    add(answer, device, current, background) {
      const survey = registry.survey(answer.surveyId);
      const unhappy = isUnhappy(answer.question.type, answer.value, survey);
      const period = current ? t.now : t.before;
      if (unhappy !== undefined) {
        period.n++;
        if (unhappy) period.k++;
      }
      if (!current) return;
      t.answers++;
      if (answer.priority === 'critical') t.critical = true;
      addToSurvey(t, answer, survey);
      const comment = answer.question.type === 'text' ? answer.value : answer.comment;
      if (comment) {
        addWords(background, comment);
        if (unhappy !== undefined) addWords(unhappy ? t.words.unhappy : t.words.happy, comment);
        if (unhappy) keepLatest(t.comments, answer);
      }
      if (unhappy !== undefined) addToBreakdowns(t, answer, device, unhappy);
    },
  };
}

function addToSurvey(t, answer, survey) {
  const type = answer.question.type;
  if (!t.surveys.has(answer.surveyId))
    t.surveys.set(answer.surveyId, { surveyId: answer.surveyId, type, answers: 0, histogram: new Map(), days: new Map() });
  const s = t.surveys.get(answer.surveyId);
  s.answers++;
  let value = typeof answer.value === 'boolean' ? Number(answer.value) : answer.value;
  if (type === 'text') value = 'comments';
  if (type === 'choice' && !s.histogram.has(value) && s.histogram.size >= MAX_CHOICES) value = '(other)';
  s.histogram.set(value, (s.histogram.get(value) ?? 0) + 1);
  if (type === 'text' || type === 'choice') return;
  const day = new Date(answer.answeredAt).toISOString().slice(0, 10);
  if (!s.days.has(day)) s.days.set(day, new Map());
  s.days.get(day).set(value, (s.days.get(day).get(value) ?? 0) + 1);
  void survey;
}

function keepLatest(list, answer) {
  list.push({
    surveyId: answer.surveyId,
    value: answer.value,
    comment: answer.comment ?? String(answer.value),
    answeredAt: answer.answeredAt,
    context: answer.context,
  });
  list.sort((a, b) => Date.parse(b.answeredAt) - Date.parse(a.answeredAt));
  if (list.length > LATEST_COMMENTS) list.length = LATEST_COMMENTS;
}

function addToBreakdowns(t, answer, device, unhappy) {
  const facts = { device: device ?? 'unknown', locale: answer.locale ?? 'unknown' };
  for (const [key, value] of Object.entries(answer.context ?? {})) facts[`context.${key}`] = String(value);
  for (const [key, value] of Object.entries(facts)) {
    if (!t.breakdowns.has(key)) t.breakdowns.set(key, { groups: new Map(), tooMany: false });
    const b = t.breakdowns.get(key);
    if (b.tooMany) continue;
    if (!b.groups.has(value) && b.groups.size >= MAX_VALUES_PER_KEY) {
      b.tooMany = true; // an order id per answer: no group would ever reach the gate
      b.groups.clear();
      continue;
    }
    const g = b.groups.get(value) ?? { k: 0, n: 0 };
    g.n++;
    if (unhappy) g.k++;
    b.groups.set(value, g);
  }
}

const share = ({ k, n }) => {
  const w = wilson(k, n);
  return w && { share: w.value, low: w.low, high: w.high, count: k, n };
};

/** The finished figures of one moment, as `/api/results` lists them. `words(a, b)` scores words. */
export function finishMoment({ tally: t }, period, words) {
  const e = t.events;
  const basis = e.triggered > 0 ? 'triggered' : e.shown > 0 ? 'shown' : 'answers';
  const occurrences = basis === 'triggered' ? e.triggered : basis === 'shown' ? e.shown : t.answers;
  const unhappy = share(t.now) ?? null;
  const surveys = [...t.surveys.values()]
    .map((s) => finishSurvey(s, t.registry.survey(s.surveyId), e.shown))
    .sort((a, b) => b.answers - a.answers || a.surveyId.localeCompare(b.surveyId));
  return {
    moment: t.moment,
    priority: t.critical ? 'critical' : 'encounter',
    known: t.registry.knows(t.moment),
    occurrences,
    occurrencesBasis: basis,
    shown: e.shown,
    answers: t.answers,
    skipped: e.skipped,
    skippedReasons: t.skippedReasons,
    dismissed: e.dismissed,
    unhappy,
    painPerWeek: unhappy ? (unhappy.low * occurrences * 7) / period.days : null,
    change: changeOf(t.now, t.before),
    metric: surveys[0]?.metric ?? null,
    surveys,
    comments: t.comments,
    words: words(t.words.unhappy, t.words.happy),
    breakdowns: [...t.breakdowns].filter(([, b]) => !b.tooMany).map(([key, b]) => finishBreakdown(key, b)),
  };
}

/** Flags a significant change of the unhappy share (p < 0.05, ≥ 30 answers in each period). */
export function changeOf(now, before) {
  if (now.n < MIN_CHANGE_N || before.n < MIN_CHANGE_N) return null;
  const test = twoProportionTest(now.k, now.n, before.k, before.n);
  if (!test || !(test.p < 0.05)) return null;
  const current = now.k / now.n;
  const previous = before.k / before.n;
  return {
    direction: current > previous ? 'worse' : 'better',
    p: test.p,
    share: current,
    previousShare: previous,
    n: now.n,
    previousN: before.n,
  };
}

function finishSurvey(s, survey, shown) {
  const metric = metricOf(s.type, s.histogram, survey) ?? null;
  const observedMax = Math.max(0, ...[...s.histogram.keys()].filter((v) => typeof v === 'number'));
  const trend = [...s.days]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([day, histogram]) => ({ day, ...metricOf(s.type, histogram, survey) }));
  return {
    surveyId: s.surveyId,
    type: s.type,
    answers: s.answers,
    shown,
    responseRate: shown > 0 ? (wilson(Math.min(s.answers, shown), shown) ?? null) : null,
    metric: metric && {
      label: metric.label,
      unit: metric.unit,
      digits: metric.digits,
      value: metric.value,
      low: metric.low,
      high: metric.high,
      n: metric.n,
      ...(metric.mean ? { mean: metric.mean } : {}),
      ...(metric.options ? { options: metric.options } : {}),
    },
    scale: scaleOf(s.type, survey, observedMax) ?? null,
    histogram: [...s.histogram].sort(([a], [b]) => (a < b ? -1 : 1)),
    trend: trend.map(({ day, value, low, high, n }) => ({ day, value, low, high, n })),
    range: metric?.range ?? null,
  };
}

function finishBreakdown(key, b) {
  const groups = [];
  let hidden = 0;
  for (const [value, g] of b.groups) {
    if (g.n < MIN_GROUP) hidden++;
    else groups.push({ value, ...share(g) });
  }
  groups.sort((x, y) => y.share - x.share || y.n - x.n);
  return { key, groups, hidden };
}
