// SPDX-License-Identifier: MIT
// What the results page and /api/results say per moment: the funnel, pain per week, critical
// moments, a significant change (and none otherwise), daily trends, comments, words, breakdowns
// and the cap on undeclared moments, each checked against numbers worked out from the input.
import { afterEach, describe, expect, it } from 'vitest';
import { createRegistry, startCollector, wilson, type Registry, type Results, type RunningCollector } from '@moments/collector';
import { makeAnswer, makeShown, post } from './fixtures.js';

const DAY = 86_400_000;
const daysAgo = (d: number) => new Date(Date.now() - d * DAY).toISOString();
let running: RunningCollector | undefined;
afterEach(() => running?.close());

/** A fresh collector holding `answers` and `events` (posted in chunks). */
async function collectorWith(answers: Record<string, unknown>[], events: Record<string, unknown>[] = [], registry?: Registry) {
  running = await startCollector({ rate: 0, quotaBytesPerHour: 0, ...(registry ? { registry } : {}) });
  for (let i = 0; i < Math.max(answers.length, events.length); i += 400) {
    const reply = await post(running.url, { answers: answers.slice(i, i + 400), events: events.slice(i, i + 400) });
    expect(reply.status).toBe(200);
    expect(reply.body.refused).toEqual([]);
  }
  return running;
}
const api = async (query = '') => (await (await fetch(`${running!.url}/api/results${query}`)).json()) as Results;
const page = async (query = '') => (await fetch(`${running!.url}/${query}`)).text();
const csat = (moment: string, value: number, extra: Record<string, unknown> = {}) =>
  makeAnswer({
    moment,
    surveyId: `${moment}-csat`,
    question: { type: 'csat', text: 'How was it?' },
    value,
    context: {},
    answeredAt: daysAgo(1),
    ...extra,
  });
const event = (moment: string, kind: string, extra: Record<string, unknown> = {}) =>
  makeShown({ moment, surveyId: `${moment}-csat`, kind, at: daysAgo(1), ...extra });
const times = <T>(n: number, make: (i: number) => T) => Array.from({ length: n }, (_, i) => make(i));
/** The text of one cell of the ranking row of `moment`. */
function rankingCell(html: string, moment: string, field: string): string {
  const row = new RegExp(`<tr data-moment="${moment}">(.*?)</tr>`).exec(html)?.[1] ?? '';
  return new RegExp(`data-field="${field}">(.*?)</td>`).exec(row)?.[1]?.replace(/<[^>]+>/g, '') ?? '';
}

describe('funnel', () => {
  it('counts occurrences (triggered) → shown → answered per moment, and skipped events', async () => {
    await collectorWith(
      times(3, () => csat('delivery', 4)),
      [
        ...times(10, () => event('delivery', 'triggered')),
        ...times(6, () => event('delivery', 'shown')),
        event('delivery', 'skipped', { reason: 'fatigue' }),
      ],
    );
    const [delivery] = (await api()).moments;
    expect(delivery).toMatchObject({
      moment: 'delivery',
      occurrences: 10,
      occurrencesBasis: 'triggered',
      shown: 6,
      answers: 3,
      skipped: 1,
    });
    const html = await page();
    expect([
      rankingCell(html, 'delivery', 'occurrences'),
      rankingCell(html, 'delivery', 'shown'),
      rankingCell(html, 'delivery', 'answers'),
    ]).toEqual(['10', '6', '3']);
  });

  it('falls back to shown events, then answers, and says so', async () => {
    await collectorWith(
      [csat('a', 4), csat('b', 4)],
      times(4, () => event('a', 'shown')),
    );
    const byMoment = Object.fromEntries((await api()).moments.map((m) => [m.moment, m]));
    expect(byMoment['a']).toMatchObject({ occurrences: 4, occurrencesBasis: 'shown' });
    expect(byMoment['b']).toMatchObject({ occurrences: 1, occurrencesBasis: 'answers' });
  });
});

