// SPDX-License-Identifier: MIT
import { describe, expect, it } from 'vitest';
import { makeAnswer } from '../endpoints/fixtures.js';
import { toPostHog } from './posthog.mjs';
import { closeAfterEach, deliver, sampleAnswers, startPostHog } from './targets.js';

const answers = sampleAnswers;
const use = closeAfterEach();

describe('toPostHog', () => {
  it('delivers one event per answer when the batch is posted to /batch/', async () => {
    const target = use(await startPostHog('phc_test'));
    expect(await deliver(toPostHog({ apiKey: 'phc_test', host: target.url }), answers)).toBe(200);
    expect(target.stored.map((e) => [e['event'], e['uuid'], e['properties']['distinct_id']])).toEqual(
      answers.map((a) => ['survey answered', a.id, a.visitorId]),
    );
    expect(target.stored[2]!['properties']).toMatchObject({
      $process_person_profile: false,
      question_type: 'choice',
      value: 'Too slow',
      orderId: 'A-1003',
    });
  });

  it('is recognised as a repeat by PostHog when the SDK posts the same batch again', async () => {
    const target = use(await startPostHog('phc_test'));
    const transform = toPostHog({ apiKey: 'phc_test', host: `${target.url}/` });
    await deliver(transform, answers);
    await deliver(transform, answers);
    expect(target.stored).toHaveLength(3);
  });

  it('omits uuid when an answer id is not a UUID', async () => {
    const target = use(await startPostHog('phc_test'));
    expect(await deliver(toPostHog({ apiKey: 'phc_test', host: target.url }), [makeAnswer(1, { id: 'order-A-1001' })])).toBe(200);
    expect(target.stored[0]).not.toHaveProperty('uuid');
    expect(target.stored[0]!['properties']['answer_id']).toBe('order-A-1001');
  });

  it('uses the host user id and builds a person profile when distinctId returns one', async () => {
    const target = use(await startPostHog('phc_test'));
    await deliver(toPostHog({ apiKey: 'phc_test', host: target.url, distinctId: () => 'user-42' }), answers.slice(0, 1));
    expect(target.stored[0]!['properties']['distinct_id']).toBe('user-42');
    expect(target.stored[0]!['properties']).not.toHaveProperty('$process_person_profile');
  });
});
