// SPDX-License-Identifier: MIT
// --alert-url: one Slack-compatible message per unhappy answer at a critical moment, at most once
// per answer id, retried with backoff when the webhook fails, and never on the ingest path.
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startCollector, type RunningCollector } from '@moments/collector';
import { makeAnswer, post } from './fixtures.js';

let webhook: Server | undefined;
let running: RunningCollector | undefined;
afterEach(async () => {
  await running?.close();
  webhook?.closeAllConnections();
  await new Promise((resolve) => (webhook ? webhook.close(resolve) : resolve(undefined)));
  webhook = undefined;
});

/** A webhook that answers with the next status of `statuses` (then 200) and records what it got. */
async function startWebhook(statuses: (number | 'hang')[]) {
  const received: { text: string; answerId?: string }[] = [];
  webhook = createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      const status = statuses.shift() ?? 200;
      if (status === 'hang') return; // never answers
      if (status === 200) received.push(JSON.parse(body));
      res.writeHead(status).end();
    });
  });
  await new Promise<void>((resolve) => webhook!.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(webhook.address() as { port: number }).port}/hook`, received };
}

const critical = (value: number, extra: Record<string, unknown> = {}) =>
  makeAnswer({
    moment: 'delivery',
    surveyId: 'delivery-csat',
    question: { type: 'csat', text: 'How was the delivery?' },
    value,
    priority: 'critical',
    ...extra,
  });

describe('alerts', () => {
  it('posts one message per unhappy critical answer, retrying after a failure, never twice', async () => {
    const hook = await startWebhook([500, 503]);
    running = await startCollector({ alertUrl: hook.url, alerts: { intervalMs: 30, backoff: () => 20 } });
    const unhappy = critical(1, { comment: 'Box crushed', context: { orderId: 'A-7', carrier: 'SwiftPost' } });
    const batch = { answers: [unhappy, critical(5), critical(2, { priority: 'encounter' })] };
    expect((await post(running.url, batch)).status).toBe(200);
    expect((await post(running.url, batch)).status).toBe(200); // the SDK's retry: same ids

    await expect.poll(() => hook.received.length, { timeout: 5_000 }).toBe(1);
    await new Promise((resolve) => setTimeout(resolve, 200)); // time for a wrong second send
    expect(hook.received).toHaveLength(1);
    const [message] = hook.received;
    expect(message!.text).toContain('critical moment *delivery*: csat 1');
    expect(message!.text).toContain('> Box crushed');
    expect(message!.text).toContain('Context: orderId=A-7, carrier=SwiftPost');
    expect(message).not.toHaveProperty('answerId');
    expect(await running.store.alerts()).toEqual([{ answer_id: unhappy['id'], attempts: 3, sent_at: expect.any(String), failed_at: null }]);
  });

  it('remembers sent alerts in the store: a restarted collector does not send them again', async () => {
    const hook = await startWebhook([]);
    const database = join(mkdtempSync(join(tmpdir(), 'moments-alerts-')), 'alerts.db');
    const options = { database, alertUrl: hook.url, alerts: { intervalMs: 30, backoff: () => 20 } };
    running = await startCollector(options);
    const unhappy = critical(1);
    await post(running.url, { answers: [unhappy] });
    await expect.poll(() => hook.received.length, { timeout: 5_000 }).toBe(1);
    await running.close();
    running = await startCollector(options);
    expect((await post(running.url, { answers: [unhappy] })).body.duplicates?.answers).toBe(1);
    await running.collector.alerter!.runOnce();
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(hook.received).toHaveLength(1);
    rmSync(dirname(database), { recursive: true, force: true });
  });

  it('answers the shopper at once while the webhook hangs', async () => {
    const hook = await startWebhook(['hang']);
    running = await startCollector({ alertUrl: hook.url, alerts: { intervalMs: 30, backoff: () => 20, timeoutMs: 5_000 } });
    const started = performance.now();
    const reply = await post(running.url, { answers: [critical(1)] });
    expect(reply.status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 100)); // the alert is now in flight, hanging
    const second = performance.now();
    expect((await post(running.url, { answers: [critical(1)] })).status).toBe(200);
    expect(performance.now() - second).toBeLessThan(1_000);
    expect(second - started).toBeLessThan(1_500);
  });

  it('gives up after 8 failed attempts and logs it without the answer', async () => {
    const hook = await startWebhook(Array.from({ length: 20 }, () => 500));
    const errors: string[] = [];
    running = await startCollector({
      alertUrl: hook.url,
      alerts: { intervalMs: 10, backoff: () => 0 },
      log: { error: (m) => errors.push(m) },
    });
    const unhappy = critical(1, { comment: 'private words' });
    await post(running.url, { answers: [unhappy] });
    await expect.poll(async () => (await running!.store.alerts())[0]?.failed_at, { timeout: 5_000 }).toEqual(expect.any(String));
    expect((await running.store.alerts())[0]).toMatchObject({ attempts: 8, sent_at: null });
    expect(errors).toEqual(['alerts: gave up on an alert after 8 attempts']);
  });
});
