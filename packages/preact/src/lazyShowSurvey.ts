// SPDX-License-Identifier: MIT
import type { ShowSurvey } from '@moments/core';

/**
 * The default `show` of `<MomentsProvider>`: imports `@moments/elements` (Lit and the card) on
 * the first survey shown, so an app's bundler splits the UI into a chunk that pages without a
 * moment never load. The page-wide options (the page's locale, the config's theme) go through.
 */
export const lazyShowSurvey: ShowSurvey = async (survey, handlers, options) => {
  const { showSurvey } = await import('@moments/elements');
  return showSurvey(survey, handlers, options);
};