describe('pain ranking', () => {
  it('puts the moment with more unhappy customers per week first, though its share is lower, and marks critical ones', async () => {
    // "gift-note": 40 % of 30 answers unhappy, 80 occurrences in 28 days (20 a week), critical.
    // "delivery": 25 % of 200 unhappy, 2,000 occurrences (500 a week).
    const answers = [
      ...times(30, (i) => csat('gift-note', i < 12 ? 1 : 5, { priority: 'critical' })),
      ...times(200, (i) => csat('delivery', i < 50 ? 2 : 4)),
    ];
    const events = [...times(80, () => event('gift-note', 'triggered')), ...times(2000, () => event('delivery', 'triggered'))];
    await collectorWith(answers, events);
    const results = await api();
    expect(results.moments.map((m) => m.moment)).toEqual(['delivery', 'gift-note']);
    const [delivery, gift] = results.moments;
    expect(delivery!.painPerWeek).toBeCloseTo((wilson(50, 200)!.low * 2000 * 7) / 28, 10);
    expect(gift!.painPerWeek).toBeCloseTo((wilson(12, 30)!.low * 80 * 7) / 28, 10);
    expect(gift!.unhappy!.share).toBeCloseTo(0.4, 10);
    expect([delivery!.priority, gift!.priority]).toEqual(['encounter', 'critical']);
    const html = await page();
    const row = (moment: string) => new RegExp(`<tr data-moment="${moment}">(.*?)</tr>`).exec(html)?.[1] ?? '';
    expect(row('gift-note')).toContain('<span class="tag critical">critical</span>');
    expect(row('delivery')).not.toContain('critical');
  });

  it("takes a moment's priority from the surveys the collector was given", async () => {
    const registry = createRegistry([
      { id: 'returns-csat', moment: 'returns', priority: 'critical', question: { type: 'csat', text: 'Q' } },
    ]);
    await collectorWith([csat('returns', 1)], [], registry);
    expect((await api()).moments[0]).toMatchObject({ moment: 'returns', priority: 'critical', known: true });
  });
});

describe('change against the previous period', () => {
  const period = (moment: string, n: number, unhappy: number, ago: number) =>
    times(n, (i) => csat(moment, i < unhappy ? 1 : 5, { answeredAt: daysAgo(ago) }));

  it('flags a significant rise of the unhappy share as worse, and a fall as better', async () => {
    await collectorWith([
      ...period('worse', 40, 4, 40),
      ...period('worse', 40, 20, 2),
      ...period('better', 40, 20, 40),
      ...period('better', 40, 4, 2),
    ]);
    const byMoment = Object.fromEntries((await api()).moments.map((m) => [m.moment, m]));
    expect(byMoment['worse']!.change).toMatchObject({ direction: 'worse', share: 0.5, previousShare: 0.1, n: 40, previousN: 40 });
    expect(byMoment['worse']!.change!.p).toBeLessThan(0.05);
    expect(byMoment['better']!.change).toMatchObject({ direction: 'better', share: 0.1, previousShare: 0.5 });
    const html = await page();
    expect(html).toContain('data-change="worse"');
    expect(rankingCell(html, 'worse', 'change')).toContain('▲ worse: 10 % → 50 %');
  });

  it('flags nothing for a change that is not significant, or with fewer than 30 answers in a period', async () => {
    await collectorWith([
      ...period('same', 40, 8, 40),
      ...period('same', 40, 10, 2),
      ...period('few', 29, 0, 40),
      ...period('few', 29, 29, 2),
    ]);
    const results = await api();
    expect(results.moments.map((m) => [m.moment, m.change])).toEqual(
      expect.arrayContaining([
        ['same', null],
        ['few', null],
      ]),
    );
    expect(await page()).not.toContain('data-change=');
  });
});

