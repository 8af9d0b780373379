// SPDX-License-Identifier: MIT
// One schema and one set of queries for SQLite and PostgreSQL. Statements are written with `?`
// placeholders; the PostgreSQL store numbers them (`$1`…). Times are ISO 8601 text in both, so
// `substr(answered_at, 1, 10)` is the UTC day everywhere.

/** DDL; `serial` is the dialect's auto-increment key (insertion order, for "latest" lists). */
export const schemaSql = (serial) => [
  `CREATE TABLE IF NOT EXISTS answers (
    seq ${serial},
    id TEXT NOT NULL UNIQUE,
    survey_id TEXT NOT NULL,
    moment TEXT NOT NULL,
    question_type TEXT NOT NULL,
    value_num DOUBLE PRECISION,
    answered_at TEXT NOT NULL,
    received_at TEXT NOT NULL,
    sample INTEGER NOT NULL DEFAULT 0,
    body TEXT NOT NULL
  )`,
  `CREATE TABLE IF NOT EXISTS events (
    seq ${serial},
    id TEXT NOT NULL UNIQUE,
    kind TEXT NOT NULL,
    survey_id TEXT NOT NULL,
    moment TEXT NOT NULL,
    at TEXT NOT NULL,
    received_at TEXT NOT NULL,
    sample INTEGER NOT NULL DEFAULT 0,
    body TEXT NOT NULL
  )`,
  'CREATE INDEX IF NOT EXISTS answers_by_moment ON answers (moment, survey_id)',
  'CREATE INDEX IF NOT EXISTS events_by_moment ON events (moment, survey_id, kind)',
];

/** Dedupe lives in the database: a second copy of an id is silently skipped. */
export const INSERT_ANSWER = `INSERT INTO answers (id, survey_id, moment, question_type, value_num, answered_at, received_at, sample, body)
  VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING`;
/** The same for lifecycle events. */
export const INSERT_EVENT = `INSERT INTO events (id, kind, survey_id, moment, at, received_at, sample, body)
  VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING`;

const where = (includeSample) => (includeSample ? '' : 'WHERE sample = 0');

/** Numeric answers counted per moment, survey, type, value and UTC day: all the stats need. */
export const distributionSql = (
  includeSample,
) => `SELECT moment, survey_id, question_type, value_num, substr(answered_at, 1, 10) AS day, count(*) AS n
  FROM answers ${where(includeSample)} ${includeSample ? 'WHERE' : 'AND'} value_num IS NOT NULL
  GROUP BY moment, survey_id, question_type, value_num, substr(answered_at, 1, 10)`;

/** Every answer (scored or not) counted per moment, survey and question type. */
export const answerCountsSql = (includeSample) => `SELECT moment, survey_id, question_type, count(*) AS n
  FROM answers ${where(includeSample)} GROUP BY moment, survey_id, question_type`;

/** Lifecycle events counted per moment, survey and kind (`shown` gives response rates). */
export const eventCountsSql = (includeSample) => `SELECT moment, survey_id, kind, count(*) AS n
  FROM events ${where(includeSample)} GROUP BY moment, survey_id, kind`;

/** Stored answer bodies: oldest first, or the newest `limit` first. */
export const answersSql = (includeSample, limit) =>
  `SELECT body, sample FROM answers ${where(includeSample)} ORDER BY seq ${limit ? `DESC LIMIT ${Number(limit)}` : 'ASC'}`;

/** Totals for the page header and `/health`. */
export const COUNTS_SQL =
  'SELECT (SELECT count(*) FROM answers) AS answers, (SELECT count(*) FROM events) AS events, (SELECT count(*) FROM answers WHERE sample = 1) AS sample';

/** The row values of one answer, in INSERT_ANSWER's order. */
export function answerRow(answer, receivedAt, sample) {
  const num = typeof answer.value === 'number' ? answer.value : null;
  // Stored as UTC so the day of `+02:00` times groups correctly; the body keeps what was sent.
  const answeredAt = new Date(answer.answeredAt).toISOString();
  return [
    answer.id,
    answer.surveyId,
    answer.moment,
    answer.question.type,
    num,
    answeredAt,
    receivedAt,
    sample ? 1 : 0,
    JSON.stringify(answer),
  ];
}

/** The row values of one lifecycle event, in INSERT_EVENT's order. */
export function eventRow(event, receivedAt, sample) {
  return [
    event.id,
    event.kind,
    event.surveyId,
    event.moment,
    new Date(event.at).toISOString(),
    receivedAt,
    sample ? 1 : 0,
    JSON.stringify(event),
  ];
}

/** Store rows → plain objects with numbers (PostgreSQL returns count(*) as a string). */
export function numbers(rows, keys) {
  return rows.map((row) => ({ ...row, ...Object.fromEntries(keys.map((k) => [k, row[k] === null ? null : Number(row[k])])) }));
}
