// SPDX-License-Identifier: MIT
import type { MomentsConfig, Survey } from '../config/schema.js';
import type { Answer, AnswerValue, Trigger } from '../types.js';
import { SDK } from '../version.js';

export interface AnswerParts {
  survey: Survey;
  trigger: Trigger;
  value: AnswerValue;
  comment: string | undefined;
  config: MomentsConfig;
  visitorId: string;
  /** Origin and path, or the full URL when `config.fullUrl` opts in. */
  url: string;
  /** `navigator.language`, used when the config sets no `locale`. */
  language: string;
  /** Epoch milliseconds. */
  at: number;
  /** The answer's stable id (a fresh v4 UUID). */
  id: string;
}

/** The Answer as it reaches the endpoint, with a fresh stable id. */
export function buildAnswer({ survey, trigger, value, comment, config, visitorId, url, language, at, id }: AnswerParts): Answer {
  return {
    id,
    surveyId: survey.id,
    moment: trigger.moment,
    question: { type: survey.question.type, text: survey.question.text },
    value,
    ...(comment ? { comment } : {}),
    context: trigger.context,
    visitorId,
    url,
    locale: config.locale ?? language,
    answeredAt: new Date(at).toISOString(),
    sdk: { ...SDK },
  };
}
