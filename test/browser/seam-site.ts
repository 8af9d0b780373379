// SPDX-License-Identifier: MIT
// Shared set-up of the seam tests (issue 13): the demo server with the seam fixtures and the
// built moments.js under a strict CSP, a counting endpoint on another port, and small helpers
// that read the survey card and what the page's client reported.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { fileURLToPath } from 'node:url';
import type { BrowserContext, Frame, Page } from 'playwright-core';
import { expect } from 'vitest';
import { startDemoServer } from '../../demo/server.mjs';
import { watchPageErrors } from './chromium.js';
import type { Endpoint } from './endpoint.mjs';

const fixtures = fileURLToPath(new URL('./fixtures/seam', import.meta.url));

export type Site = Awaited<ReturnType<typeof startDemoServer>>;

/** What `fixtures/seam/record.js` keeps of each client event. */
export interface SeamEvent {
  name: string;
  payload: { reason?: string; moment?: string; surveyId?: string; answer?: { id: string }; [key: string]: unknown };
  /** `performance.now()` when it was emitted. */
  at: number;
}

declare global {
  interface Window {
    seamEvents: SeamEvent[];
  }
}

/**
 * Serves `fixtures/seam/` at `/fixtures/seam/` (HTML `__ENDPOINT__` → `endpoint.url`) and the
 * built embed at `/moments/`, under `default-src 'self'` plus the endpoint. The embed's files
 * are also sent with `Access-Control-Allow-Origin: *`, as a CDN sends them: a sandboxed iframe
 * has an opaque origin, so its `import()` of the lazy chunks is a cross-origin module request.
 */
export async function startSeamSite(endpoint: Endpoint): Promise<Site> {
  const site = await startDemoServer({
    dirs: { '/fixtures/seam/': fixtures },
    vars: { ENDPOINT: endpoint.url },
    csp: "default-src 'self'; connect-src 'self' http://127.0.0.1:*",
  });
  const [handler] = site.server.listeners('request') as Array<(req: IncomingMessage, res: ServerResponse) => void>;
  site.server.removeAllListeners('request');
  site.server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    if (req.url?.startsWith('/moments/')) res.setHeader('access-control-allow-origin', '*');
    handler!.call(site.server, req, res);
  });
  return site;
}

/** Forgets what the endpoint saw (one endpoint serves a whole test file). */
export function resetEndpoint(endpoint: Endpoint): void {
  endpoint.stored.clear();
  endpoint.raw.clear();
  endpoint.requests.length = 0;
  endpoint.set({ cors: true, script: [], failRate: 0, dropRate: 0, delayMs: 0 });
}

/**
 * A new tab on `path`, with its page errors and `[moments]` console lines collected. `prepare`
 * runs before the navigation (init scripts, a fixed clock).
 */
export async function openPage(
  context: BrowserContext,
  site: Site,
  path: string,
  prepare?: (page: Page) => Promise<unknown>,
): Promise<{ page: Page; errors: string[]; messages: string[] }> {
  const page = await context.newPage();
  const errors = watchPageErrors(page);
  const messages = watchMomentsConsole(page);
  await prepare?.(page);
  await page.goto(site.url + path);
  return { page, errors, messages };
}

/** Every console line of the page (any frame) that starts with `[moments]`. */
export function watchMomentsConsole(page: Page): string[] {
  const messages: string[] = [];
  page.on('console', (message) => {
    if (message.text().startsWith('[moments]')) messages.push(message.text());
  });
  return messages;
}

/** Waits for the survey card to be on screen, with its first choice visible. */
export async function cardShown(where: Page | Frame, timeout = 10_000): Promise<void> {
  await where.locator('moment-survey').getByRole('radio').first().waitFor({ state: 'visible', timeout });
}

/**
 * The shopper clicks `score` on the card and sees the thanks, which the card shows only once
 * core has stored the answer (the status line loses its screen-reader-only class).
 */
export async function answerCard(where: Page | Frame, score: number): Promise<void> {
  await where
    .locator('moment-survey')
    .getByRole('radio', { name: String(score), exact: true })
    .click();
  await where.locator('moment-survey [part="status"]:not(.sr)').filter({ hasText: /\S/ }).waitFor({ timeout: 10_000 });
}

/** The events `record.js` collected in the page. */
export function seamEvents(where: Page | Frame): Promise<SeamEvent[]> {
  return where.evaluate(() => window.seamEvents);
}

/** The ids of answers that arrived in POSTs answered 200 (duplicates included). */
export function postedIds(endpoint: Endpoint): string[] {
  const ids: string[] = [];
  for (const request of endpoint.requests) {
    if (request.method !== 'POST' || request.status !== 200) continue;
    const body = JSON.parse(request.body) as { answers?: Array<{ id: string }> } | Array<{ data: { id: string } }>;
    const answers = Array.isArray(body) ? body.map((event) => event.data) : (body.answers ?? []);
    ids.push(...answers.map((a) => a.id));
  }
  return ids;
}

/** The answers the endpoint stored (once each), in arrival order. */
export function storedAnswers(endpoint: Endpoint): Array<{ id: string; [key: string]: unknown }> {
  return [...endpoint.stored.values()].map((s) => s.answer);
}

/** Polls (bounded) until the endpoint stored `count` answers. */
export async function storedCount(endpoint: Endpoint, count: number, timeout = 15_000): Promise<void> {
  await expect.poll(() => endpoint.stored.size, { timeout, interval: 100 }).toBe(count);
}

/** Resolves after `ms` of real time (the page's clock may be faked). */
export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** An RFC 4122 version 4 UUID. */
export const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
