// SPDX-License-Identifier: MIT
import type { ShowSurvey } from '@moments/core';
import type { MomentsAnswerEvent } from './moment-survey/moment-survey.js';
import { defineMomentSurvey, SURVEY_TAG } from './registry.js';

/** How long the thanks message stays, in milliseconds. */
export const THANKS_MS = 2_500;

/**
 * Shows a survey as a `<moment-survey>` card appended to `document.body`, and wires it to the
 * core: an answer is stored (awaited) before the card says thanks, then the card closes itself.
 */
export const showSurvey: ShowSurvey = (survey, handlers) => {
  defineMomentSurvey();
  const card = document.createElement(SURVEY_TAG);
  card.survey = survey;
  let closeTimer: ReturnType<typeof setTimeout> | undefined;
  const close = (): void => {
    clearTimeout(closeTimer);
    if (!card.isConnected) return;
    card.remove();
    handlers.closed();
  };
  card.addEventListener('moments:answer', (event) => {
    const { value } = (event as MomentsAnswerEvent).detail;
    void handlers.answer(value).then(() => {
      card.phase = 'thanks';
      closeTimer = setTimeout(close, THANKS_MS);
    });
  });
  card.addEventListener('moments:dismiss', () => {
    handlers.dismiss();
    close();
  });
  document.body.append(card);
  return { close };
};
