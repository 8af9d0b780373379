import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { cloudEventsFormat, idempotencyKey, jsonFormat } from '../../src/deliver/formats.js';
import type { LifecycleEvent } from '../../src/types.js';
import { answer } from './fakes.js';

const schema = JSON.parse(readFileSync(join(process.cwd(), 'test/fixtures/cloudevents-1.0.schema.json'), 'utf8')) as object;

const shownEvent: LifecycleEvent = {
  id: 'e1',
  kind: 'shown',
  surveyId: 's',
  moment: 'purchase',
  context: { orderId: 'A-1' },
  at: '2026-11-25T12:00:00.000Z',
};

describe('jsonFormat', () => {
  it('wraps answers as {"answers": [...]}', () => {
    const payload = jsonFormat([answer('a1')], []) as { body: string; headers?: unknown };
    expect(JSON.parse(payload.body)).toEqual({ answers: [answer('a1')] });
    expect(payload.headers).toBeUndefined();
  });

  it('adds "events" when lifecycle events are in the batch', () => {
    const payload = jsonFormat([answer('a1')], [shownEvent]) as { body: string };
    expect(JSON.parse(payload.body)).toEqual({ answers: [answer('a1')], events: [shownEvent] });
  });
});

describe('cloudEventsFormat', () => {
  const ajv = new Ajv({ strict: false });
  addFormats(ajv);
  const validate = ajv.compile(schema);

  it('emits lifecycle events as moments.shown / moments.dismissed CloudEvents that validate too', () => {
    const payload = cloudEventsFormat([answer('a1')], [shownEvent]) as { body: string };
    const events = JSON.parse(payload.body) as Array<Record<string, unknown>>;
    expect(events.map((e) => [e['type'], e['id']])).toEqual([
      ['moments.answer', 'a1'],
      ['moments.shown', 'e1'],
    ]);
    for (const event of events) expect(validate(event), JSON.stringify(validate.errors)).toBe(true);
    expect(events[1]).toMatchObject({ subject: 's', time: shownEvent.at, data: shownEvent });
  });

  it('emits one CloudEvent 1.0 per answer that validates against the spec schema', () => {
    const payload = cloudEventsFormat([answer('a1'), answer('a2', { url: '' })], []) as { body: string; headers: Record<string, string> };
    expect(payload.headers['content-type']).toBe('application/cloudevents-batch+json');
    const events = JSON.parse(payload.body) as Array<Record<string, unknown>>;
    expect(events).toHaveLength(2);
    for (const event of events) expect(validate(event), JSON.stringify(validate.errors)).toBe(true);
    expect(events[0]).toMatchObject({
      specversion: '1.0',
      id: 'a1',
      source: 'https://shop.test/thanks',
      type: 'moments.answer',
      data: answer('a1'),
    });
    expect(events[1]!['source']).toBe('urn:moments');
  });
});

describe('idempotencyKey', () => {
  it('is the same for the same ids and differs when any id differs', () => {
    expect(idempotencyKey(['a', 'b'])).toBe(idempotencyKey(['a', 'b']));
    expect(idempotencyKey(['a', 'b'])).not.toBe(idempotencyKey(['a', 'c']));
    expect(idempotencyKey(['a', 'b'])).not.toBe(idempotencyKey(['a', 'b', 'c']));
    expect(idempotencyKey(['a', 'b'])).toMatch(/^[\x21-\x7e]+$/);
  });
});
