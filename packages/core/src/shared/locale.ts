// SPDX-License-Identifier: MIT

/**
 * The one locale of a page, decided here only: the config's `locale`, else the page's own
 * `<html lang>`, else the browser's language; empty when none is known (Node). It picks the
 * card's strings, is recorded in `Answer.locale`, and is what a survey's `locales` match:
 * a German page read in an English browser is German. Never throws.
 */
export function pageLocale(configLocale: string | undefined): string {
  if (configLocale) return configLocale;
  try {
    const lang = typeof document === 'undefined' ? '' : document.documentElement.lang.trim();
    if (lang) return lang;
    return typeof navigator === 'undefined' ? '' : navigator.language || '';
  } catch {
    return '';
  }
}
