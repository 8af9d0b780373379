// SPDX-License-Identifier: MIT
// Nothing acknowledged is lost: the collector runs as a child process on a SQLite file, takes a
// stream of batches, is killed with SIGKILL mid-stream, restarts on the same file, and every batch
// that got a 2xx must be there, whole. Counts and ordering only, no timings.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { makeAnswer, post } from './fixtures.js';

const entry = fileURLToPath(new URL('../../packages/collector/cli.mjs', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'moments-crash-'));
const database = join(dir, 'answers.db');
const children: ChildProcess[] = [];

afterAll(() => {
  for (const child of children) child.kill('SIGKILL');
  rmSync(dir, { recursive: true, force: true });
});

/** Starts `node packages/collector/cli.mjs` on a free port; resolves with its URL once it listens. */
function startChild(): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, [entry, '--port', '0', '--db', database, '--no-seed', '--rate', '0'], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  children.push(child);
  return new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`collector did not start: ${out}`)), 15_000);
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const url = /collector: (http:\/\/[\d.:]+)\/collect/.exec(out)?.[1];
      if (url) {
        clearTimeout(timer);
        resolve({ child, url });
      }
    });
    child.on('exit', (code) => reject(new Error(`collector exited (${code}) before listening: ${out}`)));
  });
}

const exited = (child: ChildProcess) =>
  new Promise((resolve) => (child.exitCode !== null || child.signalCode !== null ? resolve(null) : child.once('exit', resolve)));

describe('collector process', () => {
  it('keeps every acknowledged answer across kill -9 and a restart', async () => {
    const { child, url } = await startChild();
    const batches: string[][] = [];
    const acknowledged = new Set<number>();
    const KILL_AFTER = 40; // acknowledged batches before the kill
    const IN_FLIGHT = 8;
    let killed = false;

    const sender = async () => {
      while (!killed) {
        const index = batches.length;
        const answers = Array.from({ length: 5 }, () => makeAnswer());
        batches.push(answers.map((a) => String(a['id'])));
        try {
          const reply = await post(url, { answers });
          if (reply.status >= 200 && reply.status < 300) acknowledged.add(index);
        } catch {
          // The connection died with the process: not acknowledged, may or may not be stored.
        }
        if (acknowledged.size >= KILL_AFTER && !killed) {
          killed = true;
          child.kill('SIGKILL');
        }
      }
    };
    await Promise.all(Array.from({ length: IN_FLIGHT }, sender));
    await exited(child);
    expect(child.signalCode).toBe('SIGKILL');

    const restarted = await startChild();
    const stored = new Set(
      ((await (await fetch(`${restarted.url}/export.json`)).json()) as { answers: { id: string }[] }).answers.map((a) => a.id),
    );
    const lost = [...acknowledged].flatMap((i) => batches[i]!).filter((id) => !stored.has(id));
    expect(acknowledged.size).toBeGreaterThanOrEqual(KILL_AFTER);
    expect(lost).toEqual([]);
    // A batch is one transaction: each is stored whole or not at all, acknowledged or not.
    for (const ids of batches) expect([0, ids.length]).toContain(ids.filter((id) => stored.has(id)).length);

    // The SDK retries what was not acknowledged: after that, every answer is there exactly once.
    for (const ids of batches) {
      const reply = await post(restarted.url, { answers: ids.map((id) => makeAnswer({ id })) });
      expect(reply.status).toBe(200);
    }
    const health = (await (await fetch(`${restarted.url}/health`)).json()) as { answers: number };
    expect(health.answers).toBe(batches.length * 5);
    restarted.child.kill('SIGTERM');
    await exited(restarted.child);
  });
});
