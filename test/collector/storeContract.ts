// SPDX-License-Identifier: MIT
// What every store must do, run against SQLite (always) and PostgreSQL (when a server can start).
import { describe, expect, it } from 'vitest';
import type { Store } from '@moments/collector';
import { makeAnswer, makeShown } from './fixtures.js';

/** Registers the store contract under `describe(title)`; `open()` gives a fresh, empty store. */
export function describeStore(title: string, open: () => Promise<Store>, { skip = false } = {}): void {
  describe.skipIf(skip)(title, () => {
    it('stores a batch once and reports only new rows when it arrives again', async () => {
      const store = await open();
      const answers = [makeAnswer(), makeAnswer({ value: 'Great beans', question: { type: 'text', text: 'Anything else?' } })];
      const events = [makeShown()];
      expect(await store.insert({ answers, events })).toEqual({ answers: 2, events: 1 });
      expect(await store.insert({ answers, events })).toEqual({ answers: 0, events: 0 });
      expect(await store.counts()).toEqual({ answers: 2, events: 1, sample: 0 });
      const stored = await store.answers();
      expect(stored.map((a) => a.id)).toEqual(answers.map((a) => a['id']));
      expect(stored[1]).toMatchObject({ value: 'Great beans', sample: false, context: answers[1]!['context'] });
      await store.close();
    });

    it('keeps sample rows apart and lists the latest first with a limit', async () => {
      const store = await open();
      await store.insert({ answers: [makeAnswer(), makeAnswer()], sample: true });
      const real = makeAnswer();
      await store.insert({ answers: [real] });
      expect((await store.counts()).sample).toBe(2);
      expect((await store.answers({ includeSample: false })).map((a) => a.id)).toEqual([real['id']]);
      const [latest] = await store.answers({ limit: 1 });
      expect(latest?.id).toBe(real['id']);
      await store.close();
    });

    it('rolls back a whole batch when one row fails', async () => {
      const store = await open();
      const good = makeAnswer();
      const bad = { ...makeAnswer(), surveyId: null }; // NOT NULL column: the database refuses it
      await expect(store.insert({ answers: [good, bad] })).rejects.toThrow();
      expect((await store.counts()).answers).toBe(0);
      await store.close();
    });

    it('stores concurrent batches independently when one of them fails', async () => {
      const store = await open();
      const first = makeAnswer();
      const last = makeAnswer();
      const results = await Promise.allSettled([
        store.insert({ answers: [first] }),
        store.insert({ answers: [makeAnswer(), { ...makeAnswer(), moment: null }] }),
        store.insert({ answers: [last] }),
      ]);
      expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
      expect((await store.answers()).map((a) => a.id)).toEqual([first['id'], last['id']]);
      await store.close();
    });
  });
}
