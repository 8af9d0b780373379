// SPDX-License-Identifier: MIT
// The period a results page or `/api/results` covers: `?from=…&to=…` (ISO dates or times, `to`
// exclusive), by default the 28 days up to now. The previous period has the same length.
const DAY = 86_400_000;
/** Longest period a request may ask for. */
export const MAX_DAYS = 366;

/** `{ok: true, from, to, days, previous: {from, to}}` (ISO strings) or `{ok: false, message}`. */
export function parsePeriod(params, now = Date.now(), defaultDays = 28) {
  const read = (key) => {
    const text = params.get(key);
    if (text === null || text === '') return undefined;
    const at = Date.parse(text);
    if (!Number.isFinite(at)) return NaN;
    return key === 'to' && /^\d{4}-\d{2}-\d{2}$/.test(text) ? at + DAY : at;
  };
  const to = read('to') ?? now;
  const from = read('from') ?? to - defaultDays * DAY;
  if (Number.isNaN(to) || Number.isNaN(from)) return { ok: false, message: 'from and to must be ISO 8601 dates or times (2026-11-01)' };
  if (!(from < to)) return { ok: false, message: 'from must be before to' };
  if (to - from > MAX_DAYS * DAY) return { ok: false, message: `a period is at most ${MAX_DAYS} days` };
  const iso = (t) => new Date(t).toISOString();
  return { ok: true, from: iso(from), to: iso(to), days: (to - from) / DAY, previous: { from: iso(from - (to - from)), to: iso(from) } };
}
