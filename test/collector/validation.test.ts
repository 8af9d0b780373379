// SPDX-License-Identifier: MIT
// Only what can be true is stored: each type's range, times near the server's clock, unknown keys
// dropped, bounded sizes; one bad item is refused alone; input no retry can fix gets 4xx, never 5xx.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createCollector,
  createRegistry,
  loadRegistry,
  parseBatch,
  startCollector,
  type RunningCollector,
  type Store,
} from '@moments/collector';
import { makeAnswer, makeShown, post } from './fixtures.js';

const NOW = Date.parse('2026-06-01T12:00:00Z');
const at = (offsetMs: number) => new Date(NOW + offsetMs).toISOString();
const answerOf = (type: string, value: unknown, overrides: Record<string, unknown> = {}) =>
  makeAnswer({ question: { type, text: 'Q?' }, value, answeredAt: at(-60_000), ...overrides });
/** The reason an answer is refused, or undefined when it is accepted. */
function refusal(answer: Record<string, unknown>, registry = createRegistry()): string | undefined {
  const result = parseBatch({ answers: [answer] }, { now: NOW, registry });
  if (!result.ok) throw new Error(result.message);
  return result.refused[0]?.reason;
}

describe('parseBatch: values by question type', () => {
  it.each([
    ['nps', [0, 10], [-1, 11, 7.5, 1e6, '9']],
    ['csat', [1, 5], [0, 6, 1.7e308]],
    ['ces', [1, 7], [0, 8, 3.5]],
    ['rating', [1, 10], [0, 11]],
    ['emoji', [1, 5], [0, 6]],
    ['thumbs', [true, false], [1, 'up']],
    ['choice', ['Too slow', 'x'.repeat(200)], ['', 'x'.repeat(201), 3]],
    ['text', ['Great beans', ''], [5, true]],
  ] as const)('accepts valid %s values and refuses the rest', (type, good, bad) => {
    for (const value of good) expect(refusal(answerOf(type, value)), `${type} ${String(value)}`).toBeUndefined();
    for (const value of bad) expect(refusal(answerOf(type, value)), `${type} ${String(value)}`).toMatch(/^value: /);
  });

  it('uses a known survey: the scale of a rating, the faces of an emoji, the options of a choice, its type', () => {
    const registry = createRegistry([
      { id: 'stars', moment: 'm', question: { type: 'rating', text: 'Q', scale: 4 } },
      { id: 'faces', moment: 'm', question: { type: 'emoji', text: 'Q', faces: 3 } },
      { id: 'pick', moment: 'm', question: { type: 'choice', text: 'Q', options: ['Fast', 'Slow'] } },
    ]);
    expect(refusal(answerOf('rating', 4, { surveyId: 'stars' }), registry)).toBeUndefined();
    expect(refusal(answerOf('rating', 5, { surveyId: 'stars' }), registry)).toContain('expected an integer 1–4');
    expect(refusal(answerOf('emoji', 4, { surveyId: 'faces' }), registry)).toContain('1–3');
    expect(refusal(answerOf('choice', 'Slow', { surveyId: 'pick' }), registry)).toBeUndefined();
    expect(refusal(answerOf('choice', 'Meh', { surveyId: 'pick' }), registry)).toContain('expected one of the options');
    expect(refusal(answerOf('nps', 3, { surveyId: 'stars' }), registry)).toBe('question.type: survey stars asks rating; got nps');
  });

  it('refuses a question type that is not one of the eight', () => {
    expect(refusal(answerOf('evil', 1))).toMatch(/^question\.type: /);
  });
});

