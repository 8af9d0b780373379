// SPDX-License-Identifier: MIT
// Reads need the token (Bearer, or the Basic auth password so a browser can open the page);
// beyond loopback without a token the collector serves /collect only, and says so at start-up.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCollector, type RunningCollector } from '@moments/collector';
import { makeAnswer, post } from './fixtures.js';

const TOKEN = 'correct horse battery staple';
const READS = ['/', '/results', '/api/results', '/export.json', '/export.csv'];
const basic = (password: string) => `Basic ${Buffer.from(`anyone:${password}`).toString('base64')}`;

describe('a collector with a token', () => {
  let running: RunningCollector;
  beforeAll(async () => {
    running = await startCollector({ token: TOKEN, seed: true, readRate: 1000, readBurst: 1000 });
  });
  afterAll(() => running.close());

  it('answers 401 with a Basic challenge to reads without the token or with a wrong one', async () => {
    for (const path of READS) {
      for (const authorization of [undefined, 'Bearer nope', basic('nope'), 'Bearer ', `Bearer ${TOKEN}x`]) {
        const response = await fetch(`${running.url}${path}`, { headers: authorization ? { authorization } : {} });
        expect(response.status, `${path} ${authorization}`).toBe(401);
        expect(response.headers.get('www-authenticate')).toContain('Basic realm=');
        expect(await response.text()).not.toContain('sample-visitor');
      }
    }
  });

  it('serves every read with the token as Bearer and as the Basic auth password', async () => {
    for (const path of READS) {
      for (const authorization of [`Bearer ${TOKEN}`, basic(TOKEN)]) {
        const response = await fetch(`${running.url}${path}`, { headers: { authorization } });
        expect(response.status, `${path} ${authorization}`).toBe(200);
        await response.arrayBuffer();
      }
    }
  });

  it('keeps /collect open and /health free of data without the token', async () => {
    expect((await post(running.url, { answers: [makeAnswer()] })).status).toBe(200);
    expect(await (await fetch(`${running.url}/health`)).json()).toEqual({ ok: true });
    const withToken = await (await fetch(`${running.url}/health`, { headers: { authorization: `Bearer ${TOKEN}` } })).json();
    expect(withToken).toMatchObject({ ok: true, store: 'sqlite', answers: expect.any(Number) });
  });

  it('needs the token to erase a visitor', async () => {
    const response = await fetch(`${running.url}/api/visitors/sample-visitor-1`, { method: 'DELETE' });
    expect(response.status).toBe(401);
  });
});

describe('a collector beyond loopback without a token', () => {
  let running: RunningCollector;
  beforeAll(async () => {
    running = await startCollector({ host: '0.0.0.0', seed: true });
  });
  afterAll(() => running.close());

  it('serves /collect only: every read answers 404 reads-disabled, even with a guessed token', async () => {
    expect((await post(running.url, { answers: [makeAnswer()] })).status).toBe(200);
    for (const path of READS) {
      for (const headers of [{}, { authorization: 'Bearer x' }] as Record<string, string>[]) {
        const response = await fetch(`${running.url}${path}`, { headers });
        expect(response.status, path).toBe(404);
        expect(((await response.json()) as { error: string }).error).toBe('reads-disabled');
      }
    }
  });

  it('says so at start-up (the CLI)', async () => {
    const cli = fileURLToPath(new URL('../../packages/collector/cli.mjs', import.meta.url));
    const child = spawn(process.execPath, [cli, '--host', '0.0.0.0', '--port', '0', '--db', ':memory:'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (c: Buffer) => (out += c));
    child.stderr.on('data', (c: Buffer) => (out += c));
    await expect.poll(() => out, { timeout: 15_000 }).toContain('serving POST /collect only');
    child.kill('SIGTERM');
  });
});

describe('read rate limit', () => {
  it('answers 429 with Retry-After once a client passes its read burst', async () => {
    const running = await startCollector({ readRate: 1, readBurst: 3 });
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) {
      const response = await fetch(`${running.url}/api/results`);
      statuses.push(response.status);
      await response.arrayBuffer();
    }
    await running.close();
    expect(statuses).toEqual([200, 200, 200, 429, 429]);
  });
});

describe('behind a load balancer (trustProxy)', () => {
  it('counts each client by the address the balancer appended to X-Forwarded-For', async () => {
    const running = await startCollector({ trustProxy: true, rate: 1, burst: 1 });
    const from = (address: string) => post(running.url, { answers: [makeAnswer()] }, { 'x-forwarded-for': `203.0.113.9, ${address}` });
    const statuses = [(await from('198.51.100.1')).status, (await from('198.51.100.2')).status, (await from('198.51.100.1')).status];
    await running.close();
    expect(statuses).toEqual([200, 200, 429]);
  });
});

describe('moments-collector --help', () => {
  it('prints the options and exits 0', async () => {
    const cli = fileURLToPath(new URL('../../packages/collector/cli.mjs', import.meta.url));
    const child = spawn(process.execPath, [cli, '--help'], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (c: Buffer) => (out += c));
    const code = await new Promise((resolve) => child.on('exit', resolve));
    expect(code).toBe(0);
    for (const option of ['--db', '--token', '--surveys', '--alert-url', '--retain-days', '--origin']) expect(out).toContain(option);
  });
});
