// SPDX-License-Identifier: MIT
// Every built-in locale in real Chromium: the card a shopper sees carries that locale's own
// strings (no English fallback), right-to-left for Arabic, Hebrew, Persian and Urdu, regional
// tags fall back to their language, and each locale ships as its own lazy chunk of moments.js.
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startUiSite, type UiSite } from './fixtures/ui-harness/page.js';

let site: UiSite;
beforeAll(async () => {
  site = await startUiSite();
});
afterAll(async () => {
  await site?.close();
});

/** Every built-in string of a card as the shopper meets it, read from the rendered cards. */
interface Seen {
  lang: string;
  dir: string;
  texts: Record<string, string>;
  /** The same entries as the locale's table says they should read. */
  table: Record<string, string>;
}

/** Shows one card per type at once in `locale`, answers a follow-up, and reads every UI string. */
function readCards(page: Page, locale: string): Promise<Seen> {
  return page.evaluate(async (tag) => {
    const { showSurvey, loadStrings, SURVEYS } = window.__moments;
    const handlers = { answer: async () => undefined, dismiss: () => undefined, closed: () => undefined };
    const plain = (type: keyof typeof SURVEYS, extra = {}) => ({ ...SURVEYS[type], translations: undefined, ...extra });
    const types = ['nps', 'csat', 'ces', 'rating', 'thumbs', 'text'] as const;
    const views = [];
    for (const type of types) views.push(await showSurvey(plain(type), handlers, { locale: tag }));
    views.push(await showSurvey(plain('csat', { followUp: { when: 'always' } }), handlers, { locale: tag }));
    const roots = [...document.querySelectorAll('[placement]')].map((host) => host.shadowRoot!);
    const [nps, csat, ces, rating, thumbs, text, followUp] = roots as [
      ShadowRoot,
      ShadowRoot,
      ShadowRoot,
      ShadowRoot,
      ShadowRoot,
      ShadowRoot,
      ShadowRoot,
    ];
    const q = (root: ShadowRoot, sel: string) => root.querySelector(sel)!;
    await new Promise((resolve) => setTimeout(resolve, 200)); // the delayed announcement
    const ends = (root: ShadowRoot) => [...root.querySelectorAll('[part="labels"] span')].map((s) => s.textContent!);
    const texts: Record<string, string> = {
      close: q(nps, '[part="close"]').getAttribute('aria-label')!,
      survey: q(nps, '[role="status"]').textContent!.split(':')[0]!,
      'nps.0': ends(nps)[0]!,
      'nps.1': ends(nps)[1]!,
      'csat.0': ends(csat)[0]!,
      'csat.1': ends(csat)[1]!,
      'ces.0': ends(ces)[0]!,
      'ces.1': ends(ces)[1]!,
      of: q(rating, '[role="radio"]').getAttribute('aria-label')!,
      yes: q(thumbs, '[role="radio"]').getAttribute('aria-label')!,
      no: thumbs.querySelectorAll('[role="radio"]')[1]!.getAttribute('aria-label')!,
      count: q(text, '[part="counter"]').textContent!,
      send: q(text, '[part="submit"]').textContent!,
    };
    (q(followUp, '[role="radio"]') as HTMLElement).click();
    await (followUp.host as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
    texts['more'] = q(followUp, 'label').textContent!;
    (q(followUp, '[part="submit"]') as HTMLElement).click();
    await new Promise((resolve) => setTimeout(resolve, 50));
    texts['thanks'] = q(followUp, '[role="status"]').textContent!;
    const s = await loadStrings(tag);
    const fill = (template: string, a: number, b: number) => template.replace('{0}', String(a)).replace('{1}', String(b));
    const count = s.count[new Intl.PluralRules(tag).select(280) as keyof typeof s.count] ?? s.count.other;
    const table: Record<string, string> = {
      close: s.close,
      survey: s.survey,
      'nps.0': s.nps[0],
      'nps.1': s.nps[1],
      'csat.0': s.csat[0],
      'csat.1': s.csat[1],
      'ces.0': s.ces[0],
      'ces.1': s.ces[1],
      of: fill(s.of, 1, 5),
      yes: s.yes,
      no: s.no,
      count: fill(count, 0, 280),
      send: s.send,
      more: s.more,
      thanks: s.thanks,
    };
    const host = nps.host as HTMLElement;
    const seen = { lang: host.lang, dir: getComputedStyle(host).direction, texts, table };
    for (const view of views) view.close();
    return seen;
  }, locale);
}

/** A page with the harness loaded and no survey of its own. */
async function blankPage(): Promise<Page> {
  const page = await site.browser.newPage();
  await page.goto(`${site.url}/fixtures/ui-survey.html?c=${encodeURIComponent(JSON.stringify({ delayMs: 1e9 }))}`);
  await page.waitForFunction(() => window.__moments);
  return page;
}

const RTL = ['ar', 'he', 'fa', 'ur'];
/** Words that are the same in English and the locale, and right there. */
const SAME_AS_ENGLISH: Record<string, string[]> = { es: ['no'], it: ['no'] };

describe('every locale', () => {
  it('shows a non-English card wholly in its own language, RTL where the script is', async () => {
    const page = await blankPage();
    const locales = await page.evaluate(() => window.__moments.LOCALES);
    expect(locales.length).toBeGreaterThanOrEqual(30);
    const english = await readCards(page, 'en');
    expect(english.texts).toEqual(english.table);
    const englishTexts = new Set(Object.values(english.texts));
    const problems: string[] = [];
    for (const locale of locales.filter((l) => l !== 'en')) {
      const seen = await readCards(page, locale);
      for (const [key, value] of Object.entries(seen.texts)) {
        if (value !== seen.table[key]) problems.push(`${locale} ${key}: shows "${value}", its table says "${seen.table[key]}"`);
        if (englishTexts.has(value) && !SAME_AS_ENGLISH[locale]?.includes(key)) problems.push(`${locale} ${key}: English "${value}"`);
      }
      const dir = RTL.includes(locale) ? 'rtl' : 'ltr';
      if (seen.dir !== dir) problems.push(`${locale}: direction ${seen.dir}, expected ${dir}`);
      if (seen.lang !== locale.toLowerCase()) problems.push(`${locale}: lang="${seen.lang}"`);
    }
    expect(problems).toEqual([]);
    await page.close();
  });

  it('falls back from regional tags to their language', async () => {
    const page = await blankPage();
    const close = async (tag: string) => (await readCards(page, tag)).texts['close'];
    expect(await close('pt-BR')).toBe('Fechar');
    expect(await close('zh-TW')).toBe('關閉');
    expect(await close('zh-HK')).toBe('關閉');
    expect(await close('zh-CN')).toBe('关闭');
    expect(await close('es-419')).toBe('Cerrar');
    expect(await close('fr-CA')).toBe('Fermer');
    expect(await close('no')).toBe('Lukk');
    const urdu = await readCards(page, 'ur-PK');
    expect([urdu.dir, urdu.texts['close']]).toEqual(['rtl', 'بند کریں']);
    await page.close();
  });
});

describe('locale chunks of the built embed (npm run build)', () => {
  const dist = fileURLToPath(new URL('../../packages/embed/dist/', import.meta.url));

  it('ships each locale as its own moments-<tag>.js, outside the UI chunk', async () => {
    const page = await blankPage();
    const locales = (await page.evaluate(() => window.__moments.LOCALES)).filter((l) => l !== 'en');
    const ui = readFileSync(`${dist}moments-ui.js`, 'utf8');
    for (const tag of locales) {
      expect(existsSync(`${dist}moments-${tag}.js`), tag).toBe(true);
      expect(ui.match(/Object\.fromEntries\("([^"]*)"/)?.[1]?.split(' '), tag).toContain(tag);
      const strings = await page.evaluate((t) => window.__moments.loadStrings(t), tag);
      // The locale's words are in its chunk, not in the UI chunk every shown survey loads.
      expect(readFileSync(`${dist}moments-${tag}.js`, 'utf8'), tag).toContain(strings.more);
      expect(ui.includes(strings.more), tag).toBe(false);
    }
    await page.close();
  });

  it.each([
    ['ko', 'moments-ko.js', '닫기', 'ltr'],
    ['zh-TW', 'moments-zh-Hant.js', '關閉', 'ltr'],
    ['fa-IR', 'moments-fa.js', 'بستن', 'rtl'],
  ])('loads the %s card from moments.js with its chunk %s', async (lang, chunk, close, dir) => {
    const page = await site.browser.newPage();
    const requested: string[] = [];
    page.on('request', (request) => void requested.push(request.url().split('/').pop()!));
    await page.goto(`${site.url}/fixtures/ui-embed-locale.html`);
    await page.evaluate((tag) => (document.documentElement.lang = tag), lang);
    await page.waitForFunction(() => window.moments !== undefined && !Array.isArray(window.moments));
    await page.evaluate(() => (window.moments as unknown as { trigger(moment: string): void }).trigger('purchase'));
    const card = page.locator('moment-survey');
    await card.getByRole('button', { name: close }).waitFor();
    expect(await card.getAttribute('dir')).toBe(dir);
    // Exactly one locale chunk, the shopper's.
    expect(requested.filter((file) => /^moments-(?!ui|delivery)[\w-]+\.js$/.test(file))).toEqual([chunk]);
    await page.close();
  });
});
