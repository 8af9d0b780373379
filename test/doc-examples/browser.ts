// SPDX-License-Identifier: MIT
// Runs doc examples in Chromium on a made-up storefront origin (https://shop.example), answered
// by request interception: the built packages/embed/dist files wherever a page asks for
// `moments*.js`, a 200 for every POST (with CORS), JS/TS examples bundled by esbuild against the
// built packages. A run fails on a page error, a console error, or a `[moments]` warning (an
// invalid config, say); an HTML example that declares a `data-moment` seen on view must show a card.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { build, type Plugin } from 'esbuild';
import type { BrowserContext, Page, Route } from 'playwright-core';
import { expect } from 'vitest';
import { root, type Example } from './extract.js';
import { exampleFile, OUT } from './node.js';

const ORIGIN = 'https://shop.example';
const DIST = join(root, 'packages/embed/dist');
const CORS = { 'access-control-allow-origin': '*', 'access-control-allow-headers': '*', 'access-control-allow-methods': 'POST, OPTIONS' };

/**
 * What browser examples may name without defining it, because the reader's page has it: a router,
 * an analytics client, a token source, a survey list, a CMP. Classic script, loaded first.
 */
const STAND_INS = `
window.Router = window.Routes = function () { return null; };
window.analytics = { track: function () {} };
window.freshToken = function () { return Promise.resolve('token'); };
window.surveys = [{ id: 'doc-example', moment: 'purchase', question: { type: 'nps', text: 'How likely are you to recommend us?' } }];
window.Cookiebot = { consent: { statistics: true } };
`;
/** A `data-config` URL in an example names the reader's own file: this one stands in for it. */
const STAND_IN_CONFIG = JSON.stringify({ endpoint: 'https://answers.shop.example/answers', surveys: [] });

const page = (body: string): string =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>example</title><script src="/__stand-ins.js"></script></head><body>${body}</body></html>`;

/** The integrity hash of the built moments.js, for examples that pin it (`integrity="sha384-…"`). */
const sri = (): string =>
  `sha384-${createHash('sha384')
    .update(readFileSync(join(DIST, 'moments.js')))
    .digest('base64')}`;

/** Relative imports of a doc snippet (`./segment.mjs`) name files of examples/. */
const examplesImports: Plugin = {
  name: 'doc-examples-imports',
  setup(b) {
    b.onResolve({ filter: /^\.\.?\// }, (args) =>
      args.importer.startsWith(join(OUT, 'src')) && !existsSync(join(dirname(args.importer), args.path))
        ? { path: exampleFile(args.path) }
        : undefined,
    );
  },
};

/**
 * Bundles a module example (against the built packages, as an app would) with an entry that imports it and renders an exported `App`
 * component (Preact; React names go to preact/compat, as docs/spa.md sets up).
 */
async function bundle(example: Example, id: string): Promise<string> {
  const src = join(OUT, 'src');
  mkdirSync(src, { recursive: true });
  writeFileSync(join(src, `${id}.${example.lang}`), example.code);
  writeFileSync(
    join(src, `${id}-entry.tsx`),
    `import { h, render } from 'preact';
