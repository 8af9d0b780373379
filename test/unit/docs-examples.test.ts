// SPDX-License-Identifier: MIT
// @vitest-environment node
// The example runner's reading of the docs (test/doc-examples/extract.ts): which fenced blocks
// run where, which are skipped and why, and that no block is left unmarked. The examples
// themselves run in test/browser/docs-examples.test.ts.
import { describe, expect, it } from 'vitest';
import { allExamples, docPages, examplesOf } from '../doc-examples/extract.js';

const page = (text: string) => examplesOf('docs/x.md', text);

describe('doc examples', () => {
  it('reads every page of docs/ and the README, leaving out generated reference pages', () => {
    const pages = docPages();
    expect(pages).toContain('README.md');
    expect(pages).toContain('docs/config.md');
    expect(pages.filter((p) => p.startsWith('docs/api/'))).toEqual([]);
  });

  it('has no block in README.md or docs/ that is neither runnable nor marked', () => {
    expect(
      allExamples()
        .filter((e) => e.problem)
        .map((e) => `${e.where}: ${e.problem}`),
    ).toEqual([]);
  });

  it('sends each language to its runner, and JS/TS to Node when marked node', () => {
    const found = page(
      ['```html', '<p></p>', '```', '```tsx', 'x', '```', '<!-- example: node -->', '```js', 'y', '```', '```json', '{}', '```'].join('\n'),
    );
    expect(found.map((e) => [e.line, e.lang, e.runner])).toEqual([
      [1, 'html', 'html'],
      [4, 'tsx', 'browser'],
      [8, 'js', 'node'],
      [11, 'json', 'json'],
    ]);
  });

  it('skips a block marked skip, with its reason, and treats text blocks as prose', () => {
    const [shell, tree] = page(
      ['<!-- example: skip (shell commands) -->', '', '```sh', 'npm test', '```', '```text', 'a/', '```'].join('\n'),
    );
    expect(shell).toMatchObject({ skip: 'shell commands', code: 'npm test' });
    expect(shell!.runner).toBeUndefined();
    expect(tree).toMatchObject({ prose: true });
  });

  it('reports an unmarked block it cannot run, a skip without a reason and an unknown mark', () => {
    const problems = page(
      [
        '```sh',
        'ls',
        '```',
        '```',
        'plain',
        '```',
        '<!-- example: skip -->',
        '```liquid',
        '{{ x }}',
        '```',
        '<!-- example: later -->',
        '```js',
        'z',
        '```',
      ].join('\n'),
    ).map((e) => e.problem);
    expect(problems).toEqual([
      expect.stringContaining('no runner for "sh"'),
      expect.stringContaining('no runner for "(no language)"'),
      expect.stringContaining('gives no reason'),
      expect.stringContaining('unknown mark "later"'),
    ]);
  });

  it('reads a fence indented in a list item, without its indent', () => {
    const [json] = page(['1. In the config:', '   ```json', '   { "a": 1 }', '   ```'].join('\n'));
    expect(json).toMatchObject({ lang: 'json', runner: 'json', code: '{ "a": 1 }', line: 2 });
  });
});
