// SPDX-License-Identifier: MIT
// @vitest-environment node
// The example runner's reading of the docs (test/doc-examples/extract.ts): which fenced blocks
// run where, which are skipped and why, and that no block is left unmarked. The examples
// themselves run in test/browser/docs-examples.test.ts.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { allExamples, docPages, examplesOf, root } from '../doc-examples/extract.js';

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

  it('runs a continues block on one page after the previous block of its language', () => {
    const [, second] = page(
      ['```html', '<script src="/m.js"></script>', '```', '<!-- example: continues -->', '```html', '<p data-moment="x"></p>', '```'].join(
        '\n',
      ),
    );
    expect(second).toMatchObject({ runner: 'html', code: '<script src="/m.js"></script>\n<p data-moment="x"></p>' });
    expect(page(['<!-- example: continues -->', '```html', '<p></p>', '```'].join('\n'))[0]!.problem).toContain(
      'no html block comes before it',
    );
  });

  it('reads a fence indented in a list item, without its indent', () => {
    const [json] = page(['1. In the config:', '   ```json', '   { "a": 1 }', '   ```'].join('\n'));
    expect(json).toMatchObject({ lang: 'json', runner: 'json', code: '{ "a": 1 }', line: 2 });
  });
});

/** What TS examples may name without defining it (as test/doc-examples/browser.ts provides at run time). */
const STAND_INS = `
declare const Router: () => null;
declare const Routes: () => null;
declare const analytics: { track(event: string, properties?: unknown): void };
declare function freshToken(): Promise<string>;
declare const surveys: import('@moments/core').Survey[];
`;

/** The repository's `paths` (@moments/* → source), seen from .build/doc-examples/types, plus React → preact/compat as docs/spa.md sets up. */
function examplePaths(): Record<string, string[]> {
  const { compilerOptions } = JSON.parse(readFileSync(join(root, 'tsconfig.json'), 'utf8')) as {
    compilerOptions: { paths: Record<string, string[]> };
  };
  const rebased = Object.entries(compilerOptions.paths).map(([name, targets]) => [name, targets.map((t) => join('../../..', t))]);
  return { ...Object.fromEntries(rebased), react: ['../../../node_modules/preact/compat/src/index.d.ts'] };
}

describe('TypeScript doc examples', () => {
  it('type-check against the public API (tsc, strict, the repository settings)', () => {
    const typed = allExamples().filter((e) => e.runner && (e.lang === 'ts' || e.lang === 'tsx'));
    expect(typed.length).toBeGreaterThan(3);
    const dir = join(root, '.build/doc-examples/types');
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    const names = new Map<string, string>();
    typed.forEach((e, i) => {
      const name = `example-${i}.${e.lang}`;
      names.set(name, e.where);
      writeFileSync(join(dir, name), `${e.code}\nexport {};\n`);
    });
    writeFileSync(join(dir, 'stand-ins.d.ts'), STAND_INS);
    writeFileSync(
      join(dir, 'tsconfig.json'),
      JSON.stringify({
        extends: '../../../tsconfig.json',
        compilerOptions: { paths: examplePaths() },
        include: ['*.ts', '*.tsx'],
        exclude: [],
      }),
    );
    const run = spawnSync(process.execPath, [join(root, 'node_modules/typescript-7/bin/tsc'), '--noEmit', '-p', dir], { encoding: 'utf8' });
    // Name each error by the doc line it comes from.
    const errors = run.stdout
      .split('\n')
      .filter((l) => l.includes('error TS'))
      .map((l) => l.replace(/^.*?(example-\d+\.tsx?)\((\d+),\d+\)/, (_, file: string, line: string) => `${names.get(file)} +${line}`));
    expect(errors).toEqual([]);
    expect(run.status).toBe(0);
  });
});
