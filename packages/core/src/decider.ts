// SPDX-License-Identifier: MIT
import type { MomentsConfig, Survey } from './config/schema.js';
import { createId } from './id.js';
import type { Runtime } from './runtime.js';
import type { Answer, AnswerValue, Decider, ShowSurvey, SurveyView, Trigger } from './types.js';
import { SDK } from './version.js';

export interface DeciderOptions {
  runtime: Runtime;
  config: MomentsConfig;
  show: ShowSurvey;
}

/**
 * The lazy half of a client: picks the survey for a moment, waits its delay, shows it through
 * the injected UI and turns what the shopper does into a stored answer. One survey at a time.
 */
export function createDecider({ runtime, config, show }: DeciderOptions): Decider {
  let active: { survey: Survey; view?: SurveyView; timer?: ReturnType<typeof setTimeout> } | undefined;

  const open = async (survey: Survey, { moment, context }: Trigger): Promise<void> => {
    const handlers = {
      answer: async (value: AnswerValue, comment?: string) => {
        await runtime.record(buildAnswer({ survey, moment, context, value, comment, config, runtime }));
      },
      dismiss: () => runtime.emit('dismissed', { surveyId: survey.id, moment, context }),
      closed: () => {
        if (active?.survey === survey) active = undefined;
      },
    };
    try {
      const view = await show(survey, handlers);
      if (active?.survey === survey) active.view = view;
      runtime.emit('shown', { surveyId: survey.id, moment, context });
    } catch (error) {
      active = undefined;
      runtime.report('show-failed', `survey "${survey.id}" could not be shown`, String(error));
    }
  };

  return {
    trigger(trigger) {
      const survey = config.surveys.find((s) => matches(s, trigger.moment));
      if (!survey) return runtime.emit('skipped', { ...trigger, reason: 'no-survey' });
      if (active) return runtime.emit('skipped', { ...trigger, reason: 'busy', surveyId: survey.id });
      active = { survey };
      active.timer = setTimeout(() => void open(survey, trigger), survey.delayMs ?? 0);
    },
    destroy() {
      clearTimeout(active?.timer);
      active?.view?.close();
      active = undefined;
    },
  };
}

function matches(survey: Survey, moment: string): boolean {
  return Array.isArray(survey.moment) ? survey.moment.includes(moment) : survey.moment === moment;
}

interface AnswerParts {
  survey: Survey;
  moment: string;
  context: Trigger['context'];
  value: AnswerValue;
  comment: string | undefined;
  config: MomentsConfig;
  runtime: Runtime;
}

function buildAnswer({ survey, moment, context, value, comment, config, runtime }: AnswerParts): Answer {
  const loc = typeof location === 'undefined' ? undefined : location;
  return {
    id: createId(),
    surveyId: survey.id,
    moment,
    question: { type: survey.question.type, text: survey.question.text },
    value,
    ...(comment ? { comment } : {}),
    context,
    visitorId: runtime.visitorId,
    url: loc ? loc.origin + loc.pathname : '',
    locale: config.locale ?? (typeof navigator === 'undefined' ? '' : navigator.language),
    answeredAt: new Date().toISOString(),
    sdk: { ...SDK },
  };
}
