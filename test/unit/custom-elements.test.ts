// SPDX-License-Identifier: MIT
// The Custom Elements Manifest `npm run build` writes for @moments/elements: what editors and
// Storybook read. Checked against the element's source, so a new part, event or CSS property
// without its JSDoc tag fails here instead of going missing in editors.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '../..');
const pkgDir = join(root, 'packages/elements');
const src = join(pkgDir, 'src');

interface Named {
  name: string;
}
interface Element {
  tagName: string;
  customElement: boolean;
  attributes: Named[];
  members: Named[];
  events: Named[];
  cssParts: Named[];
  cssProperties: Named[];
}
interface Manifest {
  schemaVersion: string;
  modules: Array<{
    path: string;
    declarations: Element[];
    exports?: Array<{ kind: string; name: string; declaration: { module: string } }>;
  }>;
}

function sources(dir: string): string {
  return readdirSync(dir, { withFileTypes: true })
    .map((entry) => (entry.isDirectory() ? sources(join(dir, entry.name)) : readFileSync(join(dir, entry.name), 'utf8')))
    .join('\n');
}
const names = (list: Named[]) => list.map((item) => item.name).sort();
const unique = (found: Iterable<RegExpMatchArray>) => [...new Set([...found].map((match) => match[1]!))].sort();

let manifest: Manifest;
let element: Element;
beforeAll(() => {
  const file = join(pkgDir, 'custom-elements.json');
  expect(existsSync(file), `${file} is missing: run npm run build first`).toBe(true);
  manifest = JSON.parse(readFileSync(file, 'utf8')) as Manifest;
  element = manifest.modules.flatMap((m) => m.declarations).find((d) => d.customElement)!;
});

describe('custom-elements.json', () => {
  it('is referenced by package.json `customElements` and shipped in `files`', () => {
    const pkg = JSON.parse(readFileSync(join(pkgDir, 'package.json'), 'utf8')) as { customElements: string; files: string[] };
    expect(pkg.customElements).toBe('custom-elements.json');
    expect(pkg.files).toContain('custom-elements.json');
    expect(manifest.schemaVersion).toBe('1.0.0');
  });

  it('describes <moment-survey> at the published module path, with its definition export', () => {
    expect(element.tagName).toBe('moment-survey');
    const definition = manifest.modules.flatMap((m) => m.exports ?? []).find((e) => e.kind === 'custom-element-definition');
    expect(definition).toMatchObject({ name: 'moment-survey', declaration: { module: 'dist/moment-survey/moment-survey.js' } });
    for (const module of manifest.modules) {
      expect(module.path).toMatch(/^dist\/.+\.js$/);
      expect(existsSync(join(pkgDir, module.path)), `${module.path} is not in the built package`).toBe(true);
    }
  });

  it('lists the public attributes and properties, not private state', () => {
    expect(names(element.attributes)).toEqual(['data-survey', 'locale', 'phase', 'placement']);
    expect(names(element.members)).toEqual(expect.arrayContaining(['locale', 'phase', 'placement', 'strings', 'survey', 'theme']));
    expect(names(element.members).filter((name) => name.startsWith('_'))).toEqual([]);
  });

  it('lists every event the element dispatches', () => {
    const dispatched = unique(sources(src).matchAll(/new CustomEvent\('([^']+)'/g));
    expect(dispatched.length).toBeGreaterThan(0);
    expect(names(element.events)).toEqual(dispatched);
  });

  it('lists every CSS part and every --moments-* custom property the styles read', () => {
    const code = sources(src);
    const parts = unique(code.matchAll(/part="([\w-]+)"/g));
    expect(parts.length).toBeGreaterThan(5);
    expect(names(element.cssParts)).toEqual(expect.arrayContaining(parts));
    const properties = unique(code.matchAll(/var\((--moments-[\w-]+)/g));
    expect(names(element.cssProperties)).toEqual(properties);
  });
});
