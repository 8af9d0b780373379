// SPDX-License-Identifier: MIT
// What docs/config.md must list, read from the code itself (the config schema object, the
// TypeScript declarations of events and answers, the attributes the source reads), and what the
// page does list (its tables). docs-reference.test.ts compares the two.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import type { Schema } from '../../packages/core/src/decide/config/schemaKit.js';

export const root = join(import.meta.dirname, '../..');
export const read = (path: string): string => readFileSync(join(root, path), 'utf8');

/**
 * Every key path a schema declares: `delivery`, `delivery.batchSize`, `surveys[].question.type`.
 * `lists` names list keys whose items another schema checks (the config checks `surveys` one by
 * one with `surveySchema`), so the walk goes on into them as `<key>[]`.
 */
export function schemaPaths(schema: Schema<unknown>, lists: Record<string, Schema<unknown>> = {}, prefix = ''): string[] {
  const paths: string[] = [];
  for (const [key, child] of Object.entries(schema.shape ?? {})) {
    const path = prefix + key;
    paths.push(path);
    if (child.shape) paths.push(...schemaPaths(child, {}, `${path}.`));
    const items = lists[key];
    if (items) paths.push(...schemaPaths(items, {}, `${path}[].`));
  }
  return paths;
}

/** The members of a declared interface (or type literal), nested object literals as `a.b`. */
export function declaredFields(file: string, name: string): string[] {
  const source = ts.createSourceFile(file, read(file), ts.ScriptTarget.Latest, true);
  const declaration = source.statements.find((s): s is ts.InterfaceDeclaration => ts.isInterfaceDeclaration(s) && s.name.text === name);
  if (!declaration) throw new Error(`${file} declares no interface ${name}`);
  return membersOf(declaration.members);
}

function membersOf(members: ts.NodeArray<ts.TypeElement>, prefix = ''): string[] {
  return members.flatMap((member) => {
    if (!ts.isPropertySignature(member) || !member.name) return [];
    const path = prefix + member.name.getText();
    const type = member.type;
    return type && ts.isTypeLiteralNode(type) ? [path, ...membersOf(type.members, `${path}.`)] : [path];
  });
}

/**
 * The events of `MomentsEventMap` with their payload fields as `event.field`; a payload named by
 * an interface of the same file (`error: MomentsError`) is read from that interface.
 */
export function eventFields(file: string): string[] {
  const source = ts.createSourceFile(file, read(file), ts.ScriptTarget.Latest, true);
  const map = source.statements.find(
    (s): s is ts.InterfaceDeclaration => ts.isInterfaceDeclaration(s) && s.name.text === 'MomentsEventMap',
  );
  if (!map) throw new Error(`${file} declares no MomentsEventMap`);
  return map.members.flatMap((member) => {
    if (!ts.isPropertySignature(member) || !member.type) return [];
    const event = member.name.getText();
    const type = member.type;
    const fields = ts.isTypeLiteralNode(type)
      ? membersOf(type.members)
      : ts.isTypeReferenceNode(type)
        ? declaredFields(file, type.typeName.getText())
        : [];
    return fields.map((field) => `${event}.${field}`);
  });
}

/** The string literals of a union type alias (`type SkipReason = 'consent' | …`). */
export function unionLiterals(file: string, name: string): string[] {
  const source = ts.createSourceFile(file, read(file), ts.ScriptTarget.Latest, true);
  const alias = source.statements.find((s): s is ts.TypeAliasDeclaration => ts.isTypeAliasDeclaration(s) && s.name.text === name);
  if (!alias || !ts.isUnionTypeNode(alias.type)) throw new Error(`${file} declares no union type ${name}`);
  return alias.type.types.flatMap((t) => (ts.isLiteralTypeNode(t) && ts.isStringLiteral(t.literal) ? [t.literal.text] : []));
}

