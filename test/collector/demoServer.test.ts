// SPDX-License-Identifier: MIT
// The demo site server (`npm start`'s first half) over loopback: no browser needed.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemoServer } from '../../demo/server.mjs';
import { makeAnswer, post } from './fixtures.js';

const spa = mkdtempSync(join(tmpdir(), 'moments-spa-'));
let site: Awaited<ReturnType<typeof startDemoServer>>;

beforeAll(async () => {
  mkdirSync(join(spa, 'assets'));
  writeFileSync(join(spa, 'index.html'), '<!doctype html><title>SPA</title><p>endpoint __COLLECTOR__</p>');
  writeFileSync(join(spa, 'assets', 'app.js'), 'export {};');
  site = await startDemoServer({ vars: { COLLECTOR: 'http://collector.test' }, dirs: { '/spa/': spa, '/nope/': join(spa, 'missing') } });
});
afterAll(async () => {
  await site.close();
  rmSync(spa, { recursive: true, force: true });
});

/** A raw GET, so `..` and `%2f` reach the server exactly as written. */
function rawGet(path: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const { port } = new URL(site.url);
    request({ host: '127.0.0.1', port, path }, (res) => {
      let body = '';
      res.on('data', (chunk) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    })
      .on('error', reject)
      .end();
  });
}

describe('startDemoServer', () => {
  it('serves the storefront with the collector URL filled in and a strict CSP', async () => {
    const response = await fetch(`${site.url}/shop/order.html`);
    const html = await response.text();
    expect(response.headers.get('content-security-policy')).toBe("default-src 'self'");
    expect(html).toContain('"endpoint": "http://collector.test/collect"');
    expect(html).toContain('data-moment="purchase" data-moment-context-order-id="A-1042"');
    expect(html).not.toContain('__COLLECTOR__');
  });

  it('redirects a mount without its slash and serves its index', async () => {
    const response = await fetch(`${site.url}/shop`, { redirect: 'manual' });
    expect(response.status).toBe(301);
    expect(response.headers.get('location')).toBe('/shop/');
    expect(await (await fetch(`${site.url}/shop/`)).text()).toContain('Ethiopia Guji');
  });

  it('refuses paths that climb out of a mounted folder', async () => {
    for (const path of ['/shop/..%2f..%2fpackage.json', '/shop/%2e%2e/%2e%2e/package.json', '/moments/..%2f..%2f..%2fpackage.json']) {
      const { status, body } = await rawGet(path);
      expect(status, path).toBe(404);
      expect(body).not.toContain('moments-monorepo');
    }
    expect((await rawGet('/shop/%E0%A4%A')).status).toBe(400);
  });

  it('serves SPA routes from its index.html and its assets as files', async () => {
    const route = await fetch(`${site.url}/spa/orders/A-1042`);
    expect(route.status).toBe(200);
    expect(await route.text()).toContain('endpoint http://collector.test');
    const asset = await fetch(`${site.url}/spa/assets/app.js`);
    expect(asset.headers.get('content-type')).toContain('text/javascript');
    expect((await fetch(`${site.url}/spa/assets/missing.js`)).status).toBe(404);
  });

  it('answers 404 under a mount whose folder does not exist', async () => {
    expect((await fetch(`${site.url}/nope/`)).status).toBe(404);
  });

  it('takes answers at /collect and lists them', async () => {
    const answer = makeAnswer();
    expect((await post(site.url, { answers: [answer] })).status).toBe(200);
    expect((await site.collector.answers()).map((a) => a.id)).toContain(answer['id']);
  });
});
