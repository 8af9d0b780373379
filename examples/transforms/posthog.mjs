// SPDX-License-Identifier: MIT
/**
 * Moments answers → PostHog's capture API (`POST /batch/`), one event per answer.
 *
 *   import { toPostHog } from './posthog.mjs';
 *   createMoments({ endpoint: 'https://us.i.posthog.com/batch/', transform: toPostHog({ apiKey: 'phc_…' }), surveys }, { show });
 *
 * Each event's `uuid` is the answer id (a UUID), which PostHog uses to recognise a repeated
 * event. The project API key is write-only and meant for browsers.
 */

/** PostHog Cloud US; EU Cloud is `https://eu.i.posthog.com`, or your self-hosted domain. */
export const POSTHOG_HOST = 'https://us.i.posthog.com';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * @typedef {import('@moments/core').Answer} Answer
 * @typedef {import('./segment.mjs').TransformResult} TransformResult
 */

/**
 * Creates the transform. `event` names the event (default `survey answered`); `distinctId` may
 * return your own user id for an answer, otherwise the anonymous `visitorId` is used and the
 * event is marked `$process_person_profile: false` so it creates no person profile.
 * @param {{ apiKey: string, host?: string, event?: string, distinctId?: (answer: Answer) => string | undefined }} options
 * @returns {(answers: Answer[]) => TransformResult}
 */
export function toPostHog({ apiKey, host = POSTHOG_HOST, event = 'survey answered', distinctId }) {
  const url = `${host.replace(/\/+$/, '')}/batch/`;
  return (answers) => ({
    url,
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ api_key: apiKey, batch: answers.map((answer) => toEvent(answer, event, distinctId?.(answer))) }),
  });
}

/**
 * @param {Answer} answer
 * @param {string} event
 * @param {string | undefined} userId
 */
function toEvent(answer, event, userId) {
  return {
    event,
    // An id that is not a UUID (a custom `id`) would make PostHog reject the event: leave it out.
    ...(UUID.test(answer.id) ? { uuid: answer.id } : {}),
    timestamp: answer.answeredAt,
    properties: {
      distinct_id: userId ?? answer.visitorId,
      ...(userId ? {} : { $process_person_profile: false }),
      ...answer.context,
      answer_id: answer.id,
      survey_id: answer.surveyId,
      moment: answer.moment,
      question_type: answer.question.type,
      question: answer.question.text,
      value: answer.value,
      ...(answer.comment === undefined ? {} : { comment: answer.comment }),
      $current_url: answer.url,
      locale: answer.locale,
    },
  };
}
