// SPDX-License-Identifier: MIT
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openStore } from '@moments/collector';
import { makeAnswer } from './fixtures.js';
import { runSqlite } from './helpers/seed.mjs';
import { describeStore } from './storeContract.js';

const dir = mkdtempSync(join(tmpdir(), 'moments-sqlite-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describeStore('openStore (SQLite, in memory)', () => openStore(':memory:'));

describe('openStore (SQLite file)', () => {
  it('creates the database file and its folder on first start, and reopens it with the data', async () => {
    const file = join(dir, 'nested', 'moments.db');
    const first = await openStore(file);
    const answer = makeAnswer();
    await first.insert({ answers: [answer] });
    await first.close();
    const second = await openStore(file);
    expect((await second.answers()).map((a) => a.id)).toEqual([answer['id']]);
    expect(second.kind).toBe('sqlite');
    await second.close();
  });

  it('adds the new columns to a database made by an older collector, keeping its answers', async () => {
    const file = join(dir, 'old.db');
    runSqlite(
      file,
      `CREATE TABLE answers (seq INTEGER PRIMARY KEY AUTOINCREMENT, id TEXT NOT NULL UNIQUE, survey_id TEXT NOT NULL, moment TEXT NOT NULL,
        question_type TEXT NOT NULL, value_num DOUBLE PRECISION, answered_at TEXT NOT NULL, received_at TEXT NOT NULL, sample INTEGER NOT NULL DEFAULT 0, body TEXT NOT NULL);
       INSERT INTO answers (id, survey_id, moment, question_type, value_num, answered_at, received_at, body)
         VALUES ('old-1', 's', 'm', 'nps', 9, '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z', '{"id":"old-1","value":9}');`,
    );
    const store = await openStore(file);
    expect(await store.insert({ answers: [makeAnswer({ priority: 'critical', visitorId: 'v-new' })] })).toEqual({ answers: 1, events: 0 });
    expect((await store.answers()).map((a) => a.id)[0]).toBe('old-1');
    expect(await store.eraseVisitor('v-new')).toEqual({ answers: 1, events: 0 });
    await store.close();
  });
});
