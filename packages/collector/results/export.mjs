// SPDX-License-Identifier: MIT
// CSV and JSON exports of every stored answer, streamed page by page with backpressure: memory
// stays flat however many rows there are, and a slow reader slows the reads instead of growing a buffer.
import { once } from 'node:events';
import { storedAnswer } from '../store/sql.mjs';

const COLUMNS = [
  'id',
  'answeredAt',
  'moment',
  'surveyId',
  'questionType',
  'value',
  'comment',
  'context',
  'priority',
  'visitorId',
  'url',
  'locale',
  'device',
  'sample',
];
/** Starts of a cell a spreadsheet would run as a formula, also after spaces and in full-width forms. */
const FORMULA = /^[\s\u3000]*[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/;

/** One CSV cell (RFC 4180 quoting); text that a spreadsheet would run as a formula gets a leading `'`. */
export function csvCell(value) {
  if (value === undefined || value === null) return '';
  let text = String(value);
  // OWASP "CSV injection": a leading = + - @ (or tab, CR, or the full-width forms) starts a formula.
  if (typeof value !== 'number' && FORMULA.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** The CSV header line. */
export const CSV_HEADER = `${COLUMNS.join(',')}\r\n`;

/** One answer as a CSV line; `context` is a JSON cell. */
export function csvLine(a) {
  const row = [
    a.id,
    a.answeredAt,
    a.moment,
    a.surveyId,
    a.question?.type,
    a.value,
    a.comment,
    JSON.stringify(a.context ?? {}),
    a.priority,
    a.visitorId,
    a.url,
    a.locale,
    a.device,
    a.sample ? 1 : 0,
  ];
  return `${row.map(csvCell).join(',')}\r\n`;
}

/** A stored body (a JSON object) with `device` and `sample` appended, without parsing it. */
function jsonOf(row) {
  const device = row.device ? `,"device":${JSON.stringify(row.device)}` : '';
  return `${row.body.slice(0, -1)}${device},"sample":${Number(row.sample) === 1}}`;
}

/** Writes every answer to `res` (already given its headers) as CSV or JSON; resolves when done. */
export async function streamAnswers(store, res, { format, includeSample = true, pageSize = 500 }) {
  const write = async (chunk) => {
    if (!res.write(chunk)) await Promise.race([once(res, 'drain'), once(res, 'close')]);
  };
  await write(format === 'csv' ? CSV_HEADER : '{"answers":[');
  let first = true;
  for (let after = 0; !res.destroyed;) {
    const page = await store.answerPage({ after, includeSample, limit: pageSize });
    if (page.length === 0) break;
    let chunk = '';
    for (const row of page) {
      chunk += format === 'csv' ? csvLine(storedAnswer(row)) : `${first ? '' : ','}${jsonOf(row)}`;
      first = false;
    }
    await write(chunk);
    after = page.at(-1).seq;
  }
  res.end(format === 'csv' ? '' : ']}');
}
