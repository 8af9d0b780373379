// SPDX-License-Identifier: MIT
import { describe, expect, it } from 'vitest';
import { toSegment } from './segment.mjs';
import { closeAfterEach, deliver, sampleAnswers, startSegment } from './targets.js';

const answers = sampleAnswers;
const use = closeAfterEach();

describe('toSegment', () => {
  it('delivers one track event per answer when the batch is posted to /v1/batch', async () => {
    const target = use(await startSegment('wk_test'));
    expect(await deliver(toSegment({ writeKey: 'wk_test', url: `${target.url}/v1/batch` }), answers)).toBe(200);
    expect(target.stored.map((m) => [m['event'], m['messageId'], m['anonymousId']])).toEqual(
      answers.map((a) => ['Survey Answered', a.id, a.visitorId]),
    );
    expect(target.stored[0]!['properties']).toMatchObject({
      orderId: 'A-1001',
      surveyId: 'post-purchase-nps',
      moment: 'purchase',
      value: 1,
      comment: 'Fast delivery',
    });
    expect(target.stored[0]!['timestamp']).toBe(answers[0]!.answeredAt);
  });

  it('is stored once by Segment when the SDK posts the same batch again', async () => {
    const target = use(await startSegment('wk_test'));
    const transform = toSegment({ writeKey: 'wk_test', url: `${target.url}/v1/batch` });
    await deliver(transform, answers);
    await deliver(transform, answers);
    expect(target.requests).toBe(2);
    expect(target.stored).toHaveLength(3);
  });

  it('sends userId when the host maps an answer to its own user', async () => {
    const target = use(await startSegment('wk_test'));
    await deliver(toSegment({ writeKey: 'wk_test', url: `${target.url}/v1/batch`, userId: () => 'user-42' }), answers.slice(0, 1));
    expect(target.stored[0]).toMatchObject({ userId: 'user-42', anonymousId: answers[0]!.visitorId });
  });

  it('is refused by the stand-in when the write key is wrong', async () => {
    const target = use(await startSegment('wk_test'));
    expect(await deliver(toSegment({ writeKey: 'wk_other', url: `${target.url}/v1/batch` }), answers)).toBe(401);
    expect(target.stored).toHaveLength(0);
  });
});