describe('trend', () => {
  it('plots the daily metric with its interval, one point per day, oldest first', async () => {
    await collectorWith([
      ...times(4, (i) => csat('delivery', i < 1 ? 1 : 5, { answeredAt: daysAgo(3) })), // 75 %
      ...times(2, (i) => csat('delivery', i < 1 ? 1 : 5, { answeredAt: daysAgo(2) })), // 50 %
      ...times(5, () => csat('delivery', 5, { answeredAt: daysAgo(1) })), // 100 %
    ]);
    const [survey] = (await api()).moments[0]!.surveys as { trend: { day: string; value: number; low: number; n: number }[] }[];
    expect(survey!.trend.map((p) => [p.day, p.value, p.n])).toEqual([
      [daysAgo(3).slice(0, 10), 75, 4],
      [daysAgo(2).slice(0, 10), 50, 2],
      [daysAgo(1).slice(0, 10), 100, 5],
    ]);
    expect(survey!.trend[1]!.low).toBeCloseTo(wilson(1, 2)!.low * 100, 10);
    const html = await page();
    const titles = [...html.matchAll(/<circle [^>]*><title>([^<]+)<\/title>/g)].map((m) => m[1]);
    expect(titles).toEqual([
      `${daysAgo(3).slice(0, 10)}: 75.0% (95 % CI ${(wilson(3, 4)!.low * 100).toFixed(1)}–${(wilson(3, 4)!.high * 100).toFixed(1)}, n=4)`,
      `${daysAgo(2).slice(0, 10)}: 50.0% (95 % CI ${(wilson(1, 2)!.low * 100).toFixed(1)}–${(wilson(1, 2)!.high * 100).toFixed(1)}, n=2)`,
      `${daysAgo(1).slice(0, 10)}: 100.0% (95 % CI ${(wilson(5, 5)!.low * 100).toFixed(1)}–100.0, n=5)`,
    ]);
  });
});

describe('why it hurts', () => {
  it('lists the latest unhappy comments, newest first, and the words that set them apart', async () => {
    await collectorWith([
      ...times(12, (i) => csat('delivery', 1, { comment: `Parcel arrived late, box ${i}`, answeredAt: daysAgo(1 + i / 24) })),
      ...times(12, () => csat('delivery', 5, { comment: 'Great coffee, arrived fast' })),
    ]);
    const [delivery] = (await api()).moments;
    expect(delivery!.comments.map((c) => c.comment)).toEqual(times(5, (i) => `Parcel arrived late, box ${i}`));
    expect(delivery!.words.map((w) => w.word)).toContain('late');
    expect(delivery!.words.map((w) => w.word)).not.toContain('arrived');
    const html = await page();
    expect(html).toContain('<blockquote>Parcel arrived late, box 0</blockquote>');
    expect(html).toContain('data-word="late"');
  });

  it('breaks the unhappy share down by context key, device and locale, hiding groups under 20 answers', async () => {
    await collectorWith([
      ...times(25, (i) => csat('delivery', i < 20 ? 1 : 5, { context: { carrier: 'SwiftPost' } })),
      ...times(19, () => csat('delivery', 5, { context: { carrier: 'Parcelon' } })),
    ]);
    const [delivery] = (await api()).moments;
    const carrier = delivery!.breakdowns.find((b) => b.key === 'context.carrier')!;
    expect(carrier.groups.map((g) => [g.value, g.n, g.share])).toEqual([['SwiftPost', 25, 0.8]]);
    expect(carrier.hidden).toBe(1);
    expect(carrier.groups[0]!.low).toBeCloseTo(wilson(20, 25)!.low, 10);
    expect(delivery!.breakdowns.find((b) => b.key === 'locale')!.groups).toEqual([expect.objectContaining({ value: 'en-GB', n: 44 })]);
    expect(delivery!.breakdowns.find((b) => b.key === 'device')!.groups).toEqual([expect.objectContaining({ value: 'desktop', n: 44 })]); // Node's fetch
    const html = await page();
    const table = /<table class="breakdown" data-breakdown="context.carrier">.*?<\/table>/.exec(html)?.[0] ?? '';
    expect(table).toContain('SwiftPost');
    expect(table).not.toContain('Parcelon');
    expect(table).toContain('1 groups under 20 answers hidden');
  });
});

