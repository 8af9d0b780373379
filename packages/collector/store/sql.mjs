// SPDX-License-Identifier: MIT
// One schema and one set of queries for SQLite and PostgreSQL. Statements are written with `?`
// placeholders; the PostgreSQL store numbers them (`$1`…). Times are ISO 8601 UTC text in both,
// so they compare as strings and `substr(answered_at, 1, 10)` is the UTC day everywhere.

/** DDL; `serial` is the dialect's auto-increment key (insertion order, for pages and "latest"). */
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
  // Alerts are remembered per answer id, so each unhappy critical answer is posted at most once.
  `CREATE TABLE IF NOT EXISTS alerts (
    answer_id TEXT PRIMARY KEY,
    attempts INTEGER NOT NULL DEFAULT 0,
    next_at TEXT NOT NULL,
    sent_at TEXT,
    failed_at TEXT,
    body TEXT NOT NULL
  )`,
];

/** Columns added after the first release: added to an older database on open. */
export const ADDED_COLUMNS = [
  ['answers', 'priority', 'TEXT'],
  ['answers', 'visitor_id', 'TEXT'],
  ['answers', 'device', 'TEXT'],
  ['answers', 'known', 'INTEGER NOT NULL DEFAULT 0'],
  ['events', 'priority', 'TEXT'],
  ['events', 'reason', 'TEXT'],
  ['events', 'visitor_id', 'TEXT'],
];

export const INDEXES = [
  'CREATE INDEX IF NOT EXISTS answers_by_time ON answers (answered_at)',
  'CREATE INDEX IF NOT EXISTS answers_by_visitor ON answers (visitor_id)',
  'CREATE INDEX IF NOT EXISTS events_by_time ON events (at, moment, kind)',
  'CREATE INDEX IF NOT EXISTS events_by_visitor ON events (visitor_id)',
  'CREATE INDEX IF NOT EXISTS alerts_due ON alerts (next_at)',
];

const ANSWER_COLUMNS =
  '(id, survey_id, moment, question_type, value_num, answered_at, received_at, sample, body, priority, visitor_id, device, known)';
const EVENT_COLUMNS = '(id, kind, survey_id, moment, at, received_at, sample, body, priority, reason, visitor_id)';
const placeholders = (count) => `(${Array.from({ length: count }, () => '?').join(', ')})`;

/** Dedupe lives in the database: a second copy of an id is silently skipped. */
export const insertAnswersSql = (rows) =>
  `INSERT INTO answers ${ANSWER_COLUMNS} VALUES ${Array.from({ length: rows }, () => placeholders(13)).join(', ')} ON CONFLICT (id) DO NOTHING RETURNING id`;
export const insertEventsSql = (rows) =>
  `INSERT INTO events ${EVENT_COLUMNS} VALUES ${Array.from({ length: rows }, () => placeholders(11)).join(', ')} ON CONFLICT (id) DO NOTHING RETURNING id`;
export const INSERT_ALERT = 'INSERT INTO alerts (answer_id, next_at, body) VALUES (?, ?, ?) ON CONFLICT (answer_id) DO NOTHING';

const sampleFilter = (includeSample) => (includeSample ? '' : ' AND sample = 0');

/** One page of answer rows after `seq`, for streamed exports and summaries (keyset pagination). */
export const answerPageSql = ({ includeSample = true, from, to, limit = 1000 }) => ({
  sql: `SELECT seq, body, sample, device, known FROM answers WHERE seq > ?${sampleFilter(includeSample)}${from ? ' AND answered_at >= ?' : ''}${to ? ' AND answered_at < ?' : ''} ORDER BY seq LIMIT ${Number(limit)}`,
  params: [from, to].filter(Boolean),
});

/** Lifecycle events counted per moment, kind, priority and skip reason within `[from, to)`. */
export const eventCountsSql = (includeSample) =>
  `SELECT moment, kind, priority, reason, count(*) AS n FROM events WHERE at >= ? AND at < ?${sampleFilter(includeSample)} GROUP BY moment, kind, priority, reason`;

/** Stored answer bodies: the newest `limit` first. */
export const latestSql = (includeSample, limit) =>
  `SELECT body, sample FROM answers WHERE 1 = 1${sampleFilter(includeSample)} ORDER BY seq DESC LIMIT ${Number(limit)}`;

/** Totals for the page header and `/health`. */
export const COUNTS_SQL =
  'SELECT (SELECT count(*) FROM answers) AS answers, (SELECT count(*) FROM events) AS events, (SELECT count(*) FROM answers WHERE sample = 1) AS sample';

/** The row values of one answer, in ANSWER_COLUMNS' order. */
export function answerRow(answer, receivedAt, sample) {
  const num = typeof answer.value === 'number' ? answer.value : typeof answer.value === 'boolean' ? Number(answer.value) : null;
  // Stored as UTC so the day of `+02:00` times groups correctly; the body keeps what was sent.
  const answeredAt = new Date(answer.answeredAt).toISOString();
  const { device, known, ...body } = answer;
  return [
    answer.id,
    answer.surveyId,
    answer.moment,
    answer.question.type,
    num,
    answeredAt,
    receivedAt,
    sample ? 1 : 0,
    JSON.stringify(body),
    answer.priority ?? null,
    answer.visitorId ?? null,
    device ?? null,
    known ? 1 : 0,
  ];
}

/** The row values of one lifecycle event, in EVENT_COLUMNS' order. */
export function eventRow(event, receivedAt, sample) {
  return [
    event.id,
    event.kind,
    event.surveyId ?? '',
    event.moment,
    new Date(event.at).toISOString(),
    receivedAt,
    sample ? 1 : 0,
    JSON.stringify(event),
    event.priority ?? null,
    event.reason ?? null,
    event.visitorId ?? null,
  ];
}

/** Rows sorted by id: concurrent writers of the same rows take their locks in one order. */
export const byId = (a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** Store rows → plain objects with numbers (PostgreSQL returns count(*) as a string). */
export function numbers(rows, keys) {
  return rows.map((row) => ({ ...row, ...Object.fromEntries(keys.map((k) => [k, row[k] === null ? null : Number(row[k])])) }));
}

/** A stored row → the answer as exported: its body plus `sample` (and the device it came from). */
export function storedAnswer(row) {
  const answer = JSON.parse(row.body);
  answer.sample = Number(row.sample) === 1;
  if (row.device) answer.device = row.device;
  return answer;
}
