// SPDX-License-Identifier: MIT
import type { MomentsConfig, Survey } from '../config/schema.js';
import type { SkipReason, Trigger } from '../../types.js';
import { matchUrl } from './matchUrl.js';
import type { PageFacts } from './page.js';
import type { DeferredMoment, State } from './state.js';

/** One day in milliseconds. */
export const DAY_MS = 86_400_000;

/** What a rule may read: the visitor's state, the page, the clock and the session count. */
export interface RuleInput {
  survey: Survey;
  trigger: Trigger;
  state: State;
  page: PageFacts;
  /** Epoch milliseconds. */
  now: number;
  /** Surveys shown in this browser session so far. */
  sessionCount: number;
  fatigue: MomentsConfig['fatigue'];
  /** The deferred moment being asked, which must not count against itself (`oncePer`). */
  except?: DeferredMoment | undefined;
}

/**
 * A number in [0, 1) fixed for a visitor and a survey (32-bit FNV-1a of both ids), so a
 * visitor sampled in stays in, and one sampled out stays out, on every visit.
 */
export function sampleBucket(visitorId: string, surveyId: string): number {
  let hash = 0x811c9dc5;
  for (const char of `${visitorId}\u0000${surveyId}`) hash = Math.imul(hash ^ char.charCodeAt(0), 0x01000193);
  return (hash >>> 0) / 2 ** 32;
}

/** The `oncePer` value of a trigger, as text, or undefined when the survey has none or the context lacks it. */
export function oncePerValue(survey: Survey, trigger: Trigger): string | undefined {
  if (!survey.oncePer || !Object.prototype.hasOwnProperty.call(trigger.context, survey.oncePer)) return undefined;
  const value = trigger.context[survey.oncePer];
  return value === null || value === undefined ? undefined : String(value);
}

/**
 * The first reason not to ask this survey now, or undefined when it may be asked. Page
 * filters first (url, device, locale), then the visitor's history: once-per context value,
 * recontact, sticky sampling, fatigue.
 */
export function checkSurvey({ survey, trigger, state, page, now, sessionCount, fatigue, except }: RuleInput): SkipReason | undefined {
  const history = state.surveys.get(survey.id);
  const key = oncePerValue(survey, trigger);
  if (survey.url && !matchUrl(survey.url, page.path)) return 'url';
  if (survey.device && (survey.device === 'mobile') !== page.mobile) return 'device';
  if (survey.locales && !survey.locales.some((tag) => matchesLocale(tag, page.language))) return 'locale';
  if (key !== undefined && (history?.seen?.includes(key) || isDeferred(state, survey.id, survey.oncePer!, key, except))) return 'once-per';
  if (survey.recontactDays && history?.shownAt !== undefined && now - history.shownAt < survey.recontactDays * DAY_MS) return 'recontact';
  if (survey.sample !== undefined && sampleBucket(state.visitorId, survey.id) >= survey.sample) return 'sampled-out';
  if (fatigue?.minDaysBetweenSurveys && state.lastShownAt !== undefined && now - state.lastShownAt < fatigue.minDaysBetweenSurveys * DAY_MS)
    return 'fatigue';
  if (fatigue?.maxPerSession !== undefined && sessionCount >= fatigue.maxPerSession) return 'fatigue';
  return undefined;
}

function isDeferred(state: State, surveyId: string, key: string, value: string, except?: DeferredMoment): boolean {
  return state.deferred.some(
    (d) =>
      d !== except && d.surveyId === surveyId && Object.prototype.hasOwnProperty.call(d.context, key) && String(d.context[key]) === value,
  );
}

/** `en` matches `en`, `en-GB`; `en-GB` matches only `en-GB` (case-insensitive). */
function matchesLocale(tag: string, language: string): boolean {
  const t = tag.toLowerCase();
  const l = language.toLowerCase();
  return l === t || l.startsWith(`${t}-`);
}
