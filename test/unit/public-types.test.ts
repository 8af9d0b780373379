// SPDX-License-Identifier: MIT
// The published declarations are the public API: no `any` may leak into them.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '../..');

function declarations(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? declarations(join(dir, entry.name)) : entry.name.endsWith('.d.ts') ? [join(dir, entry.name)] : [],
  );
}

describe('published declarations', () => {
  for (const name of ['core', 'elements', 'preact', 'react', 'shopify']) {
    it(`@moments/${name} has declarations without \`any\``, () => {
      const dir = join(root, 'packages', name, 'dist/types');
      expect(existsSync(dir), `${dir} is missing: run npm run build first`).toBe(true);
      const files = declarations(dir);
      expect(files.length).toBeGreaterThan(0);
      const offenders = files.flatMap((file) =>
        readFileSync(file, 'utf8')
          .split('\n')
          .map((line, i) => ({ line: line.replace(/\/\*.*?\*\/|\/\/.*$|^\s*\*.*$/g, ''), at: `${file.slice(root.length + 1)}:${i + 1}` }))
          .filter(({ line }) => /\bany\b/.test(line))
          .map(({ at }) => at),
      );
      expect(offenders).toEqual([]);
    });
  }
});
