// SPDX-License-Identifier: MIT
import { SDK } from '../shared/version.js';
import type { Answer, AnswerValue, MomentsConfig, Survey, Trigger } from '../types.js';
import type { PageFacts } from './eligibility/page.js';

/** What makes an answer besides the shopper's value. */
export interface AnswerFacts {
  id: string;
  survey: Survey;
  trigger: Trigger;
  visitorId: string;
  page: PageFacts;
  /** Epoch milliseconds. */
  now: number;
  config: Pick<MomentsConfig, 'fullUrl'>;
}

/**
 * The Answer as it is stored and delivered: the page's origin and path only unless the config
 * opts in (`fullUrl`: queries often hold tokens or e-mail addresses), the page's one locale,
 * and the survey's priority so the endpoint can weigh critical moments.
 */
export function makeAnswer(value: AnswerValue, comment: string | undefined, facts: AnswerFacts): Answer {
  const { survey, trigger, page } = facts;
  return {
    id: facts.id,
    surveyId: survey.id,
    moment: trigger.moment,
    question: { type: survey.question.type, text: survey.question.text },
    value,
    ...(comment ? { comment } : {}),
    context: trigger.context,
    visitorId: facts.visitorId,
    url: page.url(facts.config.fullUrl === true),
    locale: page.language,
    answeredAt: new Date(facts.now).toISOString(),
    sdk: { ...SDK },
    priority: survey.priority ?? 'encounter',
  };
}
