// SPDX-License-Identifier: MIT
// The store methods that are the same SQL on SQLite and PostgreSQL, over two small callbacks:
// `all(sql, params)` → rows and `run(sql, params)` → changed row count (both may be async).
import { answerPageSql, COUNTS_SQL, eventCountsSql, latestSql, numbers, storedAnswer } from './sql.mjs';

/** Builds the shared read, erase, retention and alert-outbox methods of a store. */
export function createQueries({ all, run }) {
  return {
    /** Up to `limit` answer rows with `seq > after`, oldest first: `{seq, body, sample, device, known}`. */
    async answerPage({ after = 0, includeSample = true, from, to, limit = 1000 } = {}) {
      const { sql, params } = answerPageSql({ includeSample, from, to, limit });
      return numbers(await all(sql, [after, ...params]), ['seq', 'sample', 'known']);
    },
    /** `{moment, kind, priority, n}` for lifecycle events within `[from, to)`. */
    async eventCounts({ from, to, includeSample = true }) {
      return numbers(await all(eventCountsSql(includeSample), [from, to]), ['n']);
    },
    /** Stored answers, oldest first; with `limit`, the newest `limit`, newest first. */
    async answers({ includeSample = true, limit } = {}) {
      if (limit) return (await all(latestSql(includeSample, limit), [])).map(storedAnswer);
      const out = [];
      for (let after = 0; ;) {
        const page = await this.answerPage({ after, includeSample, limit: 5000 });
        if (page.length === 0) return out;
        for (const row of page) out.push(storedAnswer(row));
        after = page.at(-1).seq;
      }
    },
    async counts() {
      return numbers(await all(COUNTS_SQL, []), ['answers', 'events', 'sample'])[0];
    },
    /** The right to erasure: deletes a visitor's answers, their alerts and events. */
    async eraseVisitor(visitorId) {
      await run('DELETE FROM alerts WHERE answer_id IN (SELECT id FROM answers WHERE visitor_id = ?)', [visitorId]);
      const answers = await run('DELETE FROM answers WHERE visitor_id = ?', [visitorId]);
      const events = await run('DELETE FROM events WHERE visitor_id = ?', [visitorId]);
      return { answers, events };
    },
    /** Retention: deletes answers answered and events that happened before `before` (ISO time). */
    async deleteBefore(before) {
      await run('DELETE FROM alerts WHERE answer_id IN (SELECT id FROM answers WHERE answered_at < ?)', [before]);
      const answers = await run('DELETE FROM answers WHERE answered_at < ?', [before]);
      const events = await run('DELETE FROM events WHERE at < ?', [before]);
      return { answers, events };
    },
    /** Alerts not yet sent (nor given up) that are due at `now`. */
    async dueAlerts(now, limit = 20) {
      return numbers(
        await all(
          `SELECT answer_id, attempts, next_at, body FROM alerts WHERE sent_at IS NULL AND failed_at IS NULL AND next_at <= ? ORDER BY next_at LIMIT ${Number(limit)}`,
          [now],
        ),
        ['attempts'],
      );
    },
    /** Takes an alert for `until` (a lease): true for exactly one of several collectors. */
    async claimAlert(answerId, seenNextAt, until) {
      return (
        (await run('UPDATE alerts SET next_at = ? WHERE answer_id = ? AND next_at = ? AND sent_at IS NULL', [
          until,
          answerId,
          seenNextAt,
        ])) === 1
      );
    },
    /** Records an attempt: `sent`, or the next try at `nextAt`, or given up (`failed`). */
    async finishAlert(answerId, { sent, failed, attempts, nextAt, at }) {
      if (sent) return void (await run('UPDATE alerts SET sent_at = ?, attempts = ? WHERE answer_id = ?', [at, attempts, answerId]));
      if (failed) return void (await run('UPDATE alerts SET failed_at = ?, attempts = ? WHERE answer_id = ?', [at, attempts, answerId]));
      await run('UPDATE alerts SET next_at = ?, attempts = ? WHERE answer_id = ?', [nextAt, attempts, answerId]);
    },
    /** `{answer_id, attempts, sent_at, failed_at}` of every alert (tests and /health). */
    async alerts() {
      return numbers(await all('SELECT answer_id, attempts, sent_at, failed_at FROM alerts ORDER BY answer_id', []), ['attempts']);
    },
  };
}
