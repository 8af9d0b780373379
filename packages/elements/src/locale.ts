// SPDX-License-Identifier: MIT
import { en, type Strings } from './locales/en.js';

type Loader = () => Promise<{ default: Strings }>;

// One dynamic import per locale: each becomes its own small chunk, so a shown survey loads
// English (inline) or exactly one other locale, never all thirteen.
const LOADERS: Record<string, Loader> = {
  ar: () => import('./locales/ar.js'),
  de: () => import('./locales/de.js'),
  es: () => import('./locales/es.js'),
  fr: () => import('./locales/fr.js'),
  he: () => import('./locales/he.js'),
  it: () => import('./locales/it.js'),
  ja: () => import('./locales/ja.js'),
  nl: () => import('./locales/nl.js'),
  pl: () => import('./locales/pl.js'),
  pt: () => import('./locales/pt.js'),
  sv: () => import('./locales/sv.js'),
  zh: () => import('./locales/zh.js'),
};

/** Language codes with built-in UI strings (`en` plus one lazy chunk each). */
export const LOCALES: readonly string[] = ['en', 'ar', 'de', 'es', 'fr', 'he', 'it', 'ja', 'nl', 'pl', 'pt', 'sv', 'zh'];

/**
 * The shopper's locale tag, lower-cased: `preferred` (the config's `locale`) if given, else
 * `<html lang>`, else the browser's language, else `en`. Not narrowed to a supported language,
 * so survey translations may be keyed by region (`pt-br`).
 */
export function resolveLocale(preferred?: string): string {
  const doc = typeof document === 'undefined' ? undefined : document;
  const nav = typeof navigator === 'undefined' ? undefined : navigator;
  return (preferred || doc?.documentElement.lang || nav?.language || 'en').toLowerCase();
}

/** The primary language subtag: `pt-br` → `pt`. */
export function getLanguage(locale: string): string {
  return locale.split(/[-_]/)[0]!.toLowerCase();
}

/** True for right-to-left languages (Arabic and Hebrew among ours). */
export function isRtl(locale: string): boolean {
  return /^(ar|he|fa|ur)$/.test(getLanguage(locale));
}

/** Loads the UI strings for a locale; English when unsupported or when its chunk fails to load. */
export async function loadStrings(locale: string): Promise<Strings> {
  const load = LOADERS[getLanguage(locale)];
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
