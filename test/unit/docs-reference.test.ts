// SPDX-License-Identifier: MIT
// @vitest-environment node
// docs/config.md agrees with the code: every config key the schema declares, every event field,
// every `data-*` attribute the code reads and every Answer field has a row, and no row names
// something the code lacks. Failures name the exact path, e.g.
// `surveys[].question.placeholder missing from docs/config.md`.
import { describe, expect, it } from 'vitest';
import { configSchema, surveySchema } from '../../packages/core/src/decide/config/schema.js';
import { object, optional, type Schema } from '../../packages/core/src/decide/config/schemaKit.js';
import { flag } from '../../packages/core/src/decide/config/checks.js';
import {
  compare,
  dataLiterals,
  datasetReads,
  declaredFields,
  eventFields,
  eventNames,
  keyOf,
  read,
  referenceTables,
  schemaPaths,
  type RefTable,
  unionLiterals,
} from './docs-reference.js';

const PAGE = 'docs/config.md';
const TYPES = 'packages/core/src/types.ts';

const tablesOf = (markdown: string, section: string): RefTable[] => referenceTables(markdown).filter((t) => t.section === section);

/** Key paths the Config section documents: a table's heading names its object (none: the top level). */
function documentedConfig(markdown: string): string[] {
  return tablesOf(markdown, 'Config').flatMap((table) =>
    (table.names.length ? table.names : ['']).flatMap((name) => table.rows.map((row) => (name ? `${name}.` : '') + keyOf(row[0]!))),
  );
}

function configProblems(markdown: string, schema: Schema<unknown>): string[] {
  return compare(schemaPaths(schema, { surveys: surveySchema }), documentedConfig(markdown), PAGE, 'the config schema');
}

/** `<table name>.<first cell>` for every row of a section's tables. */
const documentedFields = (markdown: string, section: string): string[] =>
  tablesOf(markdown, section).flatMap((table) => table.rows.map((row) => `${table.names[0]}.${keyOf(row[0]!)}`));

/** The rows of the Attributes table under `heading`. */
const documentedAttributes = (markdown: string, heading: string): string[] =>
  tablesOf(markdown, 'Attributes')
    .filter((t) => t.heading === heading)
    .flatMap((t) => t.rows.map((row) => keyOf(row[0]!)));

describe('docs/config.md', () => {
  const page = read(PAGE);

  it('has a row for every key of the config schema, and none for a key the schema lacks', () => {
    expect(configProblems(page, configSchema)).toEqual([]);
  });

  it('fails, naming the path, when a row is removed or the schema gains an undocumented key', () => {
    // Only what each change adds counts, so this holds while the page is out of step elsewhere.
    const base = configProblems(page, configSchema);
    const added = (problems: string[]) => problems.filter((p) => !base.includes(p));
    const withoutPlaceholder = page.replace(/^\| `placeholder` \| text \| none \| `text` only.*\n/m, '');
    expect(withoutPlaceholder).not.toBe(page);
    expect(added(configProblems(withoutPlaceholder, configSchema))).toEqual(['surveys[].question.placeholder missing from docs/config.md']);
    const grown = object({ ...configSchema.shape!, delivery: optional(object({ batchSize: optional(flag), simple: optional(flag) })) });
    expect(added(configProblems(page, grown))).toEqual(['delivery.simple missing from docs/config.md']);
    const renamed = page.replace('| `fullUrl` |', '| `fullURL` |');
    expect(added(configProblems(renamed, configSchema))).toEqual([
      'fullUrl missing from docs/config.md',
      'docs/config.md names fullURL, which the config schema lacks',
    ]);
  });

  it('gives every config key a type, a default, what it does and an example', () => {
    const incomplete = tablesOf(page, 'Config').flatMap((table) =>
      table.rows.filter((row) => row.length !== 5 || row.some((cell) => !cell)).map((row) => `${table.heading}: ${row[0]}`),
    );
    expect(incomplete).toEqual([]);
  });

  it('lists every event of MomentsEventMap with each payload field', () => {
    const fields = eventFields(TYPES);
    expect(fields).toContain('skipped.reason');
    expect(compare(fields, documentedFields(page, 'Events'), PAGE, 'MomentsEventMap')).toEqual([]);
    // Every event has its own table, a payload without fields too.
    const events = eventNames(TYPES);
    expect(events).toContain('answered');
    expect(
      compare(
        events,
        tablesOf(page, 'Events').map((t) => t.names[0]!),
        PAGE,
        'MomentsEventMap',
      ),
    ).toEqual([]);
  });

  it('names every skip reason and drop reason in the row of the field that carries it', () => {
    const row = (event: string, field: string): string =>
      tablesOf(page, 'Events')
        .find((t) => t.names[0] === event)
        ?.rows.find((r) => keyOf(r[0]!) === field)
        ?.join(' ') ?? '';
    const unnamed = (literals: string[], text: string) => literals.filter((l) => !text.includes(`\`${l}\``));
    expect(unnamed(unionLiterals(TYPES, 'SkipReason'), row('skipped', 'reason'))).toEqual([]);
    expect(unnamed(unionLiterals(TYPES, 'DropReason'), row('dropped', 'reason'))).toEqual([]);
  });

  it('lists every field of Answer and LifecycleEvent', () => {
    const expected = [
      ...declaredFields(TYPES, 'Answer').map((f) => `Answer.${f}`),
      ...declaredFields(TYPES, 'LifecycleEvent').map((f) => `LifecycleEvent.${f}`),
    ];
    expect(expected).toContain('Answer.question.type');
    expect(compare(expected, documentedFields(page, 'What your endpoint receives'), PAGE, 'the Answer / LifecycleEvent types')).toEqual([]);
  });

  it('lists the data-* attributes the script tag, moment elements and <moment-survey> are read for', () => {
    const groups: Array<[heading: string, attributes: string[]]> = [
      ['The script tag', datasetReads('packages/embed/src')],
      [
        'Moment elements',
        [...new Set([...datasetReads('packages/core/src/eager/triggers/markup.ts'), ...dataLiterals('packages/core/src/eager/triggers/markup.ts')])],
      ],
      [
        '`<moment-survey>`',
        [...new Set([...datasetReads('packages/elements/src/show-survey.ts'), ...dataLiterals('packages/preact/src/MomentSurvey.ts')])],
      ],
    ];
    for (const [heading, attributes] of groups) {
      expect(attributes.length, heading).toBeGreaterThan(0);
      expect(compare(attributes, documentedAttributes(page, heading), PAGE, `the code (${heading})`)).toEqual([]);
    }
  });

  it('is where the README sends readers for the config', () => {
    expect(read('README.md')).toContain('](docs/config.md)');
    expect(read('docs/README.md')).toContain('](config.md)');
  });
});
