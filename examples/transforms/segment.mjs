// SPDX-License-Identifier: MIT
/**
 * Moments answers → Segment's HTTP Tracking API (`POST /v1/batch`), one `track` event per answer.
 *
 *   import { toSegment } from './segment.mjs';
 *   createMoments({ endpoint: SEGMENT_BATCH_URL, transform: toSegment({ writeKey: 'YOUR_WRITE_KEY' }), surveys }, { show });
 *
 * `messageId` is the answer id, so Segment drops the copy when the SDK delivers a batch twice.
 * The write key is a source's public key (analytics.js ships it to every browser); it cannot
 * read data.
 */

/** Segment's batch endpoint (US). EU workspaces use `https://events.eu1.segmentapis.com/v1/batch`. */
export const SEGMENT_BATCH_URL = 'https://api.segment.io/v1/batch';

/**
 * @typedef {import('@moments/core').Answer} Answer
 * @typedef {{ url?: string, headers?: Record<string, string>, body: string }} TransformResult
 */

/**
 * Creates the transform. `event` names the track event (default `Survey Answered`); `userId`
 * may return your own user id for an answer (the anonymous `visitorId` is always sent as
 * `anonymousId`); `url` overrides the endpoint (EU region, a proxy, a test server).
 * @param {{ writeKey: string, event?: string, url?: string, userId?: (answer: Answer) => string | undefined }} options
 * @returns {(answers: Answer[]) => TransformResult}
 */
export function toSegment({ writeKey, event = 'Survey Answered', url = SEGMENT_BATCH_URL, userId }) {
  // Basic auth: the write key is the user name, the password is empty.
  const authorization = `Basic ${btoa(`${writeKey}:`)}`;
  return (answers) => ({
    url,
    headers: { authorization, 'content-type': 'application/json' },
    body: JSON.stringify({ batch: answers.map((answer) => toTrack(answer, event, userId?.(answer))) }),
  });
}

/**
 * @param {Answer} answer
 * @param {string} event
 * @param {string | undefined} userId
 */
function toTrack(answer, event, userId) {
  return {
    type: 'track',
    event,
    messageId: answer.id,
    anonymousId: answer.visitorId,
    ...(userId ? { userId } : {}),
    timestamp: answer.answeredAt,
    // Context keys (orderId…) first, so the answer's own fields win a name clash.
    properties: {
      ...answer.context,
      surveyId: answer.surveyId,
      moment: answer.moment,
      questionType: answer.question.type,
      question: answer.question.text,
      value: answer.value,
      ...(answer.comment === undefined ? {} : { comment: answer.comment }),
    },
    context: { locale: answer.locale, page: { url: answer.url }, library: answer.sdk },
  };
}
