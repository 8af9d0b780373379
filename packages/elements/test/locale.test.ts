// SPDX-License-Identifier: MIT
import { afterEach, describe, expect, it } from 'vitest';
import { en, type Strings } from '../src/locales/en.js';
import { LOCALES, loadStrings, resolveLocale } from '../src/index.js';
import { format, getLanguage, isRtl, matchLocale, plural } from '../src/locale.js';

afterEach(() => {
  document.documentElement.lang = '';
});

describe('resolveLocale', () => {
  it('prefers the configured locale, then <html lang>, then the browser', () => {
    document.documentElement.lang = 'fr-CA';
    expect(resolveLocale('pt-BR')).toBe('pt-br');
    expect(resolveLocale()).toBe('fr-ca');
    document.documentElement.lang = '';
    expect(resolveLocale()).toBe(navigator.language.toLowerCase());
  });
});

/** The `{n}` placeholders of a string, sorted: a translation must keep every one of English's. */
const placeholders = (text: string): string[] => (text.match(/\{\d\}/g) ?? []).sort();

/** Every string of a table, keyed `count.one`, `nps.0`, …, so a failure names the entry. */
const entries = (strings: Strings): Array<[string, string]> =>
  Object.entries(strings).flatMap(([key, value]) =>
    typeof value === 'string' ? [[key, value]] : Object.entries(value as object).map(([sub, text]) => [`${key}.${sub}`, text as string]),
  );

describe('loadStrings', () => {
  it('has at least 30 locales, the ones stores serve among them', () => {
    expect(LOCALES.length).toBeGreaterThanOrEqual(30);
    const wanted = ['ko', 'tr', 'ru', 'uk', 'hi', 'id', 'vi', 'th', 'cs', 'da', 'fi', 'nb', 'el', 'ro', 'hu', 'fa', 'ur', 'zh-Hant'];
    expect(wanted.filter((tag) => !LOCALES.includes(tag))).toEqual([]);
  });

  it('loads every locale with every string filled in and the same placeholders as English', async () => {
    for (const locale of LOCALES) {
      const strings = await loadStrings(locale);
      expect(Object.keys(strings).sort(), locale).toEqual(Object.keys(en).sort());
      for (const [key, value] of entries(strings)) {
        expect(value.trim(), `${locale} ${key}`).not.toBe('');
        const english = key.startsWith('count.') ? en.count.other : (entries(en).find(([k]) => k === key)?.[1] ?? '');
        expect(placeholders(value), `${locale} ${key}: ${value}`).toEqual(placeholders(english));
      }
      expect(strings.nps, locale).toHaveLength(2);
      if (locale !== 'en') expect(strings, locale).not.toBe(en);
    }
  });

  it('gives each plural category the language uses a form (or lets it fall back to other)', async () => {
    for (const locale of LOCALES) {
      const { count } = await loadStrings(locale);
      const categories = new Intl.PluralRules(locale).resolvedOptions().pluralCategories;
      // Only categories the language has: a form for another one is dead text nobody reads.
      expect(
        Object.keys(count).filter((c) => !categories.includes(c as Intl.LDMLPluralRule)),
        locale,
      ).toEqual([]);
    }
  });

  it('falls back from a regional tag to its language, and to English when it has no strings', async () => {
    const cases: Record<string, string> = {
      'pt-BR': 'pt',
      'zh-TW': 'zh-Hant',
      'zh-HK': 'zh-Hant',
      'zh-Hant-TW': 'zh-Hant',
      'zh-CN': 'zh',
      'zh-Hans-HK': 'zh',
      'es-419': 'es',
      'fr-CA': 'fr',
      no: 'nb',
      'nn-NO': 'nb',
      'ko-KR': 'ko',
    };
    for (const [tag, expected] of Object.entries(cases)) {
      expect(matchLocale(tag), tag).toBe(expected);
      expect(await loadStrings(tag.toLowerCase()), tag).toBe(await loadStrings(expected));
    }
    expect(await loadStrings('sw-ke')).toBe(en);
  });
});

describe('plural', () => {
  it('picks the form by Intl.PluralRules for the number', () => {
    const ru = { one: '{0} из {1} символа', other: '{0} из {1} символов' };
    expect([1, 21, 280, 500].map((n) => plural(ru, n, 'ru'))).toEqual([ru.one, ru.one, ru.other, ru.other]);
    expect(plural(en.count, 1, 'en')).toBe('{0} of {1} character');
    expect(plural(en.count, 280, 'en-gb')).toBe('{0} of {1} characters');
    expect(plural({ other: 'x' }, 1, 'ja')).toBe('x');
  });

  it('falls back to the other form for a malformed tag instead of throwing', () => {
    expect(plural(en.count, 1, 'x!y')).toBe(en.count.other);
  });
});

describe('format', () => {
  it('replaces numbered placeholders', () => {
    expect(format('{0} of {1}', 3, 5)).toBe('3 of 5');
    expect(format('{1} 段階中 {0}', 3, 5)).toBe('5 段階中 3');
  });
});

describe('isRtl', () => {
  it('is true for right-to-left languages only', () => {
    expect(['ar', 'he-il', 'fa-ir', 'ur', 'en', 'de', 'tr'].map(isRtl)).toEqual([true, true, true, true, false, false, false]);
    expect(getLanguage('zh_Hans')).toBe('zh');
  });
});
