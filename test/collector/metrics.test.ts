// SPDX-License-Identifier: MIT
// Every question type's metric (with its 95 % interval) and unhappy rule; the two-proportion test;
// the distinctive words (weighted log-odds, informative Dirichlet prior). Checked by hand.
import { describe, expect, it } from 'vitest';
import { distinctiveWords, isUnhappy, metricOf, tokenize, twoProportionTest, wilson } from '@moments/collector';

const histogram = (pairs: [number | string, number][]) => new Map(pairs);

describe('isUnhappy', () => {
  it.each([
    ['nps', undefined, [0, 6], [7, 10]],
    ['csat', undefined, [1, 2], [3, 5]],
    ['ces', undefined, [1, 3], [4, 7]],
    ['rating', undefined, [1, 2], [3, 5]], // 5 stars unless the survey says otherwise
    ['rating', { scale: 10 }, [1, 4], [5, 10]],
    ['emoji', undefined, [1, 2], [3, 5]],
    ['emoji', { faces: 3 }, [1, 1], [2, 3]],
  ] as const)('%s %j: unhappy from %j, happy from %j', (type, survey, unhappy, happy) => {
    expect(isUnhappy(type, unhappy[0], survey)).toBe(true);
    expect(isUnhappy(type, unhappy[1], survey)).toBe(true);
    expect(isUnhappy(type, happy[0], survey)).toBe(false);
    expect(isUnhappy(type, happy[1], survey)).toBe(false);
  });

  it('thumbs down is unhappy; a choice only when the survey lists it; text never', () => {
    expect([isUnhappy('thumbs', false), isUnhappy('thumbs', true)]).toEqual([true, false]);
    expect(isUnhappy('choice', 'Too slow')).toBeUndefined();
    expect(isUnhappy('choice', 'Too slow', { unhappy: ['Too slow'] })).toBe(true);
    expect(isUnhappy('choice', 'Fine', { unhappy: ['Too slow'] })).toBe(false);
    expect(isUnhappy('text', 'awful')).toBeUndefined();
  });
});

describe('metricOf', () => {
  it('rating: the share of the top two stars with a Wilson interval, and the mean', () => {
    // 5 stars: 4s and 5s are the top two: 6 of 10.
    const m = metricOf(
      'rating',
      histogram([
        [5, 4],
        [4, 2],
        [2, 3],
        [1, 1],
      ]),
    )!;
    const w = wilson(6, 10)!;
    expect([m.value, m.low, m.high]).toEqual([60, w.low * 100, w.high * 100]);
    expect(m.label).toBe('Top two of 5');
    expect(m.mean!.value).toBeCloseTo((5 * 4 + 4 * 2 + 2 * 3 + 1) / 10, 10);
  });

  it('emoji with three faces: the top two are faces 2 and 3', () => {
    const m = metricOf(
      'emoji',
      histogram([
        [3, 1],
        [2, 1],
        [1, 2],
      ]),
      { faces: 3 },
    )!;
    expect(m.value).toBe(50);
    expect(m.label).toBe('Top two of 3');
  });

  it('thumbs: the share up (1 = up, 0 = down)', () => {
    const m = metricOf(
      'thumbs',
      histogram([
        [1, 3],
        [0, 1],
      ]),
    )!;
    const w = wilson(3, 4)!;
    expect([m.value, m.low, m.high, m.n]).toEqual([75, w.low * 100, w.high * 100, 4]);
  });

  it('choice: the share of each option with its interval, most chosen first', () => {
    const m = metricOf(
      'choice',
      histogram([
        ['Slow', 2],
        ['Fast', 6],
        ['Rude', 2],
      ]),
    )!;
    expect(m.options!.map((o) => [o.option, o.count, o.value])).toEqual([
      ['Fast', 6, 60],
      ['Rude', 2, 20],
      ['Slow', 2, 20],
    ]);
    expect(m.options![1]!.low).toBeCloseTo(wilson(2, 10)!.low * 100, 10);
    expect(m.label).toBe('Most chosen: Fast');
  });

  it('text: the comment count', () => {
    expect(metricOf('text', histogram([['comments', 7]]))).toMatchObject({ label: 'Comments', value: 7, n: 7 });
  });

  it('nps, csat and ces keep their headline metrics', () => {
    expect(
      metricOf(
        'nps',
        histogram([
          [10, 1],
          [0, 1],
        ]),
      ),
    ).toMatchObject({ label: 'NPS', value: 0 });
    expect(
      metricOf(
        'csat',
        histogram([
          [5, 1],
          [1, 1],
        ]),
      ),
    ).toMatchObject({ label: 'CSAT', value: 50 });
    expect(
      metricOf(
        'ces',
        histogram([
          [2, 1],
          [6, 1],
        ]),
      ),
    ).toMatchObject({ label: 'CES', value: 4 });
    expect(metricOf('nps', new Map())).toBeUndefined();
  });
});

describe('twoProportionTest', () => {
  it('matches the pooled z-test worked by hand', () => {
    // 30/100 vs 15/100: pooled 0.225, SE = √(.225·.775·.02) = .05906, z = 2.540, p = .0111.
    const t = twoProportionTest(30, 100, 15, 100)!;
    expect(t.z).toBeCloseTo(2.54, 2);
    expect(t.p).toBeCloseTo(0.0111, 3);
    expect(twoProportionTest(10, 100, 10, 100)!.p).toBeCloseTo(1, 6);
    expect(twoProportionTest(0, 0, 1, 10)).toBeUndefined();
  });
});

describe('distinctiveWords', () => {
  const count = (texts: string[]) => {
    const m = new Map<string, number>();
    for (const t of texts) for (const w of tokenize(t)) m.set(w, (m.get(w) ?? 0) + 1);
    return m;
  };

  it('tokenises to lower-case words of three letters or more without stopwords, in any script', () => {
    expect(tokenize('The parcel was LATE, und Lieferung verspätet!')).toEqual(['parcel', 'late', 'und', 'lieferung', 'verspätet']);
  });

  it('ranks the words of unhappy comments that happy ones lack, by the z-score of Monroe et al.', () => {
    const unhappy = count([...Array(12).fill('late parcel again'), ...Array(4).fill('coffee was cold')]);
    const happy = count([...Array(12).fill('great coffee fast'), ...Array(3).fill('parcel arrived')]);
    const background = new Map([...unhappy, ...happy].map(([w]) => [w, (unhappy.get(w) ?? 0) + (happy.get(w) ?? 0)]));
    const words = distinctiveWords(unhappy, happy, background);
    expect(words[0]?.word).toBe('late');
    expect(words.map((w) => w.word)).not.toContain('coffee'); // in both: shrunk to no difference
    expect(words.map((w) => w.word)).not.toContain('great');
    // By hand for "late" ("again" and "was" are stopwords): y_a = 12, y_b = 0, n_a = 32, n_b = 42,
    // prior α_w = 12 (its pooled count), α0 = 74: δ = ln(24/82) − ln(12/104) = 0.9308, σ = √(1/24 + 1/12).
    const alpha = 12;
    const delta = Math.log((12 + alpha) / (32 + 74 - 12 - alpha)) - Math.log(alpha / (42 + 74 - alpha));
    expect(delta / Math.sqrt(1 / 24 + 1 / 12)).toBeCloseTo(2.6328, 3);
    expect(words[0]!.z).toBeCloseTo(delta / Math.sqrt(1 / (12 + alpha) + 1 / alpha), 10);
  });

  it('returns nothing without unhappy comments', () => {
    expect(distinctiveWords(new Map(), count(['great']), count(['great']))).toEqual([]);
  });
});
