// SPDX-License-Identifier: MIT
// What `moments.js` costs a page view that shows no survey (issue 17): its top-level evaluation
// must not touch synchronous storage (the first `localStorage` access loads the origin's whole
// storage area on the main thread) nor read layout. The getters are trapped before any script of
// the page runs (an init script), on a product page whose config declares a moment that nothing
// on the page fires. "During evaluation" is everything until the script element's `load` event:
// the script's top level and the microtasks it queued (the task the trace calls EvaluateScript).
import { fileURLToPath } from 'node:url';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemoServer } from '../../demo/server.mjs';
import { launchChromium, watchPageErrors } from './chromium.js';

const fixtures = fileURLToPath(new URL('./fixtures', import.meta.url));

/** One trapped access: what was touched, in which phase, when, and the first frames of moments.js. */
interface Access {
  what: string;
  kind: 'storage' | 'indexedDB' | 'layout';
  phase: 'evaluation' | 'later';
  at: number;
  stack: string;
}

let browser: Browser;
let site: Awaited<ReturnType<typeof startDemoServer>>;

beforeAll(async () => {
  browser = await launchChromium();
  site = await startDemoServer({ dirs: { '/fixtures/': fixtures } });
});

afterAll(async () => {
  await browser?.close();
  await site?.close();
});

/**
 * Runs in the page before its own scripts: replaces the storage getters, `indexedDB.open` and a
 * few layout reads with recording wrappers (the real behaviour is kept), and switches from the
 * "evaluation" phase to "later" when moments.js's script element fires `load`.
 */
function installTraps(): void {
  const log: Access[] = [];
  let phase: Access['phase'] = 'evaluation';
  const record = (what: string, kind: Access['kind']): void => {
    const frames = (new Error().stack ?? '').split('\n').filter((line) => line.includes('/moments/'));
    log.push({ what, kind, phase, at: Math.round(performance.now()), stack: frames.slice(0, 4).join(' < ').trim() });
  };
  Object.defineProperty(window, '__startupAccesses', { value: log });
  const wrapGetter = (owner: object, name: string, label: string, kind: Access['kind']): void => {
    const descriptor = Object.getOwnPropertyDescriptor(owner, name);
    if (!descriptor?.get) return;
    const get = descriptor.get;
    const set = descriptor.set;
    Object.defineProperty(owner, name, {
      ...descriptor,
      get(this: unknown) {
        record(label, kind);
        return get.call(this);
      },
      ...(set
        ? {
            set(this: unknown, value: unknown) {
              record(`${label} (set)`, kind);
              set.call(this, value);
            },
          }
        : {}),
    });
  };
  const wrapMethod = (owner: Record<string, unknown>, name: string, label: string, kind: Access['kind']): void => {
    const original = owner[name] as (...args: unknown[]) => unknown;
    owner[name] = function (this: unknown, ...args: unknown[]) {
      record(label, kind);
      return original.apply(this, args);
    };
  };
  // Window's attributes live on the instance ([Global]); other interfaces' on their prototype.
  for (const name of ['localStorage', 'sessionStorage']) {
    const owner = Object.getOwnPropertyDescriptor(window, name) ? window : Window.prototype;
    wrapGetter(owner, name, name, 'storage');
  }
  wrapGetter(Document.prototype, 'cookie', 'document.cookie', 'storage');
  // Calls on a Storage object obtained earlier (or by a path the getters above do not see).
  const storage = Storage.prototype as unknown as Record<string, unknown>;
  for (const name of ['getItem', 'setItem', 'removeItem', 'key', 'clear']) {
    wrapMethod(storage, name, `Storage.${name}()`, 'storage');
  }
  wrapGetter(Storage.prototype, 'length', 'Storage.length', 'storage');
  wrapMethod(IDBFactory.prototype as unknown as Record<string, unknown>, 'open', 'indexedDB.open', 'indexedDB');
  const element = Element.prototype as unknown as Record<string, unknown>;
  wrapMethod(element, 'getBoundingClientRect', 'getBoundingClientRect()', 'layout');
  wrapMethod(element, 'getClientRects', 'getClientRects()', 'layout');
  wrapMethod(window as unknown as Record<string, unknown>, 'getComputedStyle', 'getComputedStyle()', 'layout');
  for (const name of ['offsetWidth', 'offsetHeight', 'offsetTop', 'offsetLeft']) {
    wrapGetter(HTMLElement.prototype, name, name, 'layout');
  }
  for (const name of ['clientWidth', 'clientHeight', 'scrollTop', 'scrollHeight']) {
    wrapGetter(Element.prototype, name, name, 'layout');
  }
  for (const name of ['innerWidth', 'innerHeight', 'scrollY']) {
    wrapGetter(Object.getOwnPropertyDescriptor(window, name) ? window : Window.prototype, name, name, 'layout');
  }
  document.addEventListener(
    'load',
    (event) => {
      const target = event.target;
      if (target instanceof HTMLScriptElement && target.src.endsWith('/moments/moments.js')) phase = 'later';
    },
    true,
  );
}

const describeAccess = (a: Access): string => `${a.what} at ${a.at} ms${a.stack ? ` (${a.stack})` : ''}`;

describe('moments.js start-up on a page without a moment', () => {
  it('touches no synchronous storage and reads no layout while it evaluates', async () => {
    const context = await browser.newContext();
    await context.addInitScript(installTraps);
    const page = await context.newPage();
    const errors = watchPageErrors(page);
    await page.goto(`${site.url}/fixtures/startup-plain.html`);
    await page.waitForFunction(() => window.moments !== undefined && !Array.isArray(window.moments));
    // Past the idle prefetch's 3 s timeout: whatever moments.js reads later has happened by now.
    await page.waitForTimeout(3500);
    const read = () => page.evaluate(() => [...(window as unknown as { __startupAccesses: Access[] }).__startupAccesses]);
    const accesses = await read();
    // The traps themselves work: the test's own accesses are recorded.
    await page.evaluate(() => {
      void [localStorage, sessionStorage, document.cookie, indexedDB.open('probe')];
    });
    const probe = (await read()).slice(accesses.length).map((a) => a.what);
    await context.close();
    expect(probe).toEqual(['localStorage', 'sessionStorage', 'document.cookie', 'indexedDB.open']);

    const during = accesses.filter((a) => a.phase === 'evaluation');
    const later = accesses.filter((a) => a.phase === 'later');
    // Not asserted: what may run off the critical path (at idle, in small tasks), for the record.
    console.info(`moments.js touched later (after its evaluation):\n${later.map(describeAccess).join('\n') || '(nothing)'}`);
    expect(errors).toEqual([]);
    // One assertion over all three kinds, so a failure lists everything that was touched.
    const byKind = (kind: Access['kind']) => during.filter((a) => a.kind === kind).map(describeAccess);
    // indexedDB.open is asynchronous, but opening a database is still work a page view without
    // a moment should not pay for while the script evaluates.
    expect({ storage: byKind('storage'), layout: byKind('layout'), indexedDB: byKind('indexedDB') }).toEqual({
      storage: [],
      layout: [],
      indexedDB: [],
    });
  });
});