/** The names of the events of `MomentsEventMap`. */
export function eventNames(file: string): string[] {
  const source = ts.createSourceFile(file, read(file), ts.ScriptTarget.Latest, true);
  const map = source.statements.find(
    (s): s is ts.InterfaceDeclaration => ts.isInterfaceDeclaration(s) && s.name.text === 'MomentsEventMap',
  );
  return map ? map.members.flatMap((m) => (ts.isPropertySignature(m) ? [m.name.getText()] : [])) : [];
}

/** The source of every `.ts` file under `dir` (or the file itself), comments removed. */
function code(path: string): string {
  const files = statSync(join(root, path)).isDirectory()
    ? readdirSync(join(root, path))
        .filter((f) => f.endsWith('.ts'))
        .map((f) => join(path, f))
    : [path];
  return files
    .map((f) =>
      read(f)
        .replace(/\/\*[\s\S]*?\*\//g, '')
        .replace(/(^|[^:])\/\/.*$/gm, '$1'),
    )
    .join('\n');
}

const kebab = (camel: string): string => camel.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);

/** The `data-*` attributes the code under `paths` reads through `dataset` (`dataset['name']`, `dataset.name`, `data['name']`). */
export function datasetReads(...paths: string[]): string[] {
  const text = paths.map(code).join('\n');
  const found = new Set<string>();
  for (const m of text.matchAll(/\b(?:dataset|data)\[['"](\w+)['"]\]|\bdataset\.(\w+)/g)) found.add(`data-${kebab((m[1] ?? m[2])!)}`);
  return [...found];
}

/**
 * The `'data-…'` string literals of the code under `paths` (selectors, attribute names, prefixes);
 * a prefix such as `data-moment-context-` is documented as `data-moment-context-<kebab-key>`.
 */
export function dataLiterals(...paths: string[]): string[] {
  const found = new Set<string>();
  for (const [, name] of paths
    .map(code)
    .join('\n')
    .matchAll(/['"`[](data-[a-z-]+)/g)) {
    found.add(name!.endsWith('-') ? `${name}<kebab-key>` : name!);
  }
  return [...found];
}

/** One `###` table of the reference: the objects its heading names, and its rows' cells. */
export interface RefTable {
  section: string;
  heading: string;
  /** The code spans of the heading (`surveys[].question`); none for "Top level". */
  names: string[];
  rows: string[][];
}

/** The tables of a reference page, by `##` section and `###` heading. */
export function referenceTables(markdown: string): RefTable[] {
  const tables: RefTable[] = [];
  let section = '';
  let current: RefTable | undefined;
  for (const line of markdown.split('\n')) {
    if (line.startsWith('## ')) section = line.slice(3).trim();
    if (line.startsWith('### ')) {
      const heading = line.slice(4).trim();
      current = { section, heading, names: [...heading.matchAll(/`([^`]+)`/g)].map((m) => m[1]!), rows: [] };
      tables.push(current);
    } else if (current && line.startsWith('|') && !/^\|[-\s|]+\|$/.test(line)) {
      current.rows.push(cells(line));
    }
  }
  // Drop each table's header row.
  for (const table of tables) table.rows.shift();
  return tables;
}

/** A table row's cells; `\|` inside a cell is text, not a column break. */
function cells(line: string): string[] {
  return line
    .slice(1, line.lastIndexOf('|'))
    .split(/(?<!\\)\|/)
    .map((cell) => cell.trim());
}

/** The first code span of a cell (`endpoint`), or the cell itself. */
export const keyOf = (cell: string): string => /`([^`]+)`/.exec(cell)?.[1] ?? cell;

/** Differences both ways, as readable lines. */
export function compare(expected: string[], documented: string[], page: string, what: string): string[] {
  const missing = expected.filter((p) => !documented.includes(p)).map((p) => `${p} missing from ${page}`);
  const extra = documented.filter((p) => !expected.includes(p)).map((p) => `${page} names ${p}, which ${what} lacks`);
  return [...missing, ...extra];
}
