// SPDX-License-Identifier: MIT
// `@custom-elements-manifest/analyzer` settings for scripts/custom-elements.mjs. `packagejson: false`:
// the analyzer would otherwise write a `customElements` field into the package.json of its cwd
// (the root's); @moments/elements declares its own.
export default {
  globs: ['packages/elements/src/**/*.ts'],
  exclude: ['packages/elements/src/locales/**'],
  outdir: '.build/cem',
  litelement: true,
  packagejson: false,
};
