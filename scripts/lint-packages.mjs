// SPDX-License-Identifier: MIT
// `npm run lint:packages`: publint and arethetypeswrong on every publishable package, as a user's
// bundler and TypeScript would resolve them (run after `npm run build`).
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const PACKAGES = ['core', 'elements', 'preact', 'react', 'shopify', 'embed', 'collector'];
// Our packages are ESM-only on purpose (browsers and bundlers); attw's CommonJS rows don't apply.
const ATTW_PROFILE = ['--profile', 'esm-only'];

let failed = false;
for (const name of PACKAGES) {
  const dir = `${root}packages/${name}`;
  for (const [tool, args] of [
    ['publint', [`${root}node_modules/publint/src/cli.js`, dir, '--strict']],
    ['attw', [`${root}node_modules/@arethetypeswrong/cli/dist/index.js`, '--pack', dir, ...ATTW_PROFILE]],
  ]) {
    if (tool === 'attw' && name === 'embed') continue; // a script-tag build: no types to resolve
    console.log(`\n▶ ${tool} @moments/${name}`);
    const result = spawnSync(process.execPath, args, { stdio: 'inherit', cwd: root });
    failed ||= result.status !== 0;
  }
}
process.exit(failed ? 1 : 0);
