// SPDX-License-Identifier: MIT
// The demo's own pages (storefront and results) are accessible (axe-core, WCAG 2 A/AA rules), and
// the results page works with JavaScript turned off and prints on A4.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCollector, type RunningCollector } from '@moments/collector';
import { startDemoServer } from '../../demo/server.mjs';
import { launchChromium } from './chromium.js';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
let browser: Browser;
let collector: RunningCollector;
let site: Awaited<ReturnType<typeof startDemoServer>>;

beforeAll(async () => {
  browser = await launchChromium();
  collector = await startCollector({ seed: true, origins: ['*'] });
  site = await startDemoServer({ vars: { COLLECTOR: collector.url }, csp: `default-src 'self'; connect-src 'self' ${collector.url}` });
});

afterAll(async () => {
  await browser?.close();
  await site?.close();
  await collector?.close();
});

/** axe violations (rule id: first target) on the page, leaving out the survey card (elements' own tests cover it). */
async function violations(page: Page): Promise<string[]> {
  await page.evaluate(axeSource);
  return page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: { run(context: unknown, options: unknown): Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }> };
      }
    ).axe;
    const result = await axe.run({ exclude: [['moment-survey']] }, { runOnly: ['wcag2a', 'wcag2aa'] });
    return result.violations.map((v) => `${v.id}: ${v.nodes[0]?.target.join(' ')}`);
  });
}

describe('demo pages', () => {
  it('has no WCAG A/AA violations on the storefront pages and the results page', async () => {
    // axe is injected as a script, so this context lifts the CSP the pages are otherwise served with.
    const context = await browser.newContext({ bypassCSP: true });
    const page = await context.newPage();
    const found: Record<string, string[]> = {};
    const pages = ['', 'cart.html', 'checkout.html', 'order.html', 'tracking.html', 'help.html'].map((file) => `${site.url}/shop/${file}`);
    for (const url of [...pages, `${collector.url}/`]) {
      await page.goto(url);
      found[url] = await violations(page);
    }
    expect(found).toEqual(Object.fromEntries(Object.keys(found).map((url) => [url, []])));
    await context.close();
  });

  it('shows the results page in full with JavaScript disabled', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${collector.url}/`);
    expect(await page.locator('section.moment').count()).toBe(3);
    expect(await page.locator('svg.chart').count()).toBeGreaterThanOrEqual(7);
    expect(await page.getByRole('link', { name: 'CSV' }).getAttribute('href')).toBe('/export.csv');
    await context.close();
  });

  it('prints the results page on A4 without the controls and without cutting wide content', async () => {
    const page = await browser.newPage();
    await page.goto(`${collector.url}/`);
    await page.emulateMedia({ media: 'print' });
    await page.setViewportSize({ width: 794, height: 1123 }); // A4 at 96 dpi
    const layout = await page.evaluate(() => ({
      header: getComputedStyle(document.querySelector('header')!).display,
      form: getComputedStyle(document.querySelector('form.period')!).display,
      background: getComputedStyle(document.body).backgroundColor,
      overflow: document.documentElement.scrollWidth - document.documentElement.clientWidth,
      sections: document.querySelectorAll('section.moment').length,
      breakInside: getComputedStyle(document.querySelector('.card')!).breakInside,
    }));
    expect(layout).toEqual({
      header: 'none',
      form: 'none',
      background: 'rgb(255, 255, 255)',
      overflow: 0,
      sections: 3,
      breakInside: 'avoid',
    });
    const pdf = await page.pdf({ format: 'A4' });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    await page.close();
  });
});
