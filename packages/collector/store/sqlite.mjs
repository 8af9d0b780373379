// SPDX-License-Identifier: MIT
// The embedded default: one SQLite file, created on first start.
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { createQueries } from './queries.mjs';
import { ADDED_COLUMNS, answerRow, byId, eventRow, INDEXES, INSERT_ALERT, insertAnswersSql, insertEventsSql, schemaSql } from './sql.mjs';

/** Rows per INSERT statement: 13 columns × 500 stays under SQLite's 32,766 variables. */
const CHUNK = 500;

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
  for (const [table, column, type] of ADDED_COLUMNS) {
    const has = db
      .prepare(`PRAGMA table_info(${table})`)
      .all()
      .some((c) => c.name === column);
    if (!has) db.exec(`ALTER TABLE ${table} ADD COLUMN ${column} ${type}`);
  }
  for (const statement of INDEXES) db.exec(statement);
  const prepared = new Map();
  const statement = (sql) => {
    if (!prepared.has(sql)) prepared.set(sql, db.prepare(sql));
    return prepared.get(sql);
  };
  const insertAlert = db.prepare(INSERT_ALERT);

  const insertRows = (list, toRow, sqlFor, receivedAt, sample) => {
    const fresh = new Set();
    for (let i = 0; i < list.length; i += CHUNK) {
      const chunk = list.slice(i, i + CHUNK);
      for (const row of statement(sqlFor(chunk.length)).all(chunk.flatMap((item) => toRow(item, receivedAt, sample)))) fresh.add(row.id);
    }
    return fresh;
  };
  // Group commit: batches that arrive while a commit (and its fsync) is running wait for the next
  // tick and share one transaction, so throughput is not one fsync per request. Each batch still
  // gets its own savepoint, so one failing batch rolls back alone, and every caller resolves only
  // after the commit that holds its rows.
  const insertOne = db.transaction(({ answers = [], events = [], sample = false, alert }, receivedAt) => {
    const sorted = [...answers].sort(byId);
    const fresh = insertRows(sorted, answerRow, insertAnswersSql, receivedAt, sample);
    const freshEvents = insertRows([...events].sort(byId), eventRow, insertEventsSql, receivedAt, sample);
    let alerts = 0;
    for (const answer of sorted) {
      const body = fresh.has(answer.id) && alert?.(answer);
      if (body) alerts += insertAlert.run(answer.id, receivedAt, JSON.stringify(body)).changes;
    }
    return { answers: fresh.size, events: freshEvents.size, ...(alerts ? { alerts } : {}) };
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

  return {
    kind: 'sqlite',
    /**
     * Stores a validated batch in one transaction; resolves with how many rows were new. `alert`
     * (answer → message or undefined) queues an alert for each new answer it returns one for.
     */
    insert(batch) {
      return new Promise((resolve, reject) => {
        if (queue.push({ batch, resolve, reject }) === 1) setImmediate(flush);
      });
    },
    ...createQueries({
      all: (sql, params) => statement(sql).all(params),
      run: (sql, params) => statement(sql).run(params).changes,
    }),
    async close() {
      db.close();
    },
  };
}
