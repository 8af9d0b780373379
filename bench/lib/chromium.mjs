// SPDX-License-Identifier: MIT
// Launches Debian's Chromium through playwright-core for the benches, with the flags the
// browser tests use.
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, ensureChromium } from '../../scripts/ensure-chromium.mjs';

export { CHROMIUM_PATH } from '../../scripts/ensure-chromium.mjs';

const ARGS = [
  ...CHROMIUM_ARGS,
  // performance.memory with exact figures (the memory bench reads the CDP heap too).
  '--enable-precise-memory-info',
];

/** The CPU slowdown every browser bench applies through CDP: a mid-range phone. */
export const CPU_THROTTLING = 4;

/** Launches Chromium (installing Debian's package when allowed, as `npm test` does). */
export function launchChromium() {
  return chromium.launch({ executablePath: ensureChromium(), args: ARGS });
}

/**
 * A fresh context (empty cache and storage) with one page, its CDP session, CPU throttled by
 * `rate`, and every https/wss request blocked (CDP `Network.setBlockedURLs`; the bench server
 * is plain http on 127.0.0.1): the benches run offline. Blocking in the browser, rather than
 * with `page.route`, keeps a round trip through Node off every local request.
 */
export async function openPage(browser, { rate = CPU_THROTTLING } = {}) {
  // Headless Chromium says "HeadlessChrome" in its user agent, and PostHog drops bots' events:
  // every SDK sees the user agent of a desktop Chrome of the same version instead.
  const userAgent = `Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/${browser.version()} Safari/537.36`;
  const context = await browser.newContext({ userAgent });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setBlockedURLs', { urls: ['https://*', 'wss://*'] });
  if (rate > 1) await cdp.send('Emulation.setCPUThrottlingRate', { rate });
  return { context, page, cdp, close: () => context.close() };
}