describe('parseBatch: times, keys and sizes', () => {
  it('accepts times within 90 days before and a day after the clock, and refuses year 0 and 9999', () => {
    expect(refusal(answerOf('nps', 9, { answeredAt: at(-89 * 86_400_000) }))).toBeUndefined();
    expect(refusal(answerOf('nps', 9, { answeredAt: at(23 * 3_600_000) }))).toBeUndefined();
    expect(refusal(answerOf('nps', 9, { answeredAt: at(-91 * 86_400_000) }))).toContain('more than 90 days before');
    expect(refusal(answerOf('nps', 9, { answeredAt: at(25 * 3_600_000) }))).toContain('more than a day after');
    expect(refusal(answerOf('nps', 9, { answeredAt: '0000-01-01T00:00:00Z' }))).toMatch(/^answeredAt: /);
    expect(refusal(answerOf('nps', 9, { answeredAt: '9999-12-31T00:00:00Z' }))).toMatch(/^answeredAt: /);
  });

  it('drops unknown keys, at the top of an answer and inside question and sdk', () => {
    const result = parseBatch(
      {
        answers: [
          answerOf('nps', 9, {
            padding: 'x'.repeat(1000),
            question: { type: 'nps', text: 'Q', blob: [1, 2] },
            sdk: { name: 'm', version: '1', x: 1 },
          }),
        ],
      },
      { now: NOW },
    );
    expect(result.ok && result.answers[0]).not.toHaveProperty('padding');
    expect(result.ok && result.answers[0]?.question).toEqual({ type: 'nps', text: 'Q' });
    expect(result.ok && result.answers[0]?.['sdk']).toEqual({ name: 'm', version: '1' });
  });

  it('bounds sizes: ids, comments, context keys and values', () => {
    expect(refusal(answerOf('nps', 9, { id: 'x'.repeat(201) }))).toMatch(/^id: /);
    expect(refusal(answerOf('nps', 9, { comment: 'x'.repeat(5001) }))).toMatch(/^comment: /);
    expect(refusal(answerOf('nps', 9, { context: { note: 'x'.repeat(501) } }))).toMatch(/^context\.note: /);
    const many = Object.fromEntries(Array.from({ length: 31 }, (_, i) => [`k${i}`, i]));
    expect(refusal(answerOf('nps', 9, { context: many }))).toContain('at most 30 context keys');
  });

  it('refuses NUL characters, which PostgreSQL cannot store in text', () => {
    expect(refusal(answerOf('nps', 9, { moment: 'pur\u0000chase' }))).toContain('without NUL');
  });

  it('accepts the four lifecycle kinds with priority and a skip reason, and refuses others', () => {
    const events = ['triggered', 'skipped', 'shown', 'dismissed', 'hacked'].map((kind) =>
      makeShown({ kind, at: at(-1000), priority: 'critical', ...(kind === 'skipped' ? { reason: 'fatigue' } : {}) }),
    );
    const result = parseBatch({ events }, { now: NOW });
    expect(result.ok && result.events.map((e) => [e.kind, e.priority, e.reason])).toEqual([
      ['triggered', 'critical', undefined],
      ['skipped', 'critical', 'fatigue'],
      ['shown', 'critical', undefined],
      ['dismissed', 'critical', undefined],
    ]);
    expect(result.ok && result.refused).toEqual([{ list: 'events', index: 4, reason: expect.stringMatching(/^kind: /) }]);
  });

  it('accepts a triggered event without a survey (a moment nobody asks about yet)', () => {
    const { surveyId: _s, ...event } = makeShown({ kind: 'triggered', at: at(-1000) });
    expect(parseBatch({ events: [event] }, { now: NOW })).toMatchObject({ ok: true, refused: [] });
  });
});

describe('POST /collect: refusals over HTTP', () => {
  let running: RunningCollector;
  beforeAll(async () => {
    running = await startCollector({ rate: 1000, burst: 1000 });
  });
  afterAll(() => running.close());

  it('answers 400 with every refusal when nothing in the batch can be stored', async () => {
    const reply = await post(running.url, { answers: [makeAnswer({ value: 99 }), makeAnswer({ question: { type: 'evil', text: 'Q' } })] });
    expect(reply.status).toBe(400);
    expect(reply.body.error).toBe('invalid-batch');
    expect(reply.body.message).toContain('answers[0].value: expected an integer 0–10');
    expect(reply.body.refused?.map((r) => r.index)).toEqual([0, 1]);
  });

  it('answers 4xx, not 5xx, for a NUL byte and for JSON nested 5,000 deep', async () => {
    const nul = await post(running.url, { answers: [makeAnswer({ moment: 'a\u0000b' })] });
    expect(nul.status).toBe(400);
    const deep = `{"answers":[${JSON.stringify(makeAnswer()).slice(0, -1)},"extra":${'['.repeat(5000)}${']'.repeat(5000)}}]}`;
    const nested = await post(running.url, deep);
    expect(nested.status).toBe(200); // the unknown key is dropped, so the answer itself is stored
    expect(JSON.stringify((await running.store.answers({ limit: 1 }))[0])).not.toContain('[[');
    const deepContext = await post(
      running.url,
      `{"answers":[${JSON.stringify(makeAnswer()).slice(0, -1)},"context":{"a":${'['.repeat(5000)}${']'.repeat(5000)}}}]}`,
    );
    expect(deepContext.status).toBe(400);
  });

  it('takes a CORS-simple text/plain body with the idempotency key in it', async () => {
    const reply = await post(running.url, { key: 'batch-1', answers: [makeAnswer()] }, { 'content-type': 'text/plain;charset=UTF-8' });
    expect(reply.status).toBe(200);
    expect(reply.body.stored?.answers).toBe(1);
  });

  it('stores lifecycle events with their kind, priority and reason', async () => {
    const events = [makeShown({ kind: 'triggered', priority: 'critical' }), makeShown({ kind: 'skipped', reason: 'fatigue' })];
    const reply = await post(running.url, { events });
    expect(reply.body.stored).toEqual({ answers: 0, events: 2 });
  });
});

