// SPDX-License-Identifier: MIT
// Exports stream: 200,000 stored answers go out as CSV and JSON while the collector's memory
// stays flat (measured in its own process), and CSV cells never run as spreadsheet formulas.
import { fork, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { csvCell, openStore } from '@moments/collector';
import { HOUR_AGO } from './fixtures.js';
import { seedSqliteAnswers } from './helpers/seed.mjs';

const ROWS = Number(process.env['EXPORT_ROWS'] ?? 200_000);
const MiB = 1024 * 1024;
const dir = mkdtempSync(join(tmpdir(), 'moments-export-'));
let child: ChildProcess | undefined;
afterAll(() => {
  child?.kill('SIGKILL');
  rmSync(dir, { recursive: true, force: true });
});

describe('csvCell', () => {
  it.each([
    ['=HYPERLINK("http://x")', `"'=HYPERLINK(""http://x"")"`],
    ['+1+2', "'+1+2"],
    ['-2+3', "'-2+3"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\t=1', "'\t=1"],
    ['\r=1', `"'\r=1"`],
    ['   =1+1', "'   =1+1"],
    ['\u3000=1', "'\u3000=1"],
    ['＝1+1', "'＝1+1"],
    ['＋1', "'＋1"],
    ['－1', "'－1"],
    ['＠A1', "'＠A1"],
  ])('neutralises %j', (input, expected) => {
    expect(csvCell(input)).toBe(expected);
  });

  it('leaves plain text and numbers (negative ones too) as they are', () => {
    expect(csvCell('Fast delivery')).toBe('Fast delivery');
    expect(csvCell(-3)).toBe('-3');
    expect(csvCell('a, "b"')).toBe('"a, ""b"""');
    expect(csvCell(undefined)).toBe('');
  });
});

interface Usage {
  maxRss: number;
  peakHeap: number;
  heap: number;
}

/** Reads a response to the end, counting bytes and line breaks without keeping the body. */
async function drain(response: Response): Promise<{ bytes: number; lines: number; head: string; tail: string }> {
  let bytes = 0;
  let lines = 0;
  let head = '';
  let tail = '';
  const decoder = new TextDecoder();
  for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
    bytes += chunk.length;
    const text = decoder.decode(chunk, { stream: true });
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) lines++;
    if (head.length < 200) head += text.slice(0, 200);
    tail = (tail + text).slice(-200);
  }
  return { bytes, lines, head, tail };
}

describe('streamed exports', () => {
  it(`serves ${ROWS.toLocaleString('en')} answers as CSV and JSON with flat memory`, async () => {
    const database = join(dir, 'big.db');
    // The collector creates its schema; the rows are then generated inside SQLite.
    await (await openStore(database)).close();
    seedSqliteAnswers(database, ROWS, HOUR_AGO);

    const entry = fileURLToPath(new URL('./helpers/memoryChild.mjs', import.meta.url));
    // A 48 MiB old space: a collector that built the export in memory (the demo's took 674 MiB
    // for this many rows) dies of it; a streaming one never comes near.
    const proc = fork(entry, [database], { stdio: ['ignore', 'pipe', 'inherit', 'ipc'], execArgv: ['--max-old-space-size=48'] });
    child = proc;
    const url = await new Promise<string>((resolve, reject) => {
      let out = '';
      proc.stdout!.on('data', (c: Buffer) => {
        out += c;
        const match = /listening (http:\/\/\S+)/.exec(out);
        if (match) resolve(match[1]!);
      });
      proc.once('exit', (code) => reject(new Error(`child exited ${code}`)));
    });
    const usage = (message = 'usage') =>
      new Promise<Usage>((resolve) => {
        proc.once('message', (m) => resolve(m as Usage));
        proc.send(message);
      });
    // Warm up (JIT, SQLite page cache) on a small read, then take the baseline.
    await (await fetch(`${url}/health`)).json();
    const before = await usage('reset');

    const csv = await drain(await fetch(`${url}/export.csv`));
    const json = await drain(await fetch(`${url}/export.json`));
    const after = await usage();
    proc.disconnect();

    expect(csv.lines).toBe(ROWS + 1); // header + one line per answer
    expect(csv.bytes).toBeGreaterThan(40 * MiB);
    expect(json.head.startsWith('{"answers":[{"id":"big-0",')).toBe(true);
    expect(json.tail.endsWith('"sample":false}]}')).toBe(true);
    expect(json.bytes).toBeGreaterThan(60 * MiB);
    // Building the list in memory took hundreds of MiB; streamed, the peak grows by a few pages.
    expect((after.maxRss - before.maxRss) / MiB, 'peak RSS growth, MiB').toBeLessThan(64);
    expect((after.peakHeap - before.heap) / MiB, 'peak heap growth, MiB').toBeLessThan(40);
  }, 120_000);
});
