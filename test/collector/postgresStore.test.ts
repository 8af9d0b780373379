// SPDX-License-Identifier: MIT
// The same store contract on a real PostgreSQL server, started and stopped by this file.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore, startCollector } from '@moments/collector';
import { makeAnswer, post } from './fixtures.js';
import { findPostgres, startPostgres, type TestPostgres } from './postgres.js';
import { describeStore } from './storeContract.js';

const found = findPostgres();
if (!found.bin) console.warn(`[collector tests] skipping PostgreSQL: ${found.reason}`);
let server: TestPostgres | undefined;
let database = 0;

beforeAll(async () => {
  if (found.bin) server = await startPostgres(found.bin);
}, 60_000);
afterAll(() => server?.stop());

/** A fresh database per test, so each starts empty. */
function freshUrl(): string {
  return server!.createDatabase(`moments_${process.pid}_${++database}`);
}

describeStore('openStore (PostgreSQL)', () => openStore(freshUrl()), { skip: !found.bin });

describe.skipIf(!found.bin)('startCollector on PostgreSQL', () => {
  it('serves the same endpoint and results page from a postgres:// URL', async () => {
    const running = await startCollector({ database: freshUrl() });
    const answer = makeAnswer({ moment: 'delivery', surveyId: 'delivery-csat', question: { type: 'csat', text: 'How was it?' }, value: 5 });
    expect((await post(running.url, { answers: [answer] })).body.stored?.answers).toBe(1);
    expect((await post(running.url, { answers: [answer] })).body.duplicates?.answers).toBe(1);
    const html = await (await fetch(`${running.url}/`)).text();
    expect(running.store.kind).toBe('postgres');
    expect(html).toContain('data-moment-results="delivery"');
    expect(html).toContain('CSAT 100%');
    await running.close();
  });
});
