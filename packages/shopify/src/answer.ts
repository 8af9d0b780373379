// SPDX-License-Identifier: MIT
import { SDK, type Answer, type AnswerValue, type Survey } from '@moments/core/internal';

export interface AnswerFacts {
  survey: Survey;
  /** The moment that fired (a survey may ask at several). */
  moment: string;
  value: AnswerValue;
  orderId: string;
  visitorId: string;
  /** The shop's storefront URL: an order page has no URL of its own the extension can read. */
  url: string;
  locale: string;
  id: string;
  now?: Date;
}

/**
 * The same `Answer` `moments.js` posts (same fields, a random id chosen once and kept with the
 * pending answer, so retries carry it), with the order id as context.
 */
export function createAnswer({ survey, moment, value, orderId, visitorId, url, locale, id, now = new Date() }: AnswerFacts): Answer {
  return {
    id,
    surveyId: survey.id,
    moment,
    question: { type: survey.question.type, text: survey.question.text },
    value,
    context: { orderId },
    visitorId,
    url,
    locale,
    answeredAt: now.toISOString(),
    sdk: { ...SDK },
    priority: survey.priority ?? 'encounter',
  };
}
