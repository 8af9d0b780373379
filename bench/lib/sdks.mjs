// SPDX-License-Identifier: MIT
// The three SDKs compared, and exactly which files of each a page loads. Competitors are read
// from their npm packages (devDependencies): nothing is fetched from the internet at bench time.
import { existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import { withStaticImports } from '../../scripts/bytes.mjs';
import { packageVersion, ROOT } from './results.mjs';

const embedDist = join(ROOT, 'packages/embed/dist');
const posthogDist = join(ROOT, 'node_modules/posthog-js/dist');
const formbricksDist = join(ROOT, 'node_modules/@formbricks/js/dist');

/** Exits with advice when the Moments build is missing (every bench measures the built files). */
export function requireBuild() {
  if (existsSync(join(embedDist, 'moments.js')) && existsSync(join(embedDist, 'moments-ui.js'))) return;
  console.error('packages/embed/dist is missing: run `npm run build` first (npm run bench does).');
  process.exit(1);
}

/** A path relative to the repository, for tables. */
export const rel = (file) => relative(ROOT, file);

/**
 * Per SDK: `eager` = files a page loads before any survey fires, `shown` = files to show one
 * survey, `missing` = what the page would also load that no npm package holds (text or null).
 */
export function sdkFiles() {
  const uiFiles = [...withStaticImports(join(embedDist, 'moments-ui.js'))];
  return [
    {
      id: 'moments',
      name: `Moments ${packageVersion('@moments/core')}`,
      eager: [join(embedDist, 'moments.js')],
      shown: [join(embedDist, 'moments.js'), ...uiFiles],
      missing: { eager: null, shown: null },
    },
    {
      id: 'posthog',
      name: `PostHog surveys (posthog-js ${packageVersion('posthog-js')})`,
      eager: [join(posthogDist, 'array.js')],
      shown: [join(posthogDist, 'array.js'), join(posthogDist, 'surveys.js')],
      missing: {
        eager: "plus the inline snippet (~1 KB) and the per-project remote config /array/<token>/config.js from PostHog's servers",
        shown: "plus the survey definitions from /api/surveys and /flags (JSON from PostHog's servers)",
      },
    },
    {
      id: 'formbricks',
      name: `Formbricks (@formbricks/js ${packageVersion('@formbricks/js')})`,
      eager: [join(formbricksDist, 'index.js')],
      shown: null,
      lowerBound: { eager: true },
      missing: {
        eager:
          '@formbricks/js is only a loader: setup() then loads the SDK <appUrl>/js/formbricks.umd.cjs from the Formbricks app (cloud or self-hosted); the npm package has no copy, so it is not counted',
        shown:
          'the surveys bundle (<appUrl>/js/surveys.umd.cjs) is also served by the Formbricks app at run time; the npm package has no copy: not measurable offline',
      },
    },
  ];
}
