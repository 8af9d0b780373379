// SPDX-License-Identifier: MIT
// What every bench script shares: where files are, the machine it ran on, medians, and how a
// result is printed (a Markdown table, so docs/benchmarks.md can quote it as is) and saved.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root, with a trailing slash. */
export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
/** Where each script writes `<name>.json` and `<name>.md`. */
export const RESULTS_DIR = join(ROOT, 'bench/results');

/** Version of an installed package, read from its own package.json (exports may hide it). */
export function packageVersion(name) {
  return JSON.parse(readFileSync(join(ROOT, 'node_modules', name, 'package.json'), 'utf8')).version;
}

/** Cores, CPU model, memory, Node and Chromium versions: results are only comparable on one machine. */
export function machine(chromiumPath) {
  let chromium;
  try {
    chromium = chromiumPath
      ? execFileSync(chromiumPath, ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim()
      : undefined;
  } catch {
    chromium = undefined;
  }
  return {
    cores: cpus().length,
    cpu: cpus()[0]?.model?.trim() ?? 'unknown',
    memoryGiB: Math.round(totalmem() / 2 ** 30),
    node: process.version,
    ...(chromium ? { chromium } : {}),
  };
}

/** The median of a list of numbers (the mean of the middle two for an even count). */
export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return NaN;
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** `value / base` as `"12.3×"`, or an em dash when either side is missing. */
export function ratio(value, base) {
  if (!Number.isFinite(value) || !Number.isFinite(base) || base === 0) return '—';
  const r = value / base;
  return `${r >= 10 ? r.toFixed(0) : r.toFixed(1)}×`;
}

/** Formats a number of milliseconds with one decimal, or an em dash. */
export const ms = (value) => (Number.isFinite(value) ? value.toFixed(1) : '—');

/** A Markdown table from a header row and rows of cells (numbers are right-aligned). */
export function markdownTable(header, rows) {
  const cells = [header, ...rows].map((row) => row.map((c) => String(c ?? '—')));
  const widths = header.map((_, i) => Math.max(3, ...cells.map((row) => row[i].length)));
  const numeric = header.map((_, i) => rows.every((row) => /^(≥ )?[\d.,×%—\s-]*$|^n\/a$/.test(String(row[i] ?? '—'))));
  const line = (row) => `| ${row.map((c, i) => (numeric[i] ? c.padStart(widths[i]) : c.padEnd(widths[i]))).join(' | ')} |`;
  const rule = `|${widths.map((w, i) => (numeric[i] ? `${'-'.repeat(w + 1)}:` : '-'.repeat(w + 2))).join('|')}|`;
  return [line(cells[0]), rule, ...cells.slice(1).map(line)].join('\n');
}

/**
 * Prints a result's title, table and notes, and writes `bench/results/<name>.json` (the data)
 * and `<name>.md` (the same table and notes, for docs/benchmarks.md).
 */
export function report(name, { title, table, notes = [], data }) {
  const text = [`### ${title}`, '', table, '', ...notes.map((n) => `- ${n}`)].join('\n').trimEnd() + '\n';
  console.log(`\n${text}`);
  mkdirSync(RESULTS_DIR, { recursive: true });
  writeFileSync(
    join(RESULTS_DIR, `${name}.json`),
    JSON.stringify({ name, title, ranAt: new Date().toISOString(), ...data }, null, 2) + '\n',
  );
  writeFileSync(join(RESULTS_DIR, `${name}.md`), text);
}
