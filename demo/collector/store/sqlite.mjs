// SPDX-License-Identifier: MIT
// The embedded default: one SQLite file, created on first start.
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { answerCountsSql, answerRow, answersSql, COUNTS_SQL, distributionSql, eventCountsSql, eventRow, INSERT_ANSWER, INSERT_EVENT, numbers, schemaSql } from './sql.mjs';

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
  const insertAll = db.transaction((answers, events, receivedAt, sample) => {
    let storedAnswers = 0;
    let storedEvents = 0;
    for (const a of answers) storedAnswers += insertAnswer.run(answerRow(a, receivedAt, sample)).changes;
    for (const e of events) storedEvents += insertEvent.run(eventRow(e, receivedAt, sample)).changes;
    return { answers: storedAnswers, events: storedEvents };
  });
  const all = (sql) => db.prepare(sql).all();

  return {
    kind: 'sqlite',
    /** Stores a validated batch in one transaction; resolves with how many rows were new. */
    async insert({ answers = [], events = [], sample = false }) {
      return insertAll(answers, events, new Date().toISOString(), sample);
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
