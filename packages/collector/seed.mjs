// SPDX-License-Identifier: MIT
// Sample answers for an empty database, so the results page is never blank on a first start.
// Every seeded row is stored with `sample = 1`, shown as "sample" on the page and in exports,
// and can be hidden with `?sample=0`. Deterministic (seeded PRNG), so screenshots are stable.

/** The storefront's three moments, with how their (made-up) customers tend to feel. */
const PLAN = [
  {
    moment: 'purchase',
    surveyId: 'purchase-nps',
    type: 'nps',
    text: 'How likely are you to recommend Tidewater Coffee to a friend?',
    triggered: 60,
    shown: 22,
    rate: 0.42,
    score: (r) => weighted(r, [1, 1, 1, 1, 2, 2, 3, 6, 10, 14, 12]),
    key: 'orderId',
    unhappyAt: 6,
  },
  {
    moment: 'delivery',
    surveyId: 'delivery-csat',
    type: 'csat',
    text: 'How satisfied are you with the delivery?',
    triggered: 40,
    shown: 18,
    rate: 0.5,
    // Deliveries got worse lately (a carrier changed): more 1s and 2s in the last half.
    score: (r, recent) => 1 + weighted(r, recent ? [9, 6, 4, 6, 5] : [3, 3, 4, 8, 8]),
    key: 'orderId',
    priority: 'critical',
    unhappyAt: 2,
  },
  {
    moment: 'support-close',
    surveyId: 'support-ces',
    type: 'ces',
    text: 'Tidewater made it easy to solve my problem.',
    triggered: 12,
    shown: 9,
    rate: 0.35,
    score: (r) => 1 + weighted(r, [1, 1, 2, 3, 4, 6, 5]),
    key: 'ticketId',
    unhappyAt: 3,
  },
];
const CARRIERS = ['Parcelon', 'SwiftPost', 'Royal Route'];
const DEVICES = ['mobile', 'mobile', 'desktop', 'tablet'];
const SKIP_REASONS = ['sampled-out', 'fatigue', 'once-per', 'sampled-out', 'consent'];
const UNHAPPY = [
  'The parcel arrived late and the box was crushed',
  'Late again, nobody answered the phone',
  'Beans arrived stale, the bag was torn',
  'Tracking never updated and the courier was rude',
  'Waited a week, late delivery',
  'Took three emails to get an answer',
];
const HAPPY = [
  'Fast delivery and great beans',
  'Lovely coffee, quick and friendly',
  'Great roast, arrived early',
  'Friendly support, solved at once',
  'Perfect grind, fast shipping',
];

/**
 * Builds `{answers, events}` of sample data over the `days` days before `now`: `triggered`
 * events, then `shown` (or `skipped` with a reason) and the answers a share of them led to, each
 * with an order or ticket id and a carrier in its context, some with a comment. Deterministic.
 */
export function sampleData({ days = 56, now = Date.now(), seed = 42 } = {}) {
  const random = mulberry32(seed);
  const answers = [];
  const events = [];
  let serial = 0;
  for (let d = days - 1; d >= 0; d--) {
    const dayStart = Math.floor(now / 86_400_000) * 86_400_000 - d * 86_400_000;
    for (const plan of PLAN) {
      const triggered = Math.round(plan.triggered * (0.7 + random() * 0.6));
      for (let i = 0; i < triggered; i++) {
        serial++;
        const at = new Date(dayStart + Math.floor(random() * Math.min(86_000_000, now - dayStart - 60_000))).toISOString(); // never in the future
        const context = {
          [plan.key]: `${plan.key === 'orderId' ? 'S' : 'ST'}-${10_000 + serial}`,
          ...(plan.moment === 'delivery' ? { carrier: CARRIERS[serial % 3] } : {}),
        };
        const uid = `sample-${seed}-${serial}`;
        const base = { surveyId: plan.surveyId, moment: plan.moment, context, at, ...(plan.priority ? { priority: plan.priority } : {}) };
        events.push({ id: `${uid}-triggered`, kind: 'triggered', ...base });
        if (random() > plan.shown / plan.triggered) {
          events.push({ id: `${uid}-skipped`, kind: 'skipped', reason: SKIP_REASONS[serial % SKIP_REASONS.length], ...base });
          continue;
        }
        events.push({ id: `${uid}-shown`, kind: 'shown', ...base });
        if (random() > plan.rate) continue;
        answers.push(sampleAnswer(plan, uid, serial, context, at, random, d < days / 2));
      }
    }
  }
  return { answers, events };
}

function sampleAnswer(plan, uid, serial, context, at, random, recent) {
  // The SwiftPost deliveries are the unhappy ones: a breakdown by carrier shows it.
  const value =
    plan.moment === 'delivery' && context.carrier === 'SwiftPost' ? Math.min(plan.score(random, recent), 2) : plan.score(random, recent);
  const unhappy = value <= plan.unhappyAt;
  const comment = random() < 0.4 ? (unhappy ? UNHAPPY : HAPPY)[Math.floor(random() * (unhappy ? UNHAPPY : HAPPY).length)] : undefined;
  return {
    id: `${uid}-answer`,
    surveyId: plan.surveyId,
    moment: plan.moment,
    question: { type: plan.type, text: plan.text },
    value,
    ...(comment ? { comment } : {}),
    context,
    visitorId: `sample-visitor-${serial % 97}`,
    url: 'http://127.0.0.1/sample',
    locale: serial % 5 === 0 ? 'de-DE' : 'en-GB',
    answeredAt: new Date(Date.parse(at) + 20_000).toISOString(),
    sdk: { name: 'moments-sample', version: '0' },
    ...(plan.priority ? { priority: plan.priority } : {}),
    device: DEVICES[serial % DEVICES.length],
  };
}

/** Seeds `store` when it holds no answers at all; resolves with how many answers were added. */
export async function seedIfEmpty(store, options) {
  if ((await store.counts()).answers > 0) return 0;
  const { answers, events } = sampleData(options);
  const stored = await store.insert({ answers, events, sample: true });
  return stored.answers;
}

function weighted(random, weights) {
  const total = weights.reduce((a, b) => a + b, 0);
  let pick = random() * total;
  for (const [i, w] of weights.entries()) if ((pick -= w) < 0) return i;
  return weights.length - 1;
}

function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
