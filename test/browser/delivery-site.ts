// SPDX-License-Identifier: MIT
// Shared set-up of the delivery browser tests: the harness bundle, a site that serves it (and
// the built moments.js) on 127.0.0.1, and controllable endpoints on other ports.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import type { BrowserContext, Page } from 'playwright-core';
import { expect } from 'vitest';
import { startDemoServer } from '../../demo/server.mjs';

const fixtures = fileURLToPath(new URL('./fixtures', import.meta.url));

/** Bundles the harness page script from source (so it runs the real delivery engine). */
export async function buildHarness(): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'moments-harness-'));
  await build({
    entryPoints: [join(fixtures, 'delivery-harness.ts')],
    bundle: true,
    format: 'iife',
    target: 'es2021',
    outfile: join(dir, 'delivery-harness.js'),
    logLevel: 'error',
  });
  return dir;
}

/** The site: fixtures, the harness and the built embed, under a strict CSP that allows the endpoints. */
export async function startSite(harnessDir: string, vars: Record<string, string> = {}) {
  return startDemoServer({
    dirs: { '/fixtures/': fixtures, '/harness/': harnessDir },
    vars,
    csp: "default-src 'self'; connect-src 'self' http://127.0.0.1:*",
  });
}

/** Opens the harness page in `context`, aimed at `endpoint`. */
export async function openHarness(context: BrowserContext, siteUrl: string, query: Record<string, string>): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`${siteUrl}/fixtures/delivery-harness.html?${new URLSearchParams(query)}`);
  await page.waitForFunction(() => window.harness !== undefined);
  return page;
}

/** Records `count` answers in the page; resolves with their ids once they are stored. */
export function answer(page: Page, count = 1): Promise<string[]> {
  return page.evaluate(async (n) => {
    const ids: string[] = [];
    for (let i = 0; i < n; i++) ids.push(await window.harness.answer());
    return ids;
  }, count);
}

/** Error codes and drop reasons the page reported. */
export function events(page: Page) {
  return page.evaluate(() => window.harness.events);
}

/** Waits (bounded) until `check` passes. */
export async function eventually(check: () => void, timeout = 15_000): Promise<void> {
  await expect
    .poll(
      () => {
        try {
          check();
          return true;
        } catch {
          return false;
        }
      },
      { timeout, interval: 100 },
    )
    .toBe(true);
}
