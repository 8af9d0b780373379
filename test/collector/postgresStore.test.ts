// SPDX-License-Identifier: MIT
// The same store contract on a real PostgreSQL server, started and stopped by this file, and
// what running several collectors on one database needs.
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore, startCollector } from '@moments/collector';
import { makeAnswer, post, type Reply } from './fixtures.js';
import { runPostgres } from './helpers/seed.mjs';
import { findPostgres, startPostgres, type TestPostgres } from './postgres.js';
import { describeStore } from './storeContract.js';

const found = findPostgres();
if (!found.bin) console.warn(`[collector tests] skipping PostgreSQL: ${found.reason}`);
let server: TestPostgres | undefined;
let database = 0;

beforeAll(async () => {
  if (found.bin) server = await startPostgres(found.bin);
}, 60_000);
const children: ChildProcess[] = [];
afterAll(() => {
  for (const child of children) child.kill('SIGKILL');
  server?.stop();
});

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

describe.skipIf(!found.bin)('PostgreSQL schema set-up', () => {
  it('is safe when several collectors start at once on a fresh database', async () => {
    for (let round = 0; round < 3; round++) {
      const url = freshUrl();
      const results = await Promise.allSettled(Array.from({ length: 4 }, () => openStore(url)));
      expect(results.map((r) => r.status)).toEqual(['fulfilled', 'fulfilled', 'fulfilled', 'fulfilled']);
      for (const r of results) if (r.status === 'fulfilled') await r.value.close();
    }
  });

  it('adds the new columns to a database made by an older collector', async () => {
    const url = freshUrl();
    await runPostgres(
      url,
      `CREATE TABLE answers (seq BIGSERIAL PRIMARY KEY, id TEXT NOT NULL UNIQUE, survey_id TEXT NOT NULL, moment TEXT NOT NULL,
      question_type TEXT NOT NULL, value_num DOUBLE PRECISION, answered_at TEXT NOT NULL, received_at TEXT NOT NULL, sample INTEGER NOT NULL DEFAULT 0, body TEXT NOT NULL)`,
    );
    const store = await openStore(url);
    expect(await store.insert({ answers: [makeAnswer({ priority: 'critical' })] })).toEqual({ answers: 1, events: 0 });
    await store.close();
  });
});

describe.skipIf(!found.bin)('unstorable input on PostgreSQL', () => {
  it('answers 400, not a 503 the SDK would retry forever, for a NUL byte', async () => {
    const running = await startCollector({ database: freshUrl() });
    const reply = await post(running.url, { answers: [makeAnswer({ moment: 'pur\u0000chase' })] });
    await running.close();
    expect(reply.status).toBe(400);
  });
});

// N stateless collectors on one PostgreSQL: two collector processes start at once on a fresh
// database and receive the same 1,000 answers at the same time, in opposite orders. Every request
// succeeds (no deadlock, no schema race) and each answer is stored exactly once.
/** Starts `moments-collector` on `database`; resolves with its URL once it listens. */
function startCli(database: string): Promise<string> {
  const cli = fileURLToPath(new URL('../../packages/collector/cli.mjs', import.meta.url));
  const child = spawn(process.execPath, [cli, '--port', '0', '--db', database, '--rate', '0', '--quota-mb', '0'], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  children.push(child);
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk;
      const url = /collector: (http:\/\/[\d.:]+)\/collect/.exec(out)?.[1];
      if (url) resolve(url);
    });
    child.on('exit', (code) => reject(new Error(`collector exited (${code}): ${out}`)));
  });
}

describe.skipIf(!found.bin)('two collector processes on one PostgreSQL', () => {
  it('store each of 1,000 concurrently duplicated answers once', async () => {
    const database = server!.createDatabase(`moments_two_${process.pid}`);
    const [a, b] = await Promise.all([startCli(database), startCli(database)]);
    const answers = Array.from({ length: 1000 }, () => makeAnswer());
    const batches = Array.from({ length: 4 }, (_, i) => answers.slice(i * 250, i * 250 + 250));
    const replies: Reply[] = [];
    // Both collectors get every batch at the same moment, b with its answers in reverse order
    // (batches of 250: large enough that unsorted writes deadlock here, as they did before).
    await Promise.all(
      batches.map(async (batch) => {
        replies.push(...(await Promise.all([post(a!, { answers: batch }), post(b!, { answers: [...batch].reverse() })])));
      }),
    );
    expect(replies.map((r) => r.status).filter((s) => s !== 200)).toEqual([]);
    expect(replies.reduce((sum, r) => sum + r.body.stored!.answers, 0)).toBe(1000);
    expect(replies.reduce((sum, r) => sum + r.body.duplicates!.answers, 0)).toBe(1000);
    const store = await openStore(database);
    const ids = (await store.answers()).map((x) => x.id);
    await store.close();
    expect(ids).toHaveLength(1000);
    expect(new Set(ids).size).toBe(1000);
    expect(new Set(ids)).toEqual(new Set(answers.map((x) => x['id'])));
  });
});
