// SPDX-License-Identifier: MIT
// The words that most distinguish unhappy from happy comments: weighted log-odds ratios with an
// informative Dirichlet prior (Monroe, Colaresi & Quinn 2008, "Fightin' Words", §3.5.2). The prior
// is the word frequencies of every comment in the period, so a word common everywhere ("coffee")
// is shrunk towards no difference and rare words do not top the list by chance.

const STOPWORDS = new Set(
  "the and for are but not you your with this that was were have has had its it’s it's our out they them their there then than too very just all any can could would should will into from about what when which who why how get got been being did does doing done also only some more most much many such own same other off over under again once here both each few nor now she her him his hers ours yours myself itself i’m i'm don’t don't didn’t didn't wasn’t wasn't".split(
    ' ',
  ),
);

/** Lower-case words of 3+ letters, stopwords dropped (any script: `\p{L}`). */
export function tokenize(text) {
  return (
    String(text)
      .toLowerCase()
      .match(/[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu) ?? []
  ).filter((w) => w.length >= 3 && !STOPWORDS.has(w));
}

/** Adds `text`'s words to a `Map<word, count>`. */
export function addWords(counts, text) {
  for (const word of tokenize(text)) counts.set(word, (counts.get(word) ?? 0) + 1);
}

/**
 * Scores each word by the z-score of its weighted log-odds ratio, unhappy (`a`) against happy
 * (`b`) comments, with prior α_w = `scale` × (background count of w), α0 = Σ α_w. Returns the `top`
 * words with z ≥ 1.96 (unhappy more than happy at 95 %), highest first: `{word, z, unhappy, happy}`.
 */
export function distinctiveWords(a, b, background, { scale = 1, top = 8 } = {}) {
  const total = (m) => [...m.values()].reduce((s, k) => s + k, 0);
  const nA = total(a);
  const nB = total(b);
  const nBg = total(background);
  if (nA === 0 || nBg === 0) return [];
  const alpha0 = scale * nBg;
  const out = [];
  for (const [word, yA] of a) {
    const alpha = scale * (background.get(word) ?? 0) || 0.01;
    const yB = b.get(word) ?? 0;
    const logOdds = (y, n) => Math.log((y + alpha) / (n + alpha0 - y - alpha));
    const delta = logOdds(yA, nA) - logOdds(yB, nB);
    const variance = 1 / (yA + alpha) + 1 / (yB + alpha);
    const z = delta / Math.sqrt(variance);
    if (z >= 1.96) out.push({ word, z, unhappy: yA, happy: yB });
  }
  return out.sort((x, y) => y.z - x.z || x.word.localeCompare(y.word)).slice(0, top);
}
