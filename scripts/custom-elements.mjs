// SPDX-License-Identifier: MIT
// Writes packages/elements/custom-elements.json (Custom Elements Manifest 1.0, what VS Code, JetBrains
// and Storybook read): `@custom-elements-manifest/analyzer` reads the element's source and its JSDoc
// (@event, @csspart, @cssproperty), then this tidies what it cannot know about our source.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { posix } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const SRC = 'packages/elements/src/';
const OUT = `${root}packages/elements/custom-elements.json`;

/** Attributes read from the host element that no Lit property declares. */
const HOST_ATTRIBUTES = [
  {
    name: 'data-survey',
    type: { text: 'string' },
    description:
      'Marks an inline slot: a survey with placement `inline` renders into the `<moment-survey>` whose `data-survey` is its id (else the first empty one).',
  },
];

/**
 * A module path as a user's tools resolve the published package: `dist/….js` (the analyzer
 * reports source paths, and re-exports relative to the re-exporting module).
 */
function published(path, from) {
  const source = path.startsWith('./') || path.startsWith('../') ? posix.join(posix.dirname(from), path) : path.replace(/^\//, '');
  if (!source.startsWith(SRC)) return path;
  return `dist/${source.slice(SRC.length).replace(/\.ts$/, '.js')}`;
}

/** Rewrites every `path` and `module` in one module's entry. */
function publishedPaths(value, from) {
  if (Array.isArray(value)) return value.map((item) => publishedPaths(item, from));
  if (!value || typeof value !== 'object') return value;
  const entries = Object.entries(value).map(([key, v]) => [
    key,
    (key === 'path' || key === 'module') && typeof v === 'string' ? published(v, from) : publishedPaths(v, from),
  ]);
  return Object.fromEntries(entries);
}

/** String constants of registry.ts (`SURVEY_TAG`): the analyzer reports the identifier, not the tag. */
function tagConstants() {
  const source = readFileSync(`${root}${SRC}registry.ts`, 'utf8');
  return Object.fromEntries([...source.matchAll(/export const (\w+) = '([^']+)'/g)].map(([, name, value]) => [name, value]));
}

/** Drops `_`-prefixed members: private by convention (STYLE.md §3), Lit `state` the analyzer lists as attributes. */
const isPublic = (member) => !member.name.startsWith('_') && member.privacy !== 'private' && member.privacy !== 'protected';

/**
 * The public tag: registry.ts registers the card under `SURVEY_TAG` (a numbered variant only when
 * another script holds that name), through a variable the analyzer reports by its name.
 */
const publicTag = (name, tags) => tags[name] ?? (/^[a-z]+$/.test(name) ? tags['SURVEY_TAG'] : name);

function tidyElement(declaration, tags) {
  const tagName = publicTag(declaration.tagName, tags);
  const attributes = [...(declaration.attributes ?? []).filter(isPublic), ...HOST_ATTRIBUTES];
  const members = (declaration.members ?? []).filter(isPublic);
  return { ...declaration, tagName, attributes, members };
}

/** Runs the analyzer on the elements' source and writes the tidied manifest (after the build of dist/); returns it. */
export function writeCustomElementsManifest() {
  const cli = `${root}node_modules/@custom-elements-manifest/analyzer/cem.js`;
  execFileSync(process.execPath, [cli, 'analyze', '--config', `${root}scripts/cem.config.mjs`], { cwd: root, stdio: 'ignore' });
  const raw = JSON.parse(readFileSync(`${root}.build/cem/custom-elements.json`, 'utf8'));
  const tags = tagConstants();
  const modules = raw.modules.map((module) =>
    publishedPaths(
      {
        ...module,
        declarations: module.declarations.map((d) => (d.customElement ? tidyElement(d, tags) : d)),
        exports: module.exports?.map((e) => (e.kind === 'custom-element-definition' ? { ...e, name: publicTag(e.name, tags) } : e)),
      },
      module.path,
    ),
  );
  // Type-only modules (survey-types, jsx/*) have no JavaScript in dist: no module to describe.
  const manifest = { ...raw, modules: modules.filter((module) => existsSync(`${root}packages/elements/${module.path}`)) };
  const elements = modules.flatMap((m) => m.declarations).filter((d) => d.customElement);
  if (!elements.some((d) => d.tagName === 'moment-survey')) throw new Error('custom-elements.json: <moment-survey> was not found');
  writeFileSync(OUT, `${JSON.stringify(manifest, null, 2)}\n`);
  return manifest;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) writeCustomElementsManifest();