import * as example from './${id}.${example.lang}';
const app = (example as Record<string, unknown>)['App'];
if (typeof app === 'function') render(h(app as () => null, {}), document.getElementById('root')!);
(window as unknown as { __exampleDone: boolean }).__exampleDone = true;`,
  );
  await build({
    entryPoints: { [id]: join(src, `${id}-entry.tsx`) },
    outdir: join(OUT, 'out'),
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'browser',
    jsx: 'automatic',
    jsxImportSource: 'preact',
    alias: { react: 'preact/compat', 'react-dom': 'preact/compat', 'react/jsx-runtime': 'preact/jsx-runtime' },
    plugins: [examplesImports],
    // Not the repository's tsconfig: its `paths` point @moments/* at the source; readers get dist.
    tsconfigRaw: {},
    logLevel: 'silent',
  });
  return `<div id="root"></div><script type="module" src="/__example/${id}.js"></script>`;
}

const isModule = (code: string): boolean => /^\s*(import|export)\s/m.test(code);

/** The page an example runs in. */
async function pageFor(example: Example, id: string): Promise<{ html: string; scripts: Record<string, string> }> {
  if (example.runner === 'html') return { html: page(example.code.replaceAll('sha384-…', sri())), scripts: {} };
  if (example.runner === 'css')
    return { html: page(`<style id="example">${example.code}</style><moment-survey></moment-survey>`), scripts: {} };
  if (isModule(example.code)) return { html: page(await bundle(example, id)), scripts: {} };
  return { html: page(`<script src="/__example/${id}.js"></script>`), scripts: { [`${id}.js`]: example.code } };
}

async function serve(context: BrowserContext, html: string, scripts: Record<string, string>): Promise<void> {
  await context.route('**/*', async (route: Route) => {
    const request = route.request();
    const url = new URL(request.url());
    const name = basename(url.pathname);
    const js = (body: string | Buffer) => route.fulfill({ status: 200, headers: { ...CORS, 'content-type': 'text/javascript' }, body });
    if (request.method() === 'OPTIONS') return route.fulfill({ status: 204, headers: CORS });
    if (request.method() === 'POST')
      return route.fulfill({ status: 200, headers: { ...CORS, 'content-type': 'application/json' }, body: '{}' });
    if (url.origin === ORIGIN && url.pathname === '/') return route.fulfill({ status: 200, contentType: 'text/html', body: html });
    if (url.pathname === '/__stand-ins.js') return js(STAND_INS);
    if (url.pathname.startsWith('/__example/')) {
      const built = join(OUT, 'out', name);
      return scripts[name] !== undefined ? js(scripts[name]) : existsSync(built) ? js(readFileSync(built)) : route.fulfill({ status: 404 });
    }
    if (/^moments[\w.-]*\.js$/.test(name) && existsSync(join(DIST, name))) return js(readFileSync(join(DIST, name)));
    if (name.endsWith('.json'))
      return route.fulfill({ status: 200, headers: { ...CORS, 'content-type': 'application/json' }, body: STAND_IN_CONFIG });
    return route.fulfill({ status: 404, headers: CORS });
  });
}

/** Watches a page for what fails an example: page errors, console errors, `[moments]` warnings. */
function watch(tab: Page): string[] {
  const problems: string[] = [];
  tab.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  tab.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
    if (message.type() === 'warning' && message.text().startsWith('[moments]')) problems.push(`warning: ${message.text()}`);
  });
  return problems;
}

/** An HTML example with a moment seen on view (`data-moment`, no `data-moment-on` or `view`). */
const firesOnView = (html: string): boolean =>
  [...html.matchAll(/<[^>]*\bdata-moment="[^"]*"[^>]*>/g)].some(
    (m) => !/data-moment-on="(?!view")/.test(m[0]) && /moments[\w.-]*\.js/.test(html),
  );

/** Runs one example in a fresh context of `browser`; resolves with the problems seen (none: passed). */
export async function runInChromium(newContext: () => Promise<BrowserContext>, example: Example, id: string): Promise<string[]> {
  const { html, scripts } = await pageFor(example, id);
  const context = await newContext();
  try {
    await serve(context, html, scripts);
    const tab = await context.newPage();
    const problems = watch(tab);
    await tab.goto(`${ORIGIN}/`, { timeout: 10_000 });
    if (example.runner === 'browser' && isModule(example.code)) {
      await tab.waitForFunction(() => (window as unknown as { __exampleDone?: boolean }).__exampleDone === true, null, { timeout: 10_000 });
    }
    if (example.runner === 'html' && firesOnView(example.code)) {
      await expect.poll(() => tab.locator('moment-survey').count(), { timeout: 10_000 }).toBeGreaterThan(0);
    }
    if (example.runner === 'css') problems.push(...(await cssProblems(tab, example.code)));
    // Long enough for a config check or a lazy chunk to report, short enough for many examples.
    await tab.waitForTimeout(500);
    return problems;
  } finally {
    await context.close();
  }
}

/** Chromium drops a rule it cannot parse: every top-level block of the example must survive. */
async function cssProblems(tab: Page, css: string): Promise<string[]> {
  const blocks = [...css.replace(/\/\*[\s\S]*?\*\//g, '').matchAll(/[^{}]+\{[^{}]*\}/g)].length;
  const parsed = await tab.evaluate(() => (document.getElementById('example') as HTMLStyleElement).sheet!.cssRules.length);
  return parsed === blocks ? [] : [`Chromium kept ${parsed} of ${blocks} CSS rules`];
}
