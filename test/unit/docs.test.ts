// SPDX-License-Identifier: MIT
// @vitest-environment node
// The docs stay true to the code: every relative link resolves, and the theming guide lists
// every CSS part and custom property the survey card documents.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '../..');
const read = (path: string) => readFileSync(join(root, path), 'utf8');

function markdownFiles(): string[] {
  const docs = (dir: string): string[] =>
    readdirSync(join(root, dir), { withFileTypes: true }).flatMap((e) =>
      e.isDirectory() ? docs(join(dir, e.name)) : e.name.endsWith('.md') ? [join(dir, e.name)] : [],
    );
  return ['README.md', 'CONTRIBUTING.md', 'examples/README.md', ...docs('docs')];
}

describe('docs', () => {
  it('has no broken relative link when a page links a file of the repository', () => {
    const broken = markdownFiles().flatMap((file) =>
      [...read(file).matchAll(/\]\(([^)\s]+)\)/g)]
        .map((m) => m[1]!.split('#')[0]!)
        .filter((target) => target && !/^[a-z]+:/i.test(target))
        .filter((target) => !existsSync(join(root, dirname(file), target)))
        .map((target) => `${file} → ${target}`),
    );
    expect(broken).toEqual([]);
  });

  it('lists every documented part and custom property of <moment-survey> in the theming guide', () => {
    const element = read('packages/elements/src/moment-survey/moment-survey.ts');
    const guide = read('docs/theming.md');
    const documented = [...element.matchAll(/@csspart (\S+)/g), ...element.matchAll(/@cssproperty (\S+)/g)].map((m) => m[1]!);
    expect(documented.length).toBeGreaterThan(0);
    expect(documented.filter((name) => !guide.includes(`\`${name}\``))).toEqual([]);
  });
});
