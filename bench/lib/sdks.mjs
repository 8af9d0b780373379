// SPDX-License-Identifier: MIT
// The three SDKs compared, and exactly which files of each a page loads. Competitors are read
// from their npm packages (devDependencies): nothing is fetched from the internet at bench time.
import { existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import { withStaticImports } from '../../scripts/bytes.mjs';
import { FORMBRICKS_DIR, formbricksMissing } from './formbricks-api.mjs';
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
    formbricks(),
  ];
}

/**
 * Formbricks: the npm loader, then the runtime it loads from the Formbricks app at run time,
 * built from Formbricks' public source (`../shared/anchors/formbricks/`, see BUILD.md there).
 * Without those files only the loader can be weighed, as a lower bound.
 */
function formbricks() {
  const loader = join(formbricksDist, 'index.js');
  const name = `Formbricks (@formbricks/js ${packageVersion('@formbricks/js')})`;
  const missing = formbricksMissing();
  if (missing) {
    return {
      id: 'formbricks',
      name,
      eager: [loader],
      shown: null,
      lowerBound: { eager: true },
      missing: {
        eager: `@formbricks/js is only a loader: setup() then loads <appUrl>/js/formbricks.umd.cjs from the Formbricks app; ${missing}, so it is not counted`,
        shown: `the surveys bundle (<appUrl>/js/surveys.umd.cjs) comes from the Formbricks app too; ${missing}`,
      },
    };
  }
  const core = join(FORMBRICKS_DIR, 'formbricks.umd.cjs');
  const surveys = join(FORMBRICKS_DIR, 'surveys.umd.cjs');
  return {
    id: 'formbricks',
    name,
    eager: [loader, core, surveys],
    shown: [loader, core, surveys],
    missing: {
      eager:
        'the npm loader, then `formbricks.umd.cjs` and `surveys.umd.cjs` from the Formbricks app (built from its public source, `../shared/anchors/formbricks/BUILD.md`): its SDK `<link rel=preload>`s the surveys bundle on every page view (downloaded, not run), so (a) counts it; plus the environment JSON',
      shown: 'the same files: the preloaded surveys bundle runs when a survey shows; plus the environment JSON',
    },
  };
}
