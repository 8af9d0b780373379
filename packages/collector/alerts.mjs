// SPDX-License-Identifier: MIT
// Close the loop: a Slack-compatible message (`{"text": …}`, which Slack, Mattermost, Rocket.Chat
// and most chat webhooks accept) for each unhappy answer at a critical moment. The alert is
// written to the store in the answer's own transaction (so it exists at most once per answer id,
// across restarts and collectors) and sent later by a background loop, never on the ingest path.
import { isUnhappy } from './results/metrics.mjs';

const MAX_ATTEMPTS = 8;
const LEASE_MS = 60_000;

/** Retry n waits 2ⁿ s (at most an hour), with jitter so many collectors do not retry in step. */
export const defaultBackoff = (attempt) => Math.min(3_600_000, 1000 * 2 ** attempt) * (0.5 + Math.random() / 2);

/**
 * The alert for `answer`, or undefined when it needs none: it must be unhappy by its type's rule
 * and at a critical moment (the answer's `priority`, or a `--surveys` entry marked critical).
 */
export function alertFor(answer, registry) {
  const critical = answer.priority === 'critical' || registry.priorityOf(answer.moment) === 'critical';
  if (!critical || !isUnhappy(answer.question.type, answer.value, registry.survey(answer.surveyId))) return undefined;
  const context = Object.entries(answer.context ?? {})
    .map(([k, v]) => `${k}=${v}`)
    .join(', ');
  const lines = [
    `:rotating_light: Unhappy answer at critical moment *${answer.moment}*: ${answer.question.type} ${JSON.stringify(answer.value)} (${answer.surveyId})`,
    answer.comment ? `> ${answer.comment.replace(/\n/g, '\n> ')}` : undefined,
    context ? `Context: ${context}` : undefined,
  ].filter(Boolean);
  return {
    text: lines.join('\n'),
    answerId: answer.id,
    moment: answer.moment,
    value: answer.value,
    comment: answer.comment,
    context: answer.context,
  };
}

/**
 * Sends due alerts to `url` every `intervalMs` (and soon after `kick()`). A failed post (network
 * error or non-2xx) is retried with `backoff(attempt)` up to 8 attempts, then given up and logged.
 */
export function createAlerter({ store, url, log = {}, intervalMs = 5_000, backoff = defaultBackoff, timeoutMs = 10_000 }) {
  let running;
  let timer;
  let stopped = false;
  const stopping = new AbortController(); // stop() cancels a post in flight

  async function sendOne(alert) {
    const now = Date.now();
    if (!(await store.claimAlert(alert.answer_id, alert.next_at, new Date(now + LEASE_MS).toISOString()))) return;
    const { answerId: _id, ...message } = JSON.parse(alert.body);
    let ok;
    try {
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(message),
        signal: AbortSignal.any([AbortSignal.timeout(timeoutMs), stopping.signal]),
      });
      ok = response.ok;
      await response.body?.cancel();
    } catch {
      ok = false;
    }
    if (stopped) return; // the lease runs out, and another collector (or the next start) retries
    const attempts = alert.attempts + 1;
    const at = new Date().toISOString();
    if (ok) return store.finishAlert(alert.answer_id, { sent: true, attempts, at });
    if (attempts >= MAX_ATTEMPTS) {
      log.error?.(`alerts: gave up on an alert after ${attempts} attempts`);
      return store.finishAlert(alert.answer_id, { failed: true, attempts, at });
    }
    await store.finishAlert(alert.answer_id, { attempts, nextAt: new Date(Date.now() + backoff(attempts)).toISOString() });
  }

  /** Sends every alert due now; resolves when done. Never rejects. */
  async function runOnce() {
    if (running) return running;
    running = (async () => {
      try {
        for (const alert of await store.dueAlerts(new Date().toISOString())) await sendOne(alert);
      } catch (error) {
        if (!stopped) log.error?.(`alerts: ${error.message}`);
      }
    })().finally(() => (running = undefined));
    return running;
  }

  return {
    start() {
      timer = setInterval(runOnce, intervalMs);
      timer.unref();
    },
    /** New alerts were stored: send them soon, off the request's path. */
    kick: () => void setImmediate(runOnce),
    runOnce,
    async stop() {
      stopped = true;
      clearInterval(timer);
      stopping.abort();
      await running;
    },
  };
}
