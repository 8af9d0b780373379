// SPDX-License-Identifier: MIT
// `npm run bench`: builds, then runs every `bench:*` script package.json has (other branches add
// theirs, e.g. bench:delivery), one after the other, and gathers their tables into
// bench/results/tables.md. Measures only; asserts nothing about timings (budgets live in `npm run size`).
// `npm run bench -- --docs` also writes those tables into docs/benchmarks.md.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { machine, RESULTS_DIR, ROOT } from './lib/results.mjs';
import { CHROMIUM_PATH } from './lib/chromium.mjs';

/** Figures that come from scripts in other branches: said to be missing rather than skipped silently. */
const EXPECTED = ['bench:weight', 'bench:main-thread', 'bench:time-to-card', 'bench:memory', 'bench:delivery', 'bench:collector'];
const MARK_START = '<!-- bench:tables:start -->';
const MARK_END = '<!-- bench:tables:end -->';

const scripts = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).scripts ?? {};
const found = Object.keys(scripts).filter((name) => name.startsWith('bench:'));
const order = [...EXPECTED.filter((n) => found.includes(n)), ...found.filter((n) => !EXPECTED.includes(n))];
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const started = Date.now();

/** Runs `npm <args>`, echoing its output live and keeping it, for scripts that write no table. */
function run(title, args) {
  console.log(`\n▶ ${title}`);
  const startedAt = Date.now();
  return new Promise((resolve) => {
    const child = spawn(npm, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
    let output = '';
    child.stdout.on('data', (chunk) => {
      process.stdout.write(chunk);
      output += chunk;
    });
    child.on('close', (status, signal) =>
      resolve({ ok: status === 0, startedAt, seconds: (Date.now() - startedAt) / 1000, exit: status ?? signal, output }),
    );
  });
}

const build = await run('build', ['run', 'build', '--silent']);
if (!build.ok) process.exit(1);
const outcomes = [];
for (const name of order) outcomes.push({ name, ...(await run(name, ['run', name, '--silent'])) });

const sections = [`Ran ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC on ${describe(machine(CHROMIUM_PATH))}.`];
for (const name of [...new Set([...EXPECTED, ...order])]) {
  const outcome = outcomes.find((o) => o.name === name);
  const md = join(RESULTS_DIR, `${name.slice('bench:'.length)}.md`);
  if (!outcome) sections.push(`### ${name}\n\nNot available in this build (no \`${name}\` script in package.json).`);
  else if (!outcome.ok) sections.push(`### ${name}\n\nFailed (exit ${outcome.exit}); see the output of \`npm run ${name}\`.`);
  else if (existsSync(md) && statSync(md).mtimeMs >= outcome.startedAt) sections.push(readFileSync(md, 'utf8').trim());
  // A script that prints its table but writes no bench/results/<name>.md: quote what it printed.
  else sections.push(`### ${name}\n\n\`\`\`text\n${outcome.output.trim().split('\n').slice(-80).join('\n')}\n\`\`\``);
}
const tables = sections.join('\n\n') + '\n';
writeFileSync(join(RESULTS_DIR, 'tables.md'), tables);
if (process.argv.includes('--docs')) updateDocs(tables);

console.log('\nsummary');
for (const o of outcomes) console.log(`  ${o.ok ? 'ok  ' : 'FAIL'} ${o.name.padEnd(22)} ${o.seconds.toFixed(0).padStart(4)} s`);
for (const name of EXPECTED.filter((n) => !found.includes(n))) console.log(`  --   ${name.padEnd(22)} not available in this build`);
console.log(
  `tables: bench/results/tables.md${process.argv.includes('--docs') ? ' and docs/benchmarks.md' : ''}; total ${((Date.now() - started) / 1000).toFixed(0)} s`,
);
if (outcomes.some((o) => !o.ok)) process.exit(1);

function describe(m) {
  return `${m.cores} cores (${m.cpu}), ${m.memoryGiB} GiB, Node ${m.node}${m.chromium ? `, ${m.chromium}` : ''}`;
}

/** Replaces what is between the two markers in docs/benchmarks.md with the fresh tables. */
function updateDocs(text) {
  const file = join(ROOT, 'docs/benchmarks.md');
  const doc = readFileSync(file, 'utf8');
  const start = doc.indexOf(MARK_START);
  const end = doc.indexOf(MARK_END);
  if (start < 0 || end < start) return console.warn(`docs/benchmarks.md has no ${MARK_START} … ${MARK_END} block: not updated`);
  writeFileSync(file, `${doc.slice(0, start + MARK_START.length)}\n${text}${doc.slice(end)}`);
}
