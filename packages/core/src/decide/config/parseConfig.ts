// SPDX-License-Identifier: MIT
import { clean } from './clean.js';
import { validate, type SchemaIssue } from './schemaKit.js';
import { configSchema, surveySchema, type MomentsConfig, type Survey } from './schema.js';

/** One problem found in a config, with the path to the value at fault. */
export interface ConfigIssue {
  /** Dotted path, e.g. `surveys[0].question.type`. */
  path: string;
  /** Plain words, e.g. `expected one of nps, csat; got "bogus"`. */
  message: string;
}

/** A usable config with the problems found (`ok`), or only the problems. */
export type ParseConfigResult = { ok: true; config: MomentsConfig; issues: ConfigIssue[] } | { ok: false; issues: ConfigIssue[] };

/**
 * Validates a config. A bad survey is reported and skipped so the valid ones still run; a bad
 * top level (no endpoint, say) fails the whole config. Unknown keys and unsafe keys
 * (`__proto__`, `constructor`, `prototype`) are reported with their path and ignored. Works
 * on a clean copy, so the result never shares objects with the input. Never throws.
 */
export function parseConfig(input: unknown): ParseConfigResult {
  try {
    return parseClean(input);
  } catch (error) {
    // A getter that throws, say: report it rather than let it reach the page.
    return { ok: false, issues: [{ path: '(config)', message: `could not be read (${String(error)})` }] };
  }
}

function parseClean(input: unknown): ParseConfigResult {
  const issues: ConfigIssue[] = [];
  const note = (path: Key[], message: string) => void issues.push({ path: formatPath(path), message });
  const root = clean(configSchema, input, note);
  const problems = validate(configSchema, root);
  if (problems.length) return { ok: false, issues: [...issues, ...describe(problems, root)] };
  const top = root as Omit<MomentsConfig, 'surveys'> & { surveys: unknown[] };
  const surveys: Survey[] = [];
  top.surveys.forEach((raw, i) => {
    const value = clean(surveySchema, raw, note, ['surveys', i]);
    const wrong = validate(surveySchema, value);
    if (!wrong.length) surveys.push(value as Survey);
    else issues.push(...describe(wrong, value, ['surveys', i]));
  });
  return { ok: true, config: { ...top, surveys }, issues };
}

type Issue = SchemaIssue;
type Key = PropertyKey;

function describe(issues: Issue[], root: unknown, prefix: Key[] = []): ConfigIssue[] {
  return issues.map((issue) => ({
    path: formatPath([...prefix, ...issue.path]) || '(config)',
    message: explain(issue, valueAt(root, issue.path)),
  }));
}

/** Plain words for an issue: what the schema expected (`checks.ts`), then what it got. */
function explain(issue: Issue, got: unknown): string {
  // JSON tells text ("x") from numbers, lists and null; it gives undefined for a function.
  // Long values are cut to keep warnings short.
  const shown = got === undefined ? 'nothing' : (JSON.stringify(got) ?? typeof got).slice(0, 80);
  return `${issue.message}; got ${shown}`;
}

function valueAt(root: unknown, path: readonly Key[]): unknown {
  let value = root;
  for (const key of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<Key, unknown>)[key];
  }
  return value;
}

/** `surveys[0].question.type`; a key that is not a plain name is quoted: `headers["x.y"]`. */
function formatPath(path: readonly Key[]): string {
  return path.reduce<string>(
    (out, key) =>
      typeof key === 'number'
        ? `${out}[${key}]`
        : /^[a-z_$][\w$]*$/i.test(String(key))
          ? out
            ? `${out}.${String(key)}`
            : String(key)
          : `${out}[${JSON.stringify(String(key))}]`,
    '',
  );
}
