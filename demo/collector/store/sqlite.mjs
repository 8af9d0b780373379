// SPDX-License-Identifier: MIT
// The embedded default: one SQLite file, created on first start.
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import {
  answerCountsSql,
  answerRow,
  answersSql,
  COUNTS_SQL,
  distributionSql,
  eventCountsSql,
  eventRow,
  INSERT_ANSWER,
  INSERT_EVENT,
  numbers,
  schemaSql,
} from './sql.mjs';

/**
 * Opens (or creates) a SQLite store at `file` (`:memory:` for tests). Write-ahead log with
 * `synchronous = FULL`: every commit is fsynced before the collector answers 2xx, so an answer
 * the SDK saw accepted survives `kill -9` and a power cut alike. NORMAL would only risk the last
 * commits on power loss, but a 2xx is a promise to the SDK, which then forgets the answer.
 */
export function openSqliteStore(file) {
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('busy_timeout = 5000');
  for (const statement of schemaSql('INTEGER PRIMARY KEY AUTOINCREMENT')) db.exec(statement);
  const insertAnswer = db.prepare(INSERT_ANSWER);
  const insertEvent = db.prepare(INSERT_EVENT);
  // Group commit: batches that arrive while a commit (and its fsync) is running wait for the next
  // tick and share one transaction, so throughput is not one fsync per request. Each batch still
  // gets its own savepoint, so one failing batch rolls back alone, and every caller resolves only
  // after the commit that holds its rows.
  const insertOne = db.transaction(({ answers = [], events = [], sample = false }, receivedAt) => {
    let storedAnswers = 0;
    let storedEvents = 0;
    for (const a of answers) storedAnswers += insertAnswer.run(answerRow(a, receivedAt, sample)).changes;
    for (const e of events) storedEvents += insertEvent.run(eventRow(e, receivedAt, sample)).changes;
    return { answers: storedAnswers, events: storedEvents };
  });
  const commitGroup = db.transaction((group, receivedAt) =>
    group.map((pending) => {
      try {
        return { ok: true, value: insertOne(pending.batch, receivedAt) }; // nested: a savepoint
      } catch (error) {
        return { ok: false, error };
      }
    }),
  );
  let queue = [];
  const flush = () => {
    const group = queue;
    queue = [];
    let results;
    try {
      results = commitGroup(group, new Date().toISOString());
    } catch (error) {
      for (const pending of group) pending.reject(error);
      return;
    }
    results.forEach((result, i) => (result.ok ? group[i].resolve(result.value) : group[i].reject(result.error)));
  };
  const all = (sql) => db.prepare(sql).all();

  return {
    kind: 'sqlite',
    /** Stores a validated batch in one transaction; resolves with how many rows were new. */
    insert(batch) {
      return new Promise((resolve, reject) => {
        if (queue.push({ batch, resolve, reject }) === 1) setImmediate(flush);
      });
    },
    async distribution({ includeSample = true } = {}) {
      return numbers(all(distributionSql(includeSample)), ['value_num', 'n']);
    },
    async answerCounts({ includeSample = true } = {}) {
      return numbers(all(answerCountsSql(includeSample)), ['n']);
    },
    async eventCounts({ includeSample = true } = {}) {
      return numbers(all(eventCountsSql(includeSample)), ['n']);
    },
    async answers({ includeSample = true, limit } = {}) {
      return all(answersSql(includeSample, limit)).map((row) => ({ ...JSON.parse(row.body), sample: row.sample === 1 }));
    },
    async counts() {
      return numbers([db.prepare(COUNTS_SQL).get()], ['answers', 'events', 'sample'])[0];
    },
    async close() {
      db.close();
    },
  };
}
