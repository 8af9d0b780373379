// SPDX-License-Identifier: MIT
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { itBehavesLikeAnEndpoint } from './conformance.js';
import { makeBatch } from './fixtures.js';
import { createAnswersHandler } from './node-http.mjs';
import { serve } from './serve.js';

describe('createAnswersHandler', () => {
  itBehavesLikeAnEndpoint(async (options) => serve(createAnswersHandler(options)));
});

describe('node-http.mjs (run as a program)', () => {
  it('prints each answer once when the same batch is posted twice', async () => {
    const child = spawn(process.execPath, [fileURLToPath(new URL('./node-http.mjs', import.meta.url))], {
      env: { ...process.env, PORT: '0', ALLOWED_ORIGINS: 'https://shop.example' },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    try {
      let output = '';
      child.stdout.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
      while (!/http:\S+\/answers/.test(output)) await Promise.race([once(child.stdout, 'data'), once(child, 'exit').then(() => Promise.reject(new Error(output)))]);
      const url = output.match(/http:\S+\/answers/)![0];
      const batch = makeBatch(2);
      for (let i = 0; i < 2; i++) expect((await fetch(url, { method: 'POST', body: batch })).status).toBe(200);
      expect(output.match(/^answer /gm)).toHaveLength(2);
      expect((await fetch(url.replace('/answers', '/other'), { method: 'POST', body: batch })).status).toBe(404);
    } finally {
      child.kill();
    }
  });
});
