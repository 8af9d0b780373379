// SPDX-License-Identifier: MIT
import type { Survey, SurveyHandlers, SurveyView } from '@moments/core';
import { loadStrings, resolveLocale } from './locale.js';
import { fixContrast } from './moment-survey/contrast.js';
import { MomentSurvey, type MomentsAnswerEvent } from './moment-survey/moment-survey.js';
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
 * Resolves once the card is in the page and rendered, so a `shown` event means shown. Rejects
 * only when it cannot render (the page's Trusted Types policy blocks Lit's `lit-html` policy:
 * also reported as `trusted-types`); a failure to load strings falls back to English.
 */
export async function showSurvey(survey: Survey, handlers: SurveyHandlers, options: ShowSurveyOptions = {}): Promise<SurveyView> {
  const tag = defineMomentSurvey();
  const report = handlers.report ?? ((code: string, message: string) => console.warn(`[moments] ${code}: ${message}`));
  const ui = survey as UiSurvey;
  const locale = resolveLocale(options.locale);
  const strings = await loadStrings(locale);
  const host = ui.placement === 'inline' ? findInlineHost(ui.id) : undefined;
  const card = host ?? (document.createElement(tag) as MomentSurvey);
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
    takeDown();
    handlers.closed();
  }
  function takeDown(): void {
    closed = true;
    clearTimeout(closeTimer);
    card.removeEventListener('moments:answer', onAnswer);
    card.removeEventListener('moments:dismiss', onDismiss);
    // An inline host belongs to the page: empty it, keep it.
    if (host) card.survey = undefined;
    else card.remove();
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
  try {
    await card.updateComplete;
    if (!card.isConnected || !card.shadowRoot?.querySelector('[part="card"]')) throw new Error('the card did not render');
  } catch (error) {
    takeDown();
    if (!/trusted ?(html|type)/i.test(String(error))) throw error;
    const message = `the page's CSP requires Trusted Types: allow the "lit-html" policy (trusted-types lit-html)`;
    report('trusted-types', message);
    throw new Error(message, { cause: error });
  }
  const weak = fixContrast(card);
  if (weak) report('theme-contrast', weak);
  return { close };
}

function findInlineHost(surveyId: string): MomentSurvey | undefined {
  // Only our own cards: with the tag taken by another library, its elements are not ours to fill.
  const empty = [...document.querySelectorAll(SURVEY_TAG)].filter((el) => el instanceof MomentSurvey && !el.survey);
  return empty.find((el) => el.dataset['survey'] === surveyId) ?? empty.find((el) => !el.dataset['survey']);
}
