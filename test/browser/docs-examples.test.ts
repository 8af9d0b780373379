// SPDX-License-Identifier: MIT
// Every fenced code example of README.md and docs/ runs (test/doc-examples/): HTML, browser JS/TS
// and CSS in Chromium against the built files, JSON and server snippets in Node. Blocks marked
// `<!-- example: skip (why) -->` are listed as skipped with their reason.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runInChromium } from '../doc-examples/browser.js';
import { allExamples } from '../doc-examples/extract.js';
import { jsonBlocksOf, jsonProblems, runNode } from '../doc-examples/node.js';
import { launchChromium } from './chromium.js';

const examples = allExamples().filter((e) => !e.prose);
const skipped = examples.filter((e) => e.skip);
const runnable = examples.filter((e) => e.runner);

let browser: Browser | undefined;

beforeAll(() => {
  const counts = [...new Set(runnable.map((e) => e.runner!))].map(
    (runner) => `${runnable.filter((e) => e.runner === runner).length} ${runner}`,
  );
  console.log(`doc examples: ${runnable.length} run (${counts.join(', ')}), ${skipped.length} skipped`);
  for (const e of skipped) console.log(`  skipped ${e.where} (${e.lang}): ${e.skip}`);
});

afterAll(async () => {
  await browser?.close();
});

const chromium = async (): Promise<Browser> => (browser ??= await launchChromium());

describe('doc examples', () => {
  it('finds examples in README.md and docs/, every one runnable or marked', () => {
    expect(runnable.length).toBeGreaterThan(10);
    expect(examples.filter((e) => e.problem).map((e) => `${e.where}: ${e.problem}`)).toEqual([]);
  });

  runnable.forEach((example, index) => {
    const id = `example-${index}`;
    it(`${example.where} (${example.lang}) runs in ${example.runner === 'node' || example.runner === 'json' ? 'Node' : 'Chromium'}`, async () => {
      if (example.runner === 'json') return expect(jsonProblems(example.code)).toEqual([]);
      if (example.runner === 'node') return runNode(example, index);
      if (example.runner === 'html') expect(jsonBlocksOf(example.code).flatMap(jsonProblems)).toEqual([]);
      const b = await chromium();
      expect(await runInChromium(() => b.newContext(), example, id)).toEqual([]);
    });
  });

  skipped.forEach((example) => it.skip(`${example.where} (${example.lang}): ${example.skip}`, () => undefined));
});