describe('/api/results', () => {
  it('returns the numbers the page shows', async () => {
    await collectorWith(
      [...times(30, (i) => csat('delivery', (i % 5) + 1)), ...times(12, (i) => csat('returns', i < 5 ? 1 : 4)), csat('gift', 5)],
      [
        ...times(90, () => event('delivery', 'triggered')),
        ...times(40, () => event('delivery', 'shown')),
        ...times(20, () => event('returns', 'shown')),
      ],
    );
    const results = await api();
    const html = await page();
    expect(results.moments).toHaveLength(3);
    for (const m of results.moments) {
      expect(rankingCell(html, m.moment, 'occurrences').split(' ')[0]).toBe(String(m.occurrences));
      expect(rankingCell(html, m.moment, 'shown')).toBe(String(m.shown));
      expect(rankingCell(html, m.moment, 'answers')).toBe(String(m.answers));
      expect(rankingCell(html, m.moment, 'unhappy')).toBe(`${(m.unhappy!.share * 100).toFixed(0)} %`);
      expect(rankingCell(html, m.moment, 'interval')).toBe(
        `${(m.unhappy!.low * 100).toFixed(0)} %–${(m.unhappy!.high * 100).toFixed(0)} %`,
      );
      expect(rankingCell(html, m.moment, 'pain')).toBe(m.painPerWeek!.toFixed(1));
    }
    // Same order on both.
    expect([...html.matchAll(/<tr data-moment="([^"]+)">/g)].map((r) => r[1])).toEqual(results.moments.map((m) => m.moment));
  });

  it('covers the period asked for, and answers 400 for a bad one', async () => {
    await collectorWith([csat('delivery', 1, { answeredAt: daysAgo(10) }), csat('delivery', 5, { answeredAt: daysAgo(1) })]);
    const from = daysAgo(5).slice(0, 10);
    const results = await api(`?from=${from}`);
    expect(results.from).toBe(`${from}T00:00:00.000Z`);
    expect(results.moments[0]!.answers).toBe(1);
    expect((await fetch(`${running!.url}/api/results?from=yesterday`)).status).toBe(400);
    expect((await fetch(`${running!.url}/api/results?from=2026-01-10&to=2026-01-01`)).status).toBe(400);
  });

  it('gives every question type a metric', async () => {
    const answer = (type: string, value: unknown) =>
      makeAnswer({ moment: `m-${type}`, surveyId: `s-${type}`, question: { type, text: 'Q' }, value, answeredAt: daysAgo(1) });
    await collectorWith([
      answer('rating', 4),
      answer('emoji', 5),
      answer('thumbs', true),
      answer('choice', 'Fast'),
      answer('text', 'Lovely'),
    ]);
    const labels = Object.fromEntries(
      (await api()).moments.map((m) => [
        m.moment,
        (m.metric as { label: string; value: number }) && [(m.metric as { label: string }).label, (m.metric as { value: number }).value],
      ]),
    );
    expect(labels).toEqual({
      'm-rating': ['Top two of 5', 100],
      'm-emoji': ['Top two of 5', 100],
      'm-thumbs': ['Thumbs up', 100],
      'm-choice': ['Most chosen: Fast', 100],
      'm-text': ['Comments', 1],
    });
  });
});

describe('moments nobody declared', () => {
  it('shows the busiest 20 and counts the rest, while declared moments always show', async () => {
    const registry = createRegistry([{ id: 'checkout-csat', moment: 'checkout', question: { type: 'csat', text: 'Q' } }]);
    const flood = times(30, (i) => times(i + 2, () => csat(`invented-${i}`, 1))).flat();
    await collectorWith([...flood, csat('checkout', 5, { surveyId: 'checkout-csat' })], [], registry);
    const results = await api();
    expect(results.hiddenMoments).toBe(10);
    expect(results.moments).toHaveLength(21);
    expect(results.moments.map((m) => m.moment)).toContain('checkout');
    expect(results.moments.map((m) => m.moment)).not.toContain('invented-9'); // among the 10 quietest
    expect(results.moments.map((m) => m.moment)).toContain('invented-10');
    expect(await page()).toContain('data-hidden-moments="10"');
  });
});
