// SPDX-License-Identifier: MIT
import { afterEach, describe, expect, it } from 'vitest';
import { makeAnswer } from '../endpoints/fixtures.js';
import { toPostHog } from './posthog.mjs';
import { toSegment } from './segment.mjs';
import { toSlack } from './slack.mjs';
import { deliver, startPostHog, startSegment, startSlack, type Target } from './targets.js';

const answers = [makeAnswer(1), makeAnswer(2), makeAnswer(3, { value: 'Too slow', question: { type: 'choice', text: 'What held you up?' } })];
let target: Target<Record<string, any>> | undefined;
afterEach(async () => {
  await target?.close();
  target = undefined;
});

describe('toSegment', () => {
  it('delivers one track event per answer when the batch is posted to /v1/batch', async () => {
    target = await startSegment('wk_test');
    const result = toSegment({ writeKey: 'wk_test', url: `${target.url}/v1/batch` })(answers);
    expect(await deliver(result)).toBe(200);
    expect(target.stored.map((m) => [m['event'], m['messageId'], m['anonymousId']])).toEqual(answers.map((a) => ['Survey Answered', a.id, a.visitorId]));
    expect(target.stored[0]!['properties']).toMatchObject({ orderId: 'A-1001', surveyId: 'post-purchase-nps', moment: 'purchase', value: 1, comment: 'Fast delivery' });
    expect(target.stored[0]!['timestamp']).toBe(answers[0]!.answeredAt);
  });

  it('is stored once by Segment when the SDK posts the same batch again', async () => {
    target = await startSegment('wk_test');
    const transform = toSegment({ writeKey: 'wk_test', url: `${target.url}/v1/batch` });
    await deliver(transform(answers));
    await deliver(transform(answers));
    expect(target.requests).toBe(2);
    expect(target.stored).toHaveLength(3);
  });

  it('sends userId when the host maps an answer to its own user', async () => {
    target = await startSegment('wk_test');
    await deliver(toSegment({ writeKey: 'wk_test', url: `${target.url}/v1/batch`, userId: () => 'user-42' })(answers.slice(0, 1)));
    expect(target.stored[0]).toMatchObject({ userId: 'user-42', anonymousId: answers[0]!.visitorId });
  });

  it('is refused by the stand-in when the write key is wrong', async () => {
    target = await startSegment('wk_test');
    expect(await deliver(toSegment({ writeKey: 'wk_other', url: `${target.url}/v1/batch` })(answers))).toBe(401);
    expect(target.stored).toHaveLength(0);
  });
});

describe('toPostHog', () => {
  it('delivers one event per answer when the batch is posted to /batch/', async () => {
    target = await startPostHog('phc_test');
    expect(await deliver(toPostHog({ apiKey: 'phc_test', host: target.url })(answers))).toBe(200);
    expect(target.stored.map((e) => [e['event'], e['uuid'], e['properties']['distinct_id']])).toEqual(answers.map((a) => ['survey answered', a.id, a.visitorId]));
    expect(target.stored[2]!['properties']).toMatchObject({ $process_person_profile: false, question_type: 'choice', value: 'Too slow', orderId: 'A-1003' });
  });

  it('is recognised as a repeat by PostHog when the SDK posts the same batch again', async () => {
    target = await startPostHog('phc_test');
    const transform = toPostHog({ apiKey: 'phc_test', host: `${target.url}/` });
    await deliver(transform(answers));
    await deliver(transform(answers));
    expect(target.stored).toHaveLength(3);
  });

  it('omits uuid when an answer id is not a UUID', async () => {
    target = await startPostHog('phc_test');
    expect(await deliver(toPostHog({ apiKey: 'phc_test', host: target.url })([makeAnswer(1, { id: 'order-A-1001' })]))).toBe(200);
    expect(target.stored[0]).not.toHaveProperty('uuid');
    expect(target.stored[0]!['properties']['answer_id']).toBe('order-A-1001');
  });

  it('uses the host user id and builds a person profile when distinctId returns one', async () => {
    target = await startPostHog('phc_test');
    await deliver(toPostHog({ apiKey: 'phc_test', host: target.url, distinctId: () => 'user-42' })(answers.slice(0, 1)));
    expect(target.stored[0]!['properties']['distinct_id']).toBe('user-42');
    expect(target.stored[0]!['properties']).not.toHaveProperty('$process_person_profile');
  });
});

describe('toSlack', () => {
  it('posts one message with a section per answer when the webhook is called', async () => {
    target = await startSlack();
    const result = toSlack({ webhookUrl: `${target.url}/services/T0000/B0000/XXXXXXXXXXXXXXXXXXXXXXXX` })(answers);
    expect(await deliver(result)).toBe(200);
    const [message] = target.stored;
    expect(message!['blocks'].filter((b: { type: string }) => b.type === 'section')).toHaveLength(3);
    expect(message!['blocks'][1].text.text).toContain('*NPS 1* · purchase · post-purchase-nps');
    expect(message!['blocks'][1].text.text).toContain('orderId: A-1001');
    expect(message!['text']).toContain('purchase nps 1');
  });

  it('escapes a comment when it holds Slack control sequences', async () => {
    target = await startSlack();
    const result = toSlack({ webhookUrl: `${target.url}/services/T0000/B0000/XXXXXXXXXXXXXXXXXXXXXXXX` })([makeAnswer(1, { comment: '<!channel> see <https://evil.example|your order>' })]);
    await deliver(result);
    const text: string = target.stored[0]!['blocks'][1].text.text;
    expect(text).toContain('&lt;!channel&gt; see &lt;https://evil.example|your order&gt;');
    expect(text).not.toContain('<!channel>');
  });

  it('stays within 50 blocks when a batch has more answers than fit', async () => {
    target = await startSlack();
    const many = Array.from({ length: 60 }, (_, i) => makeAnswer(i));
    expect(await deliver(toSlack({ webhookUrl: `${target.url}/services/T0000/B0000/XXXXXXXXXXXXXXXXXXXXXXXX` })(many))).toBe(200);
    const blocks = target.stored[0]!['blocks'];
    expect(blocks).toHaveLength(50);
    expect(blocks[49].elements[0].text).toBe('…and 12 more');
  });

  it('is refused by the stand-in when the webhook path is wrong', async () => {
    target = await startSlack();
    expect(await deliver(toSlack({ webhookUrl: `${target.url}/services/T0000/B0000/other` })(answers))).toBe(404);
  });
});
