// SPDX-License-Identifier: MIT
// Every question type's headline metric (with a 95 % interval) and its "unhappy" rule.
//   nps     NPS (−100–100), unhappy 0–6          csat   share of 4–5, unhappy 1–2
//   ces     mean of 1–7, unhappy 1–3             rating top-two share and mean, unhappy ≤ 40 % of the scale
//   emoji   top-two share and mean, unhappy the sad faces (1–2 of 5, 1 of 3)
//   thumbs  share up, unhappy down               choice share per option; unhappy the options a survey lists
//   text    comment count; no unhappy rule (its words still feed "why it hurts")
import { csat, meanOf, nps, wilson } from './stats.mjs';

const percent = (w, n) => w && { value: w.value * 100, low: w.low * 100, high: w.high * 100, n };
const count = (histogram, test) => [...histogram].reduce((sum, [v, k]) => sum + (test(v) ? k : 0), 0);
const total = (histogram) => count(histogram, () => true);

/** The top of a rating or emoji scale: the survey's, else the largest value seen (at least 5). */
function topOf(type, survey, observedMax = 0) {
  const declared = type === 'rating' ? survey?.scale : survey?.faces;
  return declared ?? Math.max(type === 'emoji' && observedMax <= 3 && observedMax > 0 ? 3 : 5, observedMax);
}

/**
 * Whether `value` is an unhappy answer to a question of `type` (`survey`: its known settings).
 * Returns undefined for a type without an unhappy rule (`text`, or `choice` without `unhappy`).
 */
export function isUnhappy(type, value, survey, observedMax) {
  switch (type) {
    case 'nps':
      return value <= 6;
    case 'csat':
      return value <= 2;
    case 'ces':
      return value <= 3;
    case 'rating':
    case 'emoji':
      return value <= Math.floor(topOf(type, survey, observedMax) * 0.4);
    case 'thumbs':
      return value === false || value === 0;
    case 'choice':
      return Array.isArray(survey?.unhappy) ? survey.unhappy.includes(value) : undefined;
    default:
      return undefined;
  }
}

/** Scale of the histogram chart per type, `[min, max]`, or undefined for no chart. */
export function scaleOf(type, survey, observedMax) {
  if (type === 'nps') return [0, 10];
  if (type === 'csat') return [1, 5];
  if (type === 'ces') return [1, 7];
  if (type === 'rating' || type === 'emoji') return [1, topOf(type, survey, observedMax)];
  return undefined;
}

/**
 * The headline metric of `type` over `histogram` (`Map<value, count>`; thumbs count 1 = up,
 * 0 = down; choice and text map text → count): `{label, unit, digits, range, value, low, high, n}`,
 * plus `mean` for rating and emoji and `options` for choice. Undefined without answers.
 */
export function metricOf(type, histogram, survey) {
  const n = total(histogram);
  if (n === 0) return undefined;
  const observedMax = Math.max(0, ...[...histogram.keys()].filter((v) => typeof v === 'number'));
  switch (type) {
    case 'nps':
      return { label: 'NPS', unit: '', digits: 0, range: [-100, 100], ...nps(histogram) };
    case 'csat':
      return { label: 'CSAT', unit: '%', digits: 0, range: [0, 100], ...csat(histogram) };
    case 'ces':
      return { label: 'CES', unit: '/7', digits: 2, range: [1, 7], ...meanOf(histogram, 1, 7) };
    case 'rating':
    case 'emoji': {
      const top = topOf(type, survey, observedMax);
      const share = percent(
        wilson(
          count(histogram, (v) => v >= top - 1),
          n,
        ),
        n,
      );
      return { label: `Top two of ${top}`, unit: '%', digits: 0, range: [0, 100], ...share, mean: meanOf(histogram, 1, top) };
    }
    case 'thumbs':
      return {
        label: 'Thumbs up',
        unit: '%',
        digits: 0,
        range: [0, 100],
        ...percent(
          wilson(
            count(histogram, (v) => v === 1),
            n,
          ),
          n,
        ),
      };
    case 'choice': {
      const options = [...histogram]
        .sort((a, b) => b[1] - a[1] || String(a[0]).localeCompare(String(b[0])))
        .map(([option, k]) => ({ option, count: k, ...percent(wilson(k, n), n) }));
      return { label: `Most chosen: ${options[0].option}`, unit: '%', digits: 0, range: [0, 100], ...options[0], options };
    }
    default:
      return { label: 'Comments', unit: '', digits: 0, value: n, low: n, high: n, n };
  }
}
