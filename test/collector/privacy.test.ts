// SPDX-License-Identifier: MIT
// The right to erasure (DELETE /api/visitors/<id>) and --retain-days: rows go, and the log says
// how many without saying whose or what.
import { afterEach, describe, expect, it } from 'vitest';
import { startCollector, startRetention, type RunningCollector } from '@moments/collector';
import { makeAnswer, makeShown, post } from './fixtures.js';

const DAY = 86_400_000;
const daysAgo = (d: number) => new Date(Date.now() - d * DAY).toISOString();
let running: RunningCollector | undefined;
afterEach(() => running?.close());

describe('DELETE /api/visitors/<visitorId>', () => {
  it("erases the visitor's answers and events, keeps everyone else's, and logs counts only", async () => {
    const logs: string[] = [];
    running = await startCollector({ token: 't0ken', log: { info: (m) => logs.push(m) } });
    const theirs = [makeAnswer({ visitorId: 'v-erase', comment: 'my secret comment' }), makeAnswer({ visitorId: 'v-erase' })];
    const others = makeAnswer({ visitorId: 'v-keep' });
    await post(running.url, {
      answers: [...theirs, others],
      events: [makeShown({ visitorId: 'v-erase' }), makeShown({ visitorId: 'v-keep' })],
    });

    const response = await fetch(`${running.url}/api/visitors/v-erase`, { method: 'DELETE', headers: { authorization: 'Bearer t0ken' } });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ deleted: { answers: 2, events: 1 } });
    expect((await running.store.answers()).map((a) => a.visitorId)).toEqual(['v-keep']);
    expect((await running.store.counts()).events).toBe(1);
    expect(logs).toEqual(['erasure: deleted 2 answers and 1 events of one visitor']);
    expect(logs.join()).not.toMatch(/v-erase|secret/);
  });
});

describe('--retain-days', () => {
  it('deletes answers and events older than N days at start, keeps newer ones, and logs counts only', async () => {
    const seeded = await startCollector({ database: ':memory:' });
    const old = makeAnswer({ answeredAt: daysAgo(40), comment: 'old secret' });
    const recent = makeAnswer({ answeredAt: daysAgo(10) });
    await post(seeded.url, { answers: [old, recent], events: [makeShown({ at: daysAgo(45) }), makeShown({ at: daysAgo(5) })] });
    const logs: string[] = [];
    const retention = startRetention({ store: seeded.store, days: 30, log: { info: (m) => logs.push(m) } });
    expect(await retention.first).toEqual({ answers: 1, events: 1 });
    retention.stop();
    expect((await seeded.store.answers()).map((a) => a.id)).toEqual([recent['id']]);
    expect(logs).toEqual(['retention: deleted 1 answers and 1 events older than 30 days']);
    running = seeded;
  });

  it('runs at start when the collector is started with retainDays', async () => {
    const logs: string[] = [];
    running = await startCollector({ retainDays: 7, log: { info: (m) => logs.push(m) } });
    expect(logs).toEqual(['retention: deleted 0 answers and 0 events older than 7 days']);
  });
});
