// SPDX-License-Identifier: MIT
// The results page's numbers: checked against values worked out by hand, plus properties.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ces, csat, nps, wilson } from '@moments/collector';

const histogram = (pairs: Record<number, number>) => new Map(Object.entries(pairs).map(([v, n]) => [Number(v), n]));

describe('wilson', () => {
  it('matches the textbook interval for 0 of 10 and 5 of 10', () => {
    expect(wilson(0, 10)!.high).toBeCloseTo(0.2775, 3);
    expect(wilson(0, 10)!.low).toBe(0);
    const half = wilson(5, 10)!;
    expect(half.low).toBeCloseTo(0.2366, 3);
    expect(half.high).toBeCloseTo(0.7634, 3);
  });

  it('returns undefined when there is nothing to count', () => {
    expect(wilson(0, 0)).toBeUndefined();
  });

  it('always contains the observed share and stays within 0–1', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 5000 }), fc.double({ min: 0, max: 1, noNaN: true }), (n, f) => {
        const k = Math.round(n * f);
        const w = wilson(k, n)!;
        return w.low >= 0 && w.high <= 1 && w.low <= k / n + 1e-12 && w.high >= k / n - 1e-12;
      }),
    );
  });
});

describe('nps', () => {
  it('computes promoters minus detractors with the normal interval on the ±1 variable', () => {
    // 50 promoters, 30 passives, 20 detractors: NPS 30; Var = .5 + .2 − .3² = .61; SE = √(.61/100).
    const result = nps(histogram({ 10: 50, 8: 30, 3: 20 }))!;
    expect(result.value).toBeCloseTo(30, 10);
    const half = 1.959964 * Math.sqrt(0.61 / 100) * 100;
    expect(result.low).toBeCloseTo(30 - half, 6);
    expect(result.high).toBeCloseTo(30 + half, 6);
    expect(result.n).toBe(100);
  });

  it('clamps the interval to ±100 and is undefined without answers', () => {
    const one = nps(histogram({ 0: 1, 10: 1 }))!;
    expect(one.low).toBeGreaterThanOrEqual(-100);
    expect(one.high).toBeLessThanOrEqual(100);
    expect(nps(new Map())).toBeUndefined();
  });
});

describe('csat', () => {
  it('is the share of 4s and 5s in percent with a Wilson interval', () => {
    const result = csat(histogram({ 5: 3, 4: 2, 2: 5 }))!;
    expect(result.value).toBe(50);
    expect(result.low).toBeCloseTo(23.66, 1);
    expect(result.high).toBeCloseTo(76.34, 1);
  });
});

describe('ces', () => {
  it('is the mean with mean ± z·s/√n, and a zero-width interval for one answer', () => {
    const result = ces(histogram({ 2: 1, 4: 1, 6: 1 }))!;
    expect(result.value).toBe(4);
    expect(result.high - result.value).toBeCloseTo(1.959964 * (2 / Math.sqrt(3)), 6);
    const single = ces(histogram({ 6: 1 }))!;
    expect([single.low, single.value, single.high]).toEqual([6, 6, 6]);
  });
});
