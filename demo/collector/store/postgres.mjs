// SPDX-License-Identifier: MIT
// For users who outgrow one file: the same schema and queries on PostgreSQL, given a URL.
import pg from 'pg';
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

/** `?` placeholders → `$1, $2, …`. */
const numbered = (sql) => {
  let i = 0;
  return sql.replace(/\?/g, () => `$${++i}`);
};

/**
 * Connects to PostgreSQL at `url` (`postgres://user@host:port/db`), creates the tables if needed
 * and resolves with a store that behaves exactly like the SQLite one. A batch is one transaction.
 */
export async function openPostgresStore(url, { max = 10 } = {}) {
  const pool = new pg.Pool({ connectionString: url, max });
  for (const statement of schemaSql('BIGSERIAL PRIMARY KEY')) await pool.query(statement);
  const insertAnswer = numbered(INSERT_ANSWER);
  const insertEvent = numbered(INSERT_EVENT);
  const all = async (sql) => (await pool.query(sql)).rows;

  return {
    kind: 'postgres',
    async insert({ answers = [], events = [], sample = false }) {
      const receivedAt = new Date().toISOString();
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        let storedAnswers = 0;
        let storedEvents = 0;
        for (const a of answers) storedAnswers += (await client.query(insertAnswer, answerRow(a, receivedAt, sample))).rowCount ?? 0;
        for (const e of events) storedEvents += (await client.query(insertEvent, eventRow(e, receivedAt, sample))).rowCount ?? 0;
        await client.query('COMMIT');
        return { answers: storedAnswers, events: storedEvents };
      } catch (error) {
        await client.query('ROLLBACK').catch(() => {});
        throw error;
      } finally {
        client.release();
      }
    },
    async distribution({ includeSample = true } = {}) {
      return numbers(await all(distributionSql(includeSample)), ['value_num', 'n']);
    },
    async answerCounts({ includeSample = true } = {}) {
      return numbers(await all(answerCountsSql(includeSample)), ['n']);
    },
    async eventCounts({ includeSample = true } = {}) {
      return numbers(await all(eventCountsSql(includeSample)), ['n']);
    },
    async answers({ includeSample = true, limit } = {}) {
      return (await all(answersSql(includeSample, limit))).map((row) => ({ ...JSON.parse(row.body), sample: Number(row.sample) === 1 }));
    },
    async counts() {
      return numbers(await all(COUNTS_SQL), ['answers', 'events', 'sample'])[0];
    },
    async close() {
      await pool.end();
    },
  };
}
