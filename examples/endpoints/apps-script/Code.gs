// SPDX-License-Identifier: MIT
/**
 * Moments answers → a Google Sheet. Paste into Extensions → Apps Script of the sheet, deploy
 * as a web app (Execute as: Me; Who has access: Anyone) and use its /exec URL as the endpoint,
 * with `"delivery": {"simple": true}` in the Moments config (the default for script.google.com):
 * Apps Script cannot answer a CORS preflight, and a simple text/plain POST needs none. The body
 * then also carries the request's idempotency `key`, which this script does not need.
 *
 * Each answer becomes one row of the "Answers" sheet (lifecycle events go to "Events"), once:
 * a batch that comes again is recognised by the answer ids already in column A.
 */

const ANSWERS_SHEET = 'Answers';
const EVENTS_SHEET = 'Events';
const ANSWER_COLUMNS = [
  'id',
  'answeredAt',
  'surveyId',
  'moment',
  'questionType',
  'question',
  'value',
  'comment',
  'context',
  'visitorId',
  'url',
  'locale',
  'sdk',
  'receivedAt',
];
const EVENT_COLUMNS = ['id', 'at', 'kind', 'surveyId', 'moment', 'context', 'receivedAt'];
/** How long the lock is awaited, in milliseconds: concurrent posts take turns. */
const LOCK_WAIT_MS = 30000;
/** How long stored ids are remembered in CacheService, in seconds (6 h, its maximum). */
const SEEN_TTL_SECONDS = 21600;
/** Longest id accepted, in characters (CacheService keys are capped at 250). */
const MAX_ID_LENGTH = 128;

/** Web app entry point: stores a POSTed `{"answers": [...], "events"?: [...]}`. */
function doPost(e) {
  const parsed = parseBatch_(e && e.postData ? e.postData.contents : '');
  if (!parsed.ok) return reply_({ error: { code: parsed.code, message: parsed.message } });
  const lock = LockService.getScriptLock();
  // Throws after LOCK_WAIT_MS: better no reply than one that says stored when nothing was.
  lock.waitLock(LOCK_WAIT_MS);
  try {
    const receivedAt = new Date().toISOString();
    const result = appendOnce_(ANSWERS_SHEET, ANSWER_COLUMNS, parsed.answers, (a) => answerRow_(a, receivedAt));
    appendOnce_(EVENTS_SHEET, EVENT_COLUMNS, parsed.events, (ev) => eventRow_(ev, receivedAt));
    return reply_(result);
  } finally {
    lock.releaseLock();
  }
}

/** Opening the /exec URL in a browser says whether the deployment works. */
function doGet() {
  return reply_({ ok: true, endpoint: 'moments' });
}

/** Appends the records whose id is not in the sheet yet; returns how many were new. */
function appendOnce_(name, columns, records, toRow) {
  if (records.length === 0) return { stored: 0, duplicates: 0 };
  const sheet = sheet_(name, columns);
  const cache = CacheService.getScriptCache();
  const seen = seenIds_(sheet, cache, name, records);
  const fresh = records.filter((record) => !seen.has(record.id) && seen.add(record.id));
  if (fresh.length > 0) {
    sheet.getRange(sheet.getLastRow() + 1, 1, fresh.length, columns.length).setValues(fresh.map(toRow));
    const remembered = {};
    fresh.forEach((record) => (remembered[name + ':' + record.id] = '1'));
    cache.putAll(remembered, SEEN_TTL_SECONDS);
  }
  return { stored: fresh.length, duplicates: records.length - fresh.length };
}

/**
 * Ids already stored. A retry of a batch just stored is answered from the cache; otherwise
 * column A is read, because the sheet, not the cache, is the truth.
 */
