// SPDX-License-Identifier: MIT
// `npm run screenshots`: a PNG of the survey card for every question type in light, dark, RTL
// (one locale per right-to-left script: Arabic, Hebrew) and mobile (a 390 px wide bottom
// sheet), plus the modal (`center` + backdrop) and a 320 px wide screen, written to
// docs/screenshots/. Renders the same test harness as the browser tests, in headless Chromium,
// under the strict demo CSP.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { startDemoServer } from '../demo/server.mjs';
import { bundleUiHarness } from '../test/browser/fixtures/ui-harness/bundle.mjs';
import { ensureChromium } from './ensure-chromium.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const outDir = join(root, 'docs/screenshots');
const TYPES = ['nps', 'csat', 'ces', 'rating', 'emoji', 'thumbs', 'choice', 'text'];
const DESKTOP = { width: 900, height: 560 };
/** name → browser context options and `showSurvey` options. */
const VARIANTS = {
  light: { context: { colorScheme: 'light', viewport: DESKTOP }, options: {} },
  dark: { context: { colorScheme: 'dark', viewport: DESKTOP }, options: {} },
  rtl: { context: { colorScheme: 'light', viewport: DESKTOP }, options: { locale: 'ar' } },
  he: { context: { colorScheme: 'light', viewport: DESKTOP }, options: { locale: 'he' } },
  mobile: { context: { colorScheme: 'light', viewport: { width: 390, height: 640 }, isMobile: true, hasTouch: true }, options: {} },
};
const MARGIN = 24; // px of page kept around the card, so the shot shows it floating on a storefront
/** Whole-window shots: name → harness config and browser context. */
const WINDOWS = {
  'csat-modal': { config: { type: 'csat', survey: { placement: 'center', theme: { backdrop: true } } }, context: { viewport: DESKTOP } },
  'nps-320': { config: { type: 'nps' }, context: { viewport: { width: 320, height: 568 }, isMobile: true, hasTouch: true } },
};

const harness = mkdtempSync(join(tmpdir(), 'moments-shots-'));
await bundleUiHarness(harness);
const server = await startDemoServer({ dirs: { '/fixtures/': join(root, 'test/browser/fixtures'), '/harness/': harness } });
const browser = await chromium.launch({
  executablePath: ensureChromium(),
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--hide-scrollbars'],
});
mkdirSync(outDir, { recursive: true });

try {
  for (const [variant, { context, options }] of Object.entries(VARIANTS)) {
    const page = await browser.newPage({ ...context, reducedMotion: 'reduce', deviceScaleFactor: 1 });
    for (const type of TYPES) {
      await page.goto(`${server.url}/fixtures/ui-survey.html?c=${encodeURIComponent(JSON.stringify({ type, options }))}`);
      await page.waitForFunction(() => window.__ui?.shown, undefined, { timeout: 10_000 });
      const box = await page.evaluate(async () => {
        const host = document.querySelector('moment-survey[placement]');
        await host.updateComplete;
        await document.fonts.ready;
        const r = host.shadowRoot.querySelector('[part="card"]').getBoundingClientRect();
        return { x: r.x, y: r.y, width: r.width, height: r.height };
      });
      const file = join(outDir, `${type}-${variant}.png`);
      if (variant === 'mobile') await page.screenshot({ path: file });
      else await page.screenshot({ path: file, clip: grow(box, context.viewport) });
      console.log(`wrote ${file.slice(root.length)}`);
    }
    await page.close();
  }
  for (const [name, { config, context }] of Object.entries(WINDOWS)) {
    const page = await browser.newPage({ ...context, colorScheme: 'light', reducedMotion: 'reduce', deviceScaleFactor: 1 });
    await page.goto(`${server.url}/fixtures/ui-survey.html?c=${encodeURIComponent(JSON.stringify(config))}`);
    await page.waitForFunction(() => window.__ui?.shown, undefined, { timeout: 10_000 });
    await page.evaluate(() => document.fonts.ready);
    const file = join(outDir, `${name}.png`);
    await page.screenshot({ path: file });
    console.log(`wrote ${file.slice(root.length)}`);
    await page.close();
  }
} finally {
  await browser.close();
  await server.close();
  rmSync(harness, { recursive: true, force: true });
}

/** The card's box plus MARGIN on every side, kept inside the viewport. */
function grow(box, viewport) {
  const x = Math.max(0, box.x - MARGIN);
  const y = Math.max(0, box.y - MARGIN);
  return {
    x,
    y,
    width: Math.min(viewport.width, box.x + box.width + MARGIN) - x,
    height: Math.min(viewport.height, box.y + box.height + MARGIN) - y,
  };
}
