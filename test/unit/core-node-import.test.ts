// @vitest-environment node
// Acceptance: importing @moments/core in plain Node succeeds and touches no browser global.
// Runs the built package (`npm test` builds first) in a child Node whose browser globals are
// traps that record any read.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const dist = fileURLToPath(new URL('../../packages/core/dist/index.js', import.meta.url));
const BROWSER_GLOBALS = [
  'window',
  'document',
  'navigator',
  'location',
  'localStorage',
  'sessionStorage',
  'indexedDB',
  'history',
  'matchMedia',
  'requestIdleCallback',
  'IntersectionObserver',
  'MutationObserver',
  'CustomEvent',
  'HTMLElement',
  'customElements',
];

const script = `
const touched = [];
for (const name of ${JSON.stringify(BROWSER_GLOBALS)}) {
  Object.defineProperty(globalThis, name, { configurable: true, get() { touched.push(name); return undefined; }, set() { touched.push(name + '='); } });
}
const core = await import(${JSON.stringify(`file://${dist}`)});
const names = Object.keys(core).sort();
console.log(JSON.stringify({ touched, names }));
`;

describe('@moments/core in Node', () => {
  it('imports without touching any browser global', () => {
    expect(existsSync(dist), 'run `npm run build` first').toBe(true);
    const run = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
    expect(run.stderr).toBe('');
    const { touched, names } = JSON.parse(run.stdout) as { touched: string[]; names: string[] };
    expect(touched).toEqual([]);
    expect(names).toContain('createMoments');
    expect(names).toContain('parseConfig');
  });
});
