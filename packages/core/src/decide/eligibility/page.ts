// SPDX-License-Identifier: MIT
import { pageLocale } from '../../shared/locale.js';

/** The facts about the current page that eligibility reads, injectable for tests. */
export interface PageFacts {
  /** `location.pathname`, e.g. `/checkout/thank-you`. */
  path: string;
  /** What `Answer.url` carries: origin + path, or the full URL when the config opts in. */
  url: (full: boolean) => string;
  /** A touch-first or narrow screen: `device: "mobile"` surveys. */
  mobile: boolean;
  /** The page's one locale (`pageLocale`): config, else `<html lang>`, else the browser's. */
  language: string;
}

/** Reads the page facts from the browser; in Node, an empty page. `locale`: the config's. */
export function readPage(locale?: string): PageFacts {
  const loc = typeof location === 'undefined' ? undefined : location;
  const media = (query: string): boolean => typeof matchMedia === 'function' && matchMedia(query).matches;
  return {
    path: loc?.pathname ?? '',
    url: (full) => (loc ? (full ? loc.href : loc.origin + loc.pathname) : ''),
    mobile: media('(pointer: coarse), (max-width: 767px)'),
    language: pageLocale(locale),
  };
}
