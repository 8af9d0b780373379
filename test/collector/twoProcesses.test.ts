// SPDX-License-Identifier: MIT
// N stateless collectors on one PostgreSQL: two collector processes start at once on a fresh
// database and receive the same 1,000 answers at the same time, in opposite orders. Every request
// succeeds (no deadlock, no schema race) and each answer is stored exactly once.
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '@moments/collector';
import { makeAnswer, post, type Reply } from './fixtures.js';
import { findPostgres, startPostgres, type TestPostgres } from './postgres.js';

const found = findPostgres();
let server: TestPostgres | undefined;
const children: ChildProcess[] = [];

beforeAll(async () => {
  if (found.bin) server = await startPostgres(found.bin);
}, 60_000);
afterAll(() => {
  for (const child of children) child.kill('SIGKILL');
  server?.stop();
});

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