describe('write quota', () => {
  it('answers 429 quota-exceeded once a client has posted its bytes for the hour', async () => {
    const running = await startCollector({ quotaBytesPerHour: 4000, rate: 1000, burst: 1000 });
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++) statuses.push((await post(running.url, { answers: [makeAnswer({ comment: 'x'.repeat(300) })] })).status);
    const last = await post(running.url, { answers: [makeAnswer({ comment: 'x'.repeat(300) })] });
    await running.close();
    expect(statuses.slice(0, 4)).toEqual([200, 200, 200, 200]);
    expect(statuses).toContain(429);
    expect(last.body.error).toBe('quota-exceeded');
    expect(Number(last.headers.get('retry-after'))).toBeGreaterThan(0);
  });
});

describe('loadRegistry', () => {
  const config = {
    endpoint: '/collect',
    surveys: [{ id: 'delivery-csat', moment: ['delivery', 'pickup'], priority: 'critical', question: { type: 'csat', text: 'Q' } }],
  };

  it('reads the storefront config from a file and from its URL', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'moments-surveys-'));
    const file = join(dir, 'moments.config.json');
    writeFileSync(file, JSON.stringify(config));
    const server = createServer((_, res) => res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(config)));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(server.address() as { port: number }).port}/moments.config.json`;
    try {
      for (const registry of [await loadRegistry(file), await loadRegistry(url)]) {
        expect([
          registry.knows('pickup'),
          registry.knows('checkout'),
          registry.priorityOf('delivery'),
          registry.survey('delivery-csat')?.['type'],
        ]).toEqual([true, false, 'critical', 'csat']);
      }
    } finally {
      server.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('names the file when it is not a config', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'moments-surveys-'));
    writeFileSync(join(dir, 'bad.json'), '{"surveys": 3}');
    writeFileSync(join(dir, 'broken.json'), '{');
    await expect(loadRegistry(join(dir, 'bad.json'))).rejects.toThrow(/expected a Moments config with "surveys".*bad\.json/);
    await expect(loadRegistry(join(dir, 'broken.json'))).rejects.toThrow(/broken\.json are not valid JSON/);
    rmSync(dir, { recursive: true, force: true });
  });
});

describe('database errors', () => {
  /** A collector whose store fails with `error`; resolves with the reply to one valid answer. */
  async function postTo(error: Error & { code?: string }) {
    const broken = { kind: 'postgres', insert: () => Promise.reject(error) } as unknown as Store;
    const collector = createCollector({ store: broken });
    const server = createServer((req, res) => void collector.handle(req, res));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const reply = await post(`http://127.0.0.1:${(server.address() as { port: number }).port}`, { answers: [makeAnswer()] });
    server.close();
    return reply;
  }

  it('answers 400 unstorable for errors no retry can fix (data exception, program limit)', async () => {
    for (const code of ['22P05', '22021', '54001', 'SQLITE_TOOBIG']) {
      const reply = await postTo(Object.assign(new Error('cannot store'), { code }));
      expect([code, reply.status, reply.body.error]).toEqual([code, 400, 'unstorable']);
    }
  });

  it('answers a retryable 503 for the rest (connection lost, disk full)', async () => {
    for (const code of ['57P01', '53100', 'ECONNREFUSED', 'SQLITE_FULL']) {
      expect((await postTo(Object.assign(new Error('down'), { code }))).status).toBe(503);
    }
  });
});
