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
  return meanOf(histogram, 1, 7);
}

/**
 * The mean of a bounded scale (`min`–`max`) with mean ± z·s/√n, clamped to the scale: CES, and
 * the mean of a rating or emoji question.
 */
export function meanOf(histogram, min, max) {
  const { n, entries } = tally(histogram);
  if (n === 0) return undefined;
  const mean = entries.reduce((sum, [v, k]) => sum + v * k, 0) / n;
  const variance = n > 1 ? entries.reduce((sum, [v, k]) => sum + k * (v - mean) ** 2, 0) / (n - 1) : 0;
  const half = Z95 * Math.sqrt(variance / n);
  return { value: mean, low: Math.max(min, mean - half), high: Math.min(max, mean + half), n };
}

/** The standard normal cumulative distribution (Abramowitz & Stegun 7.1.26, error < 1.5e-7). */
export function normalCdf(x) {
  const t = 1 / (1 + (0.3275911 * Math.abs(x)) / Math.SQRT2);
  const poly = t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))));
  const erf = 1 - poly * Math.exp(-(x * x) / 2);
  return x >= 0 ? (1 + erf) / 2 : (1 - erf) / 2;
}

/**
 * Two-proportion z-test (pooled): did `k1/n1` (now) differ from `k0/n0` (before)? Returns
 * `{z, p}` with the two-sided p-value, or undefined when either n is 0 or the pooled share is 0 or 1.
 */
export function twoProportionTest(k1, n1, k0, n0) {
  if (!(n1 > 0 && n0 > 0)) return undefined;
  const pooled = (k1 + k0) / (n1 + n0);
  const se = Math.sqrt(pooled * (1 - pooled) * (1 / n1 + 1 / n0));
  if (!(se > 0)) return undefined;
  const z = (k1 / n1 - k0 / n0) / se;
  return { z, p: 2 * (1 - normalCdf(Math.abs(z))) };
}

function tally(histogram) {
  const entries = [...histogram.entries()];
  const n = entries.reduce((sum, [, k]) => sum + k, 0);
  const count = (test) => entries.reduce((sum, [v, k]) => sum + (test(v) ? k : 0), 0);
  return { n, count, entries };
}
