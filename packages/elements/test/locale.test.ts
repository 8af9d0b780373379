// SPDX-License-Identifier: MIT
import { afterEach, describe, expect, it } from 'vitest';
import { en } from '../src/locales/en.js';
import { LOCALES, loadStrings, resolveLocale } from '../src/index.js';
import { format, getLanguage, isRtl } from '../src/locale.js';

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

describe('loadStrings', () => {
  it('loads every built-in locale with every string filled in', async () => {
    expect(LOCALES).toHaveLength(13);
    for (const locale of LOCALES) {
      const strings = await loadStrings(locale);
      expect(Object.keys(strings).sort(), locale).toEqual(Object.keys(en).sort());
      for (const value of Object.values(strings).flat()) expect(value.trim(), locale).not.toBe('');
      expect(strings.count, locale).toMatch(/\{0\}.*\{1\}|\{1\}.*\{0\}/);
      if (locale !== 'en') expect(strings, locale).not.toEqual(en);
    }
  });

  it('falls back to English when the locale has no strings', async () => {
    expect(await loadStrings('ko-kr')).toBe(en);
  });
});

describe('format', () => {
  it('replaces numbered placeholders', () => {
    expect(format('{0} of {1}', 3, 5)).toBe('3 of 5');
    expect(format('{1} 段階中 {0}', 3, 5)).toBe('5 段階中 3');
  });
});

describe('isRtl', () => {
  it('is true for Arabic and Hebrew tags only', () => {
    expect(['ar', 'he-il', 'en', 'de'].map(isRtl)).toEqual([true, true, false, false]);
    expect(getLanguage('zh_Hans')).toBe('zh');
  });
});
