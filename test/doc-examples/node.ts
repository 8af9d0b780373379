// SPDX-License-Identifier: MIT
// Runs doc examples in Node: JSON (parsed; configs validated, answers checked field by field)
// and server snippets (imported as ES modules, their relative imports resolved in examples/).
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { transform } from 'esbuild';
import { parseConfig } from '@moments/core';
import { declaredFields } from '../unit/docs-reference.js';
import { root, type Example } from './extract.js';

export const OUT = join(root, '.build/doc-examples');

const topFields = (name: string): string[] => declaredFields('packages/core/src/types.ts', name).filter((f) => !f.includes('.'));

/** What is wrong with a JSON example: not JSON, a config the schema rejects, an answer with unknown fields. */
export function jsonProblems(code: string): string[] {
  let value: unknown;
  try {
    value = JSON.parse(code);
  } catch (error) {
    return [`not valid JSON: ${(error as Error).message}`];
  }
  if (!value || typeof value !== 'object' || Array.isArray(value)) return [];
  const record = value as Record<string, unknown>;
  const problems: string[] = [];
  if ('endpoint' in record) {
    // A fragment without surveys (a setting shown alone) is checked with an empty list.
    const result = parseConfig({ surveys: [], ...record });
    problems.push(...result.issues.map((issue) => `config ${issue.path}: ${issue.message}`));
  }
  const lists: Array<[key: string, type: string]> = [
    ['answers', 'Answer'],
    ['events', 'LifecycleEvent'],
  ];
  for (const [key, type] of lists) {
    const fields = topFields(type);
    const items = Array.isArray(record[key]) ? (record[key] as Array<Record<string, unknown>>) : [];
    items.forEach((item, i) => {
      for (const field of Object.keys(item)) if (!fields.includes(field)) problems.push(`${key}[${i}].${field} is not a field of ${type}`);
    });
  }
  return problems;
}

/** The JSON blocks (`<script type="application/json">`) of an HTML example. */
export const jsonBlocksOf = (html: string): string[] =>
  [...html.matchAll(/<script[^>]*type="application\/json"[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]!);

/** The one file of examples/ a doc snippet's relative import names (`./segment.mjs`). */
export function exampleFile(specifier: string): string {
  const name = basename(specifier);
  const walk = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
      e.isDirectory() ? walk(join(dir, e.name)) : e.name === name ? [join(dir, e.name)] : [],
    );
  const found = walk(join(root, 'examples'));
  if (found.length !== 1) throw new Error(`imports ${specifier}: ${found.length} files of examples/ have that name`);
  return found[0]!;
}

/** What a server snippet may name without defining it: the reader's own store and secrets. */
function nodeStandIns(): Record<string, unknown> {
  const ids = new Set<string>();
  const store = { add: async (_kind: string, record: { id: string }) => !ids.has(record.id) && Boolean(ids.add(record.id)) };
  return { myStore: store, db: store };
}

/** Imports a server snippet as an ES module; rejects with what went wrong. */
export async function runNode(example: Example, index: number): Promise<void> {
  const { code } = await transform(example.code, { loader: example.lang.startsWith('ts') ? 'ts' : 'js', format: 'esm' });
  const resolved = code.replace(
    /(\bfrom\s*|\bimport\s*\(\s*)(['"])(\.{1,2}\/[^'"]+)\2/g,
    (_, lead: string, quote: string, spec: string) => `${lead}${quote}${pathToFileURL(exampleFile(spec)).href}${quote}`,
  );
  mkdirSync(OUT, { recursive: true });
  const file = join(OUT, `node-${index}.mjs`);
  writeFileSync(file, resolved);
  const standIns = nodeStandIns();
  const globals = globalThis as Record<string, unknown>;
  Object.assign(globals, standIns);
  process.env['SLACK_WEBHOOK_URL'] ??= 'https://hooks.slack.example/services/T000/B000/XXXX';
  try {
    await import(/* @vite-ignore */ pathToFileURL(file).href);
  } finally {
    for (const key of Object.keys(standIns)) delete globals[key];
  }
}
