// SPDX-License-Identifier: MIT
// CSV and JSON exports of every stored answer, for the analyst's own tools.

const COLUMNS = [
  'id',
  'answeredAt',
  'moment',
  'surveyId',
  'questionType',
  'value',
  'comment',
  'context',
  'visitorId',
  'url',
  'locale',
  'sample',
];

/** One CSV line per answer (RFC 4180 quoting); `context` is a JSON cell. Starts with a header. */
export function toCsv(answers) {
  const lines = [COLUMNS.join(',')];
  for (const a of answers) {
    const row = [
      a.id,
      a.answeredAt,
      a.moment,
      a.surveyId,
      a.question?.type,
      a.value,
      a.comment,
      JSON.stringify(a.context ?? {}),
      a.visitorId,
      a.url,
      a.locale,
      a.sample ? 1 : 0,
    ];
    lines.push(row.map(cell).join(','));
  }
  return `${lines.join('\r\n')}\r\n`;
}

function cell(value) {
  if (value === undefined || value === null) return '';
  let text = String(value);
  // A leading = + - @ makes spreadsheets run a formula: prefix a quote (OWASP "CSV injection").
  if (/^[=+\-@\t\r]/.test(text) && typeof value !== 'number') text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}
