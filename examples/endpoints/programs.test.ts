// SPDX-License-Identifier: MIT
// Each example runs as its header says (`node examples/endpoints/<file>`), and a batch posted
// to it twice is stored once.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { makeBatch } from './fixtures.js';

/** Starts `file` with PORT=0 and resolves with the endpoint URL it prints, and its output so far. */
async function run(file: string) {
  const child = spawn(process.execPath, [fileURLToPath(new URL(file, import.meta.url))], {
    env: { ...process.env, PORT: '0', ALLOWED_ORIGINS: 'https://shop.example' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const output = { text: '' };
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (output.text += chunk));
  const exited = once(child, 'exit').then(() => Promise.reject(new Error(`${file} exited: ${output.text}`)));
  while (!/http:\/\/\S+/.test(output.text)) await Promise.race([once(child.stdout, 'data'), exited]);
  return { url: output.text.match(/http:\/\/\S+/)![0], output, stop: () => child.kill() };
}

describe.each(['node-http.mjs', 'express.mjs', 'node-adapter.mjs'])('%s (run as a program)', (file) => {
  it('stores a batch once when it is posted twice', async () => {
    const program = await run(file);
    try {
      const url = program.url.endsWith('/') ? `${program.url}answers` : program.url;
      const post = async () =>
        (await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: makeBatch(2) })).json();
      expect(await post()).toEqual({ stored: 2, duplicates: 0 });
      expect(await post()).toEqual({ stored: 0, duplicates: 2 });
      if (file === 'node-http.mjs') expect(program.output.text.match(/^answer /gm)).toHaveLength(2);
    } finally {
      program.stop();
    }
  });
});
