// SPDX-License-Identifier: MIT
import type { ShowSurvey } from '@moments/core';

/**
 * The default `show` of `<MomentsProvider>`: imports `@moments/elements` (Lit and the card) on
 * the first survey shown, so an app's bundler splits the UI into a chunk that pages without a
 * moment never load.
 */
export const lazyShowSurvey: ShowSurvey = async (survey, handlers) => {
  const { showSurvey } = await import('@moments/elements');
  return showSurvey(survey, handlers);
};
