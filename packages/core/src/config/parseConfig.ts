// SPDX-License-Identifier: MIT
import type * as z from 'zod/mini';
import { configSchema, surveySchema, type MomentsConfig, type Survey } from './schema.js';

/** One problem found in a config, with the path to the value at fault. */
export interface ConfigIssue {
  /** Dotted path, e.g. `surveys[0].question.type`. */
  path: string;
  /** Plain words, e.g. `expected one of nps, csat; got "bogus"`. */
  message: string;
}

export type ParseConfigResult =
  | { ok: true; config: MomentsConfig; issues: ConfigIssue[] }
  | { ok: false; issues: ConfigIssue[] };

/**
 * Validates a config. A bad survey is reported and skipped so the valid ones still run; a bad
 * top level (no endpoint, say) fails the whole config. Never throws.
 */
export function parseConfig(input: unknown): ParseConfigResult {
  const top = configSchema.safeParse(input);
  if (!top.success) return { ok: false, issues: describe(top.error.issues, input) };
  const issues: ConfigIssue[] = [];
  const surveys: Survey[] = [];
  top.data.surveys.forEach((raw, i) => {
    const survey = surveySchema.safeParse(raw);
    if (survey.success) surveys.push(survey.data);
    else issues.push(...describe(survey.error.issues, raw, ['surveys', i]));
  });
  return { ok: true, config: { ...top.data, surveys }, issues };
}

type Issue = z.core.$ZodIssue;
type Key = PropertyKey;

function describe(issues: Issue[], root: unknown, prefix: Key[] = []): ConfigIssue[] {
  return issues.map((issue) => ({
    path: formatPath([...prefix, ...issue.path]) || '(config)',
    message: explain(issue, valueAt(root, issue.path)),
  }));
}

function explain(issue: Issue, got: unknown): string {
  const shown = got === undefined ? 'nothing' : JSON.stringify(got);
  switch (issue.code) {
    case 'invalid_type':
      return `expected ${issue.expected}; got ${got === undefined ? 'nothing' : `${typeOf(got)} ${shown}`}`;
    case 'invalid_value':
      return `expected one of ${issue.values.map(String).join(', ')}; got ${shown}`;
    case 'too_small':
      return `expected at least ${String(issue.minimum)}${issue.origin === 'string' ? ' characters' : issue.origin === 'array' ? ' items' : ''}; got ${shown}`;
    case 'too_big':
      return `expected at most ${String(issue.maximum)}; got ${shown}`;
    case 'unrecognized_keys':
      return `unknown key${issue.keys.length > 1 ? 's' : ''} ${issue.keys.join(', ')}`;
    default:
      return `${issue.message}; got ${shown}`;
  }
}

function typeOf(value: unknown): string {
  return value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value;
}

function valueAt(root: unknown, path: readonly Key[]): unknown {
  let value = root;
  for (const key of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<Key, unknown>)[key];
  }
  return value;
}

function formatPath(path: readonly Key[]): string {
  return path.reduce<string>(
    (out, key) => (typeof key === 'number' ? `${out}[${key}]` : out ? `${out}.${String(key)}` : String(key)),
    '',
  );
}
