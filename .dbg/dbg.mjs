import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { chromium } from 'playwright-core';
import { startDemoServer } from '/work/wt-14/demo/server.mjs';
import { startEndpoint } from '/work/wt-14/test/browser/endpoint.mjs';
const root = '/work/wt-14';
const dir = mkdtempSync(join(tmpdir(), 'dbg-'));
const fixture = (n) => join(root, 'test/browser/fixtures', n);
await build({
  entryPoints: [fixture('delivery-harness.ts')],
  bundle: true,
  format: 'iife',
  target: 'es2021',
  outfile: join(dir, 'delivery-harness.js'),
  logLevel: 'error',
});
await build({
  entryPoints: [fixture('delivery-engine.ts')],
  bundle: true,
  format: 'esm',
  target: 'es2021',
  outfile: join(dir, 'delivery-engine.js'),
  logLevel: 'error',
});
const site = await startDemoServer({
  dirs: { '/fixtures/': join(root, 'test/browser/fixtures'), '/harness/': dir },
  csp: "default-src 'self'; connect-src 'self' http://127.0.0.1:*",
});
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox'] });
const endpoint = await startEndpoint();
const context = await browser.newContext();
const page = await context.newPage();
page.on('console', (m) => console.log('console', m.text()));
const extra = process.argv[2] ?? '';
await page.goto(`${site.url}/fixtures/delivery-harness.html?${new URLSearchParams({ endpoint: endpoint.url, tab: 'solo' })}&${extra}`);
await page.waitForFunction(() => window.harness !== undefined);
await context.setOffline(true);
const n = Number(process.argv[3] ?? 30);
await page.evaluate(async (n) => {
  for (let i = 0; i < n; i++) await window.harness.answer();
}, n);
await context.setOffline(false);
await new Promise((r) => setTimeout(r, 5000));
console.log(
  'stored',
  endpoint.stored.size,
  endpoint.requests.map((r) => r.method + r.status),
);
console.log(JSON.stringify(await page.evaluate(() => window.harness.events)).slice(0, 1000));
await browser.close();
await site.close();
await endpoint.stop();
