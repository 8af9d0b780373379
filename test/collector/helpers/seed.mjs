// SPDX-License-Identifier: MIT
// Bulk set-up for the collector tests, in plain JS (the drivers ship no types).
import Database from 'better-sqlite3';
import pg from 'pg';

/**
 * Writes `rows` answers into the SQLite file `file` (whose schema the collector made), generated
 * inside SQLite: seconds faster than as many JSON.stringify + INSERT round trips. Each body is a
 * full answer as the SDK sends it, answered at `at`.
 * @param {string} file
 * @param {number} rows
 * @param {string} at
 */
export function seedSqliteAnswers(file, rows, at) {
  const db = new Database(file);
  db.prepare(
    `WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < ? - 1)
     INSERT INTO answers (id, survey_id, moment, question_type, value_num, answered_at, received_at, sample, body, visitor_id, known)
     SELECT 'big-' || i, 'purchase-nps', 'purchase', 'nps', i % 11, ?, ?, 0, json_object(
       'id', 'big-' || i, 'surveyId', 'purchase-nps', 'moment', 'purchase',
       'question', json_object('type', 'nps', 'text', 'How likely are you to recommend us to a friend?'),
       'value', i % 11, 'comment', CASE WHEN i % 4 = 0 THEN 'Fast delivery, lovely beans, would buy again' END,
       'context', json_object('orderId', 'A-' || i, 'carrier', 'Parcelon'),
       'visitorId', 'visitor-' || (i % 5000) || '-0b7e4a2c-6a61-4d1b-8f5e', 'url', 'https://shop.example/checkout/thank-you',
       'locale', 'en-GB', 'answeredAt', ?, 'sdk', json_object('name', 'moments', 'version', '0.1.0')), 'visitor-' || (i % 5000), 0
     FROM n`,
  ).run(rows, at, at, at);
  db.close();
}

/**
 * Runs one SQL statement on the PostgreSQL database at `url`.
 * @param {string} url
 * @param {string} sql
 */
export async function runPostgres(url, sql) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/**
 * Runs SQL statements on the SQLite file `file`.
 * @param {string} file
 * @param {string} sql
 */
export function runSqlite(file, sql) {
  const db = new Database(file);
  db.exec(sql);
  db.close();
}
