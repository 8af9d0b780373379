// SPDX-License-Identifier: MIT
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openStore } from '@moments/collector';
import { makeAnswer } from './fixtures.js';
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
});
