// SPDX-License-Identifier: MIT
import type { Survey, SurveyHandlers, SurveyView } from '@moments/core';
import { loadStrings, resolveLocale } from './locale.js';
import type { MomentsAnswerEvent, MomentSurvey } from './moment-survey/moment-survey.js';
import { defineMomentSurvey, SURVEY_TAG } from './registry.js';
import type { SurveyTheme, UiSurvey } from './survey-types.js';

/** How long the thanks message stays, in milliseconds. */
export const THANKS_MS = 2_500;

/** Page-wide settings from the config, beyond the survey itself. All optional. */
export interface ShowSurveyOptions {
  /** The config's `locale`; default `<html lang>`, then the browser's language. */
  locale?: string;
  /** The config's `theme`; a survey's own `theme` wins. */
  theme?: SurveyTheme;
}

/**
 * Shows a survey as a `<moment-survey>` card and wires it to core: an answer is stored (awaited)
 * before the card says thanks, then the card closes itself after `THANKS_MS`; × or Escape
 * records a dismissal. Loads the shopper's UI strings first (one small chunk; English inline).
 * With `placement: 'inline'` it fills a `<moment-survey>` already in the page (the one whose
 * `data-survey` names this survey, else the first empty one) and falls back to `bottom-right`.
 * Never rejects: a failure to load strings falls back to English.
 */
export async function showSurvey(survey: Survey, handlers: SurveyHandlers, options: ShowSurveyOptions = {}): Promise<SurveyView> {
  defineMomentSurvey();
  const ui = survey as UiSurvey;
  const locale = resolveLocale(options.locale);
  const strings = await loadStrings(locale);
  const host = ui.placement === 'inline' ? findInlineHost(ui.id) : undefined;
  const card = host ?? document.createElement(SURVEY_TAG);
  let closeTimer: ReturnType<typeof setTimeout> | undefined;
  let answered = false;
  let closed = false;

  const onAnswer = (event: Event): void => {
    const { value, comment } = (event as MomentsAnswerEvent).detail;
    answered = true;
    handlers.answer(value, comment).then(
      () => {
        if (closed) return;
        card.phase = 'thanks';
        closeTimer = setTimeout(close, THANKS_MS);
      },
      // Core could not store it (it reports why): no thanks for an answer that is not kept.
      close,
    );
  };
  const onDismiss = (): void => {
    if (!answered) handlers.dismiss();
    close();
  };
  function close(): void {
    // Once only: a late timer must not empty an inline host that shows another survey by then.
    if (closed) return;
    closed = true;
    clearTimeout(closeTimer);
    card.removeEventListener('moments:answer', onAnswer);
    card.removeEventListener('moments:dismiss', onDismiss);
    // An inline host belongs to the page: empty it, keep it.
    if (host) card.survey = undefined;
    else card.remove();
    handlers.closed();
  }

  card.addEventListener('moments:answer', onAnswer);
  card.addEventListener('moments:dismiss', onDismiss);
  Object.assign(card, {
    survey: ui,
    strings,
    locale,
    theme: ui.theme ?? options.theme,
    placement: host ? 'inline' : ui.placement === 'inline' ? 'bottom-right' : (ui.placement ?? 'bottom-right'),
  });
  if (!host) document.body.append(card);
  return { close };
}

function findInlineHost(surveyId: string): MomentSurvey | undefined {
  const empty = [...document.querySelectorAll(SURVEY_TAG)].filter((el) => !el.survey);
  return empty.find((el) => el.dataset['survey'] === surveyId) ?? empty.find((el) => !el.dataset['survey']);
}
