// SPDX-License-Identifier: MIT
// For users who outgrow one file: the same schema and queries on PostgreSQL, given a URL. Any
// number of collectors may share one database: schema set-up is serialised by an advisory lock,
// and rows are written in id order, so two collectors storing the same batch cannot deadlock.
import pg from 'pg';
import { createQueries } from './queries.mjs';
import { ADDED_COLUMNS, answerRow, byId, eventRow, INDEXES, INSERT_ALERT, insertAnswersSql, insertEventsSql, schemaSql } from './sql.mjs';

/** Rows per INSERT: 13 columns × 1000 stays under PostgreSQL's 65,535 parameters. */
const CHUNK = 1000;
/** Any constant: the key of the advisory lock that serialises schema set-up. */
const SCHEMA_LOCK = 7_312_004;

/** `?` placeholders → `$1, $2, …`. */
const numbered = (sql) => {
  let i = 0;
  return sql.replace(/\?/g, () => `$${++i}`);
};

async function createSchema(pool) {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    // Concurrent CREATE TABLE IF NOT EXISTS race on the catalog (duplicate type): take turns.
    await client.query('SELECT pg_advisory_xact_lock($1)', [SCHEMA_LOCK]);
    for (const statement of schemaSql('BIGSERIAL PRIMARY KEY')) await client.query(statement);
    for (const [table, column, type] of ADDED_COLUMNS)
      await client.query(`ALTER TABLE ${table} ADD COLUMN IF NOT EXISTS ${column} ${type}`);
    for (const statement of INDEXES) await client.query(statement);
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {});
    throw error;
  } finally {
    client.release();
  }
}

/**
 * Connects to PostgreSQL at `url` (`postgres://user@host:port/db`), creates the tables if needed
 * and resolves with a store that behaves exactly like the SQLite one. A batch is one transaction.
 */
export async function openPostgresStore(url, { max = 10 } = {}) {
  const pool = new pg.Pool({ connectionString: url, max });
  try {
    await createSchema(pool);
  } catch (error) {
    await pool.end();
    throw error;
  }
  const insertAlert = numbered(INSERT_ALERT);
  const insertRows = async (client, list, toRow, sqlFor, receivedAt, sample) => {
    const fresh = new Set();
    for (let i = 0; i < list.length; i += CHUNK) {
      const chunk = list.slice(i, i + CHUNK);
      const { rows } = await client.query(
        numbered(sqlFor(chunk.length)),
        chunk.flatMap((item) => toRow(item, receivedAt, sample)),
      );
      for (const row of rows) fresh.add(row.id);
    }
    return fresh;
  };

  async function insertOnce({ answers = [], events = [], sample = false, alert }) {
    const receivedAt = new Date().toISOString();
    const client = await pool.connect();
    try {
      await client.query('BEGIN');
      const sorted = [...answers].sort(byId);
      const fresh = await insertRows(client, sorted, answerRow, insertAnswersSql, receivedAt, sample);
      const freshEvents = await insertRows(client, [...events].sort(byId), eventRow, insertEventsSql, receivedAt, sample);
      let alerts = 0;
      for (const answer of sorted) {
        const body = fresh.has(answer.id) && alert?.(answer);
        if (body) alerts += (await client.query(insertAlert, [answer.id, receivedAt, JSON.stringify(body)])).rowCount ?? 0;
      }
      await client.query('COMMIT');
      return { answers: fresh.size, events: freshEvents.size, ...(alerts ? { alerts } : {}) };
    } catch (error) {
      await client.query('ROLLBACK').catch(() => {});
      throw error;
    } finally {
      client.release();
    }
  }

  return {
    kind: 'postgres',
    /** Stores a validated batch in one transaction (retried on a serialisation failure or deadlock). */
    async insert(batch) {
      for (let attempt = 1; ; attempt++) {
        try {
          return await insertOnce(batch);
        } catch (error) {
          if (attempt >= 3 || !['40001', '40P01'].includes(error?.code)) throw error;
        }
      }
    },
    ...createQueries({
      all: async (sql, params) => (await pool.query(numbered(sql), params)).rows,
      run: async (sql, params) => (await pool.query(numbered(sql), params)).rowCount ?? 0,
    }),
    async close() {
      await pool.end();
    },
  };
}
