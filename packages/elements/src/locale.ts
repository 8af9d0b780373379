// SPDX-License-Identifier: MIT
import { pageLocale } from '@moments/core/internal';
import { en, type Plural, type Strings } from './locales/en.js';

type Loader = () => Promise<{ default: Strings }>;

// One dynamic import per locale: each becomes its own small chunk (`moments-<tag>.js`), so a
// shown survey loads English (inline) or exactly one other locale, never all of them.
const LOADERS: Record<string, Loader> = {
  ar: () => import('./locales/ar.js'),
  cs: () => import('./locales/cs.js'),
  da: () => import('./locales/da.js'),
  de: () => import('./locales/de.js'),
  el: () => import('./locales/el.js'),
  es: () => import('./locales/es.js'),
  fa: () => import('./locales/fa.js'),
  fi: () => import('./locales/fi.js'),
  fr: () => import('./locales/fr.js'),
  he: () => import('./locales/he.js'),
  hi: () => import('./locales/hi.js'),
  hu: () => import('./locales/hu.js'),
  id: () => import('./locales/id.js'),
  it: () => import('./locales/it.js'),
  ja: () => import('./locales/ja.js'),
  ko: () => import('./locales/ko.js'),
  nb: () => import('./locales/nb.js'),
  nl: () => import('./locales/nl.js'),
  pl: () => import('./locales/pl.js'),
  pt: () => import('./locales/pt.js'),
  ro: () => import('./locales/ro.js'),
  ru: () => import('./locales/ru.js'),
  sv: () => import('./locales/sv.js'),
  th: () => import('./locales/th.js'),
  tr: () => import('./locales/tr.js'),
  uk: () => import('./locales/uk.js'),
  ur: () => import('./locales/ur.js'),
  vi: () => import('./locales/vi.js'),
  zh: () => import('./locales/zh.js'),
  'zh-Hant': () => import('./locales/zh-Hant.js'),
};

/** Locale tags with built-in UI strings (`en` plus one lazy chunk each). */
export const LOCALES: readonly string[] = ['en', .../* @__PURE__ */ Object.keys(LOADERS)];

/**
 * The shopper's locale tag, lower-cased: the page's one locale (`pageLocale` of core: `preferred`,
 * the config's `locale`, if given, else `<html lang>`, else the browser's language), else `en`.
 * Not narrowed to a supported language, so survey translations may be keyed by region (`pt-br`).
 */
export function resolveLocale(preferred?: string): string {
  return (pageLocale(preferred) || 'en').toLowerCase();
}

/** The primary language subtag: `pt-br` → `pt`. */
export function getLanguage(locale: string): string {
  return locale.split(/[-_]/)[0]!.toLowerCase();
}

/**
 * The built-in strings a locale tag falls back to: its language (`pt-BR` → `pt`, `es-419` →
 * `es`, `fr-CA` → `fr`), Traditional Chinese for `zh-Hant` and Taiwan, Hong Kong and Macau,
 * Bokmål for any Norwegian (`no`, `nn`). Unknown languages give their own subtag (then English).
 */
export function matchLocale(locale: string): string {
  const [lang = '', ...rest] = locale.toLowerCase().split(/[-_]/);
  if (lang === 'zh') return !rest.includes('hans') && rest.some((s) => /^(hant|tw|hk|mo)$/.test(s)) ? 'zh-Hant' : 'zh';
  if (lang === 'no' || lang === 'nn') return 'nb';
  return lang;
}

/** True for right-to-left languages (Arabic, Hebrew, Persian, Urdu and other RTL scripts). */
export function isRtl(locale: string): boolean {
  return /^(ar|he|iw|fa|ur|ps|sd|ug|yi|ckb|dv)$/.test(getLanguage(locale));
}

/** Loads the UI strings for a locale; English when unsupported or when its chunk fails to load. */
export async function loadStrings(locale: string): Promise<Strings> {
  const load = LOADERS[matchLocale(locale)];
  if (!load) return en;
  try {
    return (await load()).default;
  } catch {
    // A chunk that fails to load (offline, CDN hiccup) must not cost the answer: ask in English.
    return en;
  }
}

/** Replaces `{0}`, `{1}` … in a UI string. */
export function format(template: string, ...args: Array<string | number>): string {
  return template.replace(/\{(\d)\}/g, (_, i: string) => String(args[Number(i)]));
}

/** The form of `forms` for the number `n` in `locale` (`Intl.PluralRules`; `other` if the tag is unknown). */
export function plural(forms: Plural, n: number, locale: string): string {
  let rule: Intl.LDMLPluralRule = 'other';
  try {
    rule = new Intl.PluralRules(getLanguage(locale)).select(n);
  } catch {
    // A malformed tag (`<html lang="x!">`) throws a RangeError: the `other` form still reads fine.
  }
  return forms[rule] ?? forms.other;
}
