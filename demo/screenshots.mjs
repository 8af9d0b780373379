// SPDX-License-Identifier: MIT
// Regenerates the README's screenshots (demo/screenshots/*.png) in headless Chromium:
// `node demo/screenshots.mjs`. Needs a build (`npm run build`); the SPA shot needs demo/spa/dist.
import { existsSync, mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../scripts/ensure-chromium.mjs';
import { startCollector } from '@moments/collector';
import { SPA_DIST, startDemoServer, STRICT_CSP } from './server.mjs';

const out = fileURLToPath(new URL('./screenshots/', import.meta.url));
mkdirSync(out, { recursive: true });
const origins = [];
const collector = await startCollector({ seed: true, origins });
const site = await startDemoServer({
  vars: { COLLECTOR: collector.url },
  collector: collector.collector,
  csp: `${STRICT_CSP}; connect-src 'self' ${collector.url}`,
});
origins.push(site.url);
const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
const page = await browser.newPage({ viewport: { width: 1100, height: 720 }, deviceScaleFactor: 1 });

await page.goto(`${site.url}/shop/order.html`);
await page.locator('moment-survey').getByRole('dialog').waitFor({ timeout: 10_000 });
await page.waitForTimeout(300); // the card's entrance animation
await page.screenshot({ path: `${out}storefront.png` });

if (existsSync(SPA_DIST)) {
  // Checkout → order confirmation (client-side route): the purchase moment asks after its delay.
  await page.goto(`${site.url}/spa/`);
  await page.getByRole('button', { name: 'Place order' }).click();
  await page.locator('moment-survey').getByRole('dialog').waitFor({ timeout: 10_000 });
  await page.waitForTimeout(300); // the card's entrance animation
  await page.screenshot({ path: `${out}spa.png` });
} else console.warn('no SPA screenshot: demo/spa/dist is missing (build the SPA demo first)');

// The results page, top: the ranking (delivery is critical and got worse in the sample) and the
// first moment's funnel, metric, comments, words and breakdowns.
await page.setViewportSize({ width: 1100, height: 1500 });
await page.goto(`${collector.url}/`);
await page.screenshot({ path: `${out}results.png` });

await browser.close();
await site.close();
await collector.close();
console.log(`screenshots written to ${out}`);
