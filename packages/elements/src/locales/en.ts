// SPDX-License-Identifier: MIT
/**
 * A string that depends on a number: one form per CLDR plural category the language needs
 * (`Intl.PluralRules`), `other` always. Languages without plurals give `other` only.
 */
export interface Plural {
  zero?: string;
  one?: string;
  two?: string;
  few?: string;
  many?: string;
  other: string;
}

/**
 * Built-in UI strings, one table per language (each file in this folder is one language's
 * row: its own lazy chunk). `{0}`, `{1}` are replaced by numbers. Pairs are [low end, high end].
 */
export interface Strings {
  /** Accessible name of the × button. */
  close: string;
  send: string;
  thanks: string;
  /** Character counter: `{0}` used of `{1}` allowed; the form follows `{1}`. */
  count: Plural;
  /** Name of a star or face: `{0}` of `{1}`. */
  of: string;
  yes: string;
  no: string;
  nps: [string, string];
  csat: [string, string];
  ces: [string, string];
  /** Default follow-up prompt. */
  more: string;
  /** Prefix of the live-region announcement when a card appears. */
  survey: string;
}

/** English, the fallback; bundled inline, every other locale is its own lazy chunk. */
export const en: Strings = {
  close: 'Close',
  send: 'Send',
  thanks: 'Thank you!',
  count: { one: '{0} of {1} character', other: '{0} of {1} characters' },
  of: '{0} of {1}',
  yes: 'Yes',
  no: 'No',
  nps: ['Not likely', 'Very likely'],
  csat: ['Very unsatisfied', 'Very satisfied'],
  ces: ['Very difficult', 'Very easy'],
  more: 'Anything else you would like to tell us?',
  survey: 'Survey',
};
