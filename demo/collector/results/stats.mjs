// SPDX-License-Identifier: MIT
// The numbers on the results page, each with a 95 % confidence interval. Pure functions over
// counts, so they are unit-tested without a database.

/** z for a two-sided 95 % interval. */
export const Z95 = 1.959964;

/**
 * Wilson score interval for a proportion `k / n` (better than the normal approximation near 0 %
 * and 100 % and with small n, which is exactly where a new moment's numbers sit).
 * Returns `{value, low, high}` as fractions 0–1, or `undefined` when `n` is 0.
 */
export function wilson(k, n, z = Z95) {
  if (!(n > 0)) return undefined;
  const p = k / n;
  const z2 = z * z;
  const centre = (p + z2 / (2 * n)) / (1 + z2 / n);
  const half = (z / (1 + z2 / n)) * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
  return { value: p, low: Math.max(0, centre - half), high: Math.min(1, centre + half) };
}

/**
 * Net Promoter Score from a 0–10 histogram (`Map<score, count>`): 100 × (promoters − detractors)
 * share. The interval is the normal approximation on the per-respondent variable X ∈ {+1, 0, −1}
 * (promoter, passive, detractor): Var X = p + d − (p − d)², SE = √(Var X / n); clamped to ±100.
 */
export function nps(histogram) {
  const { n, count } = tally(histogram);
  if (n === 0) return undefined;
  const p = count((v) => v >= 9) / n;
  const d = count((v) => v <= 6) / n;
  const half = Z95 * Math.sqrt(Math.max(0, p + d - (p - d) ** 2) / n) * 100;
  const value = (p - d) * 100;
  return { value, low: Math.max(-100, value - half), high: Math.min(100, value + half), n };
}

/** CSAT: the share of 4s and 5s on a 1–5 scale, in percent, with a Wilson interval. */
export function csat(histogram) {
  const { n, count } = tally(histogram);
  const w = wilson(
    count((v) => v >= 4),
    n,
  );
  return w && { value: w.value * 100, low: w.low * 100, high: w.high * 100, n };
}

/**
 * CES: the mean of a 1–7 agreement scale ("…made it easy", 7 = very easy, as in CES 2.0), with
 * the normal interval mean ± z·s/√n (s the sample standard deviation; 0 when n is 1).
 */
export function ces(histogram) {
  const { n, entries } = tally(histogram);
  if (n === 0) return undefined;
  const mean = entries.reduce((sum, [v, k]) => sum + v * k, 0) / n;
  const variance = n > 1 ? entries.reduce((sum, [v, k]) => sum + k * (v - mean) ** 2, 0) / (n - 1) : 0;
  const half = Z95 * Math.sqrt(variance / n);
  return { value: mean, low: Math.max(1, mean - half), high: Math.min(7, mean + half), n };
}

/** How each question type is summarised: its headline metric, unit and what counts as unhappy. */
export const METRICS = {
  nps: { label: 'NPS', unit: '', range: [-100, 100], compute: nps, unhappy: (v) => v <= 6, unhappyLabel: 'detractors (0–6)' },
  csat: { label: 'CSAT', unit: '%', range: [0, 100], compute: csat, unhappy: (v) => v <= 2, unhappyLabel: 'dissatisfied (1–2)' },
  ces: { label: 'CES', unit: '/7', range: [1, 7], compute: ces, unhappy: (v) => v <= 3, unhappyLabel: 'found it hard (1–3)' },
};

function tally(histogram) {
  const entries = [...histogram.entries()];
  const n = entries.reduce((sum, [, k]) => sum + k, 0);
  const count = (test) => entries.reduce((sum, [v, k]) => sum + (test(v) ? k : 0), 0);
  return { n, count, entries };
}