function seenIds_(sheet, cache, name, records) {
  const ids = records.map((record) => record.id);
  const cached = cache.getAll(ids.map((id) => name + ':' + id));
  if (ids.every((id) => cached[name + ':' + id] !== undefined)) return new Set(ids);
  const last = sheet.getLastRow();
  if (last < 2) return new Set();
  return new Set(
    sheet
      .getRange(2, 1, last - 1, 1)
      .getValues()
      .map((row) => String(row[0])),
  );
}

/** The named sheet, created with a frozen header row when it does not exist yet. */
function sheet_(name, columns) {
  const book = SpreadsheetApp.getActiveSpreadsheet();
  let sheet = book.getSheetByName(name);
  if (!sheet) {
    sheet = book.insertSheet(name);
    sheet.appendRow(columns);
    sheet.setFrozenRows(1);
  }
  return sheet;
}

function answerRow_(a, receivedAt) {
  const sdk = a.sdk ? a.sdk.name + '@' + a.sdk.version : '';
  return [
    a.id,
    a.answeredAt,
    a.surveyId,
    a.moment,
    a.question.type,
    a.question.text,
    a.value,
    a.comment,
    json_(a.context),
    a.visitorId,
    a.url,
    a.locale,
    sdk,
    receivedAt,
  ].map(cell_);
}

function eventRow_(ev, receivedAt) {
  return [ev.id, ev.at, ev.kind, ev.surveyId, ev.moment, json_(ev.context), receivedAt].map(cell_);
}

function json_(value) {
  return value === undefined ? '' : JSON.stringify(value);
}

/**
 * A value Sheets stores as typed. Text that starts like a formula (`=`, `+`, `-`, `@`) gets a
 * leading apostrophe, so a shopper's comment can never run as a formula in your sheet.
 */
function cell_(value) {
  if (value === undefined || value === null) return '';
  if (typeof value === 'number' || typeof value === 'boolean') return value;
  const text = String(value);
  return /^[=+\-@\t\r]/.test(text) ? "'" + text : text;
}

/** Checks the batch; `message` names the first problem with its path. */
function parseBatch_(text) {
  let body;
  try {
    body = JSON.parse(text);
  } catch (error) {
    return { ok: false, code: 'invalid-json', message: 'body is not JSON: ' + error.message };
  }
  if (!isObject_(body) || !Array.isArray(body.answers)) return { ok: false, code: 'invalid-batch', message: 'expected {"answers": [...]}' };
  const events = body.events === undefined ? [] : body.events;
  if (!Array.isArray(events)) return { ok: false, code: 'invalid-batch', message: 'events: expected an array' };
  const problem =
    findProblem_(body.answers, 'answers', ['id', 'surveyId', 'moment', 'answeredAt'], answerProblem_) ||
    findProblem_(events, 'events', ['id', 'kind', 'surveyId', 'moment', 'at'], () => '');
  return problem ? { ok: false, code: 'invalid-batch', message: problem } : { ok: true, answers: body.answers, events: events };
}

function findProblem_(items, name, fields, extra) {
  for (let i = 0; i < items.length; i++) {
    const item = items[i];
    if (!isObject_(item)) return name + '[' + i + ']: expected an object';
    const missing = fields.find((field) => typeof item[field] !== 'string' || item[field] === '');
    if (missing) return name + '[' + i + '].' + missing + ': expected a non-empty string';
    if (item.id.length > MAX_ID_LENGTH) return name + '[' + i + '].id: longer than ' + MAX_ID_LENGTH + ' characters';
    const problem = extra(item);
    if (problem) return name + '[' + i + '].' + problem;
  }
  return '';
}

function answerProblem_(a) {
  const q = a.question;
  if (!isObject_(q) || typeof q.type !== 'string' || typeof q.text !== 'string') return 'question: expected {type, text}';
  if (['number', 'string', 'boolean'].indexOf(typeof a.value) < 0) return 'value: expected a number, string or boolean';
  return '';
}

function isObject_(value) {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function reply_(body) {
  return ContentService.createTextOutput(JSON.stringify(body)).setMimeType(ContentService.MimeType.JSON);
}
