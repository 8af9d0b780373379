// SPDX-License-Identifier: MIT
// `npm test`: type check, build, unit tests (happy-dom), collector tests (Node: HTTP, SQLite,
// PostgreSQL when its binaries are installed), browser tests (real Chromium), endpoint examples
// (Node, real servers on 127.0.0.1), then one summary line. Stops at the first failing step.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { ensureChromium } from './ensure-chromium.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const bin = (name) => `${root}node_modules/.bin/${name}`;

function step(title, command, args, env = {}) {
  console.log(`\n▶ ${title}`);
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  if (result.status !== 0) {
    console.error(`\n✖ ${title} failed (exit ${result.status ?? result.signal})`);
    process.exit(result.status || 1);
  }
}

function vitest(project, env) {
  const report = `${root}.build/vitest-${project}.json`;
  step(
    `${project} tests`,
    bin('vitest'),
    ['run', '--project', project, '--reporter=default', '--reporter=json', `--outputFile.json=${report}`],
    env,
  );
  const { numPassedTests, numFailedTests, numPendingTests } = JSON.parse(readFileSync(report, 'utf8'));
  return { passed: numPassedTests, failed: numFailedTests, skipped: numPendingTests };
}

const chromium = ensureChromium();
const version = spawnSync(chromium, ['--version'], { encoding: 'utf8' }).stdout.trim().split(' ').slice(0, 2).join(' ');
step('type check (tsc 7 --noEmit, strict)', process.execPath, [
  `${root}node_modules/typescript-7/bin/tsc`,
  '--noEmit',
  '-p',
  'tsconfig.json',
]);
step('build (rollup + declarations)', process.execPath, [`${root}scripts/build.mjs`]);
mkdirSync(`${root}.build`, { recursive: true });
const unit = vitest('unit');
const collector = vitest('collector');
const browser = vitest('browser', { CHROMIUM_PATH: chromium });
const endpoints = vitest('endpoints', { CHROMIUM_PATH: chromium }); // one test drives Chromium: quickstart.html

const runs = [unit, collector, browser, endpoints];
const sum = (key) => runs.reduce((n, run) => n + run[key], 0);
const total = { passed: sum('passed'), failed: sum('failed'), skipped: sum('skipped') };
console.log(
  `
unit (vitest + happy-dom): ${unit.passed} passed; collector (node): ${collector.passed} passed; browser (${version}, headless): ${browser.passed} passed; endpoints (Node + 1 in Chromium): ${endpoints.passed} passed`,
);
console.log(`${total.passed} passed, ${total.failed} failed${total.skipped ? `, ${total.skipped} skipped` : ''}`);
if (total.failed > 0 || browser.passed === 0 || endpoints.passed === 0) process.exit(1);
