// SPDX-License-Identifier: MIT
// One config for every package: a small function per package kind (library or script-tag build).
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import nodeResolve from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import esbuild from 'rollup-plugin-esbuild';

const root = fileURLToPath(new URL('.', import.meta.url));
const pkg = (name) => JSON.parse(readFileSync(`${root}packages/${name}/package.json`, 'utf8'));

/**
 * Rollup warnings are bugs waiting to happen: fail the build on any of ours. Dependencies'
 * misplaced `#__PURE__` comments (zod has some) are theirs to fix and harmless to us.
 */
const THIRD_PARTY_NOISE = new Set(['INVALID_ANNOTATION', 'CIRCULAR_DEPENDENCY']);
function onwarn(warning) {
  const where = warning.id ?? warning.ids?.join(' ') ?? '';
  if (THIRD_PARTY_NOISE.has(warning.code) && where.includes('/node_modules/')) return;
  throw new Error(`rollup: ${warning.code}: ${warning.message}`);
}

/** Resolves `@moments/<name>` to its TypeScript source, so bundles never need a prior build. */
function sourceAliases() {
  return {
    name: 'moments-source-aliases',
    resolveId(id) {
      const match = /^@moments\/(core|elements|preact)(?:\/(define|internal|zod))?$/.exec(id);
      if (!match) return null;
      return `${root}packages/${match[1]}/src/${match[2] ?? 'index'}.ts`;
    },
  };
}

/**
 * A third-party script may add no global to the host page but `window.moments`. Lit records its
 * versions on `globalThis` (`litHtmlVersions`, `litElementVersions`, `reactiveElementVersions`:
 * only read by Lit's dev-mode "multiple versions" warning) and keeps decorator metadata in
 * `globalThis.litPropertyMetadata`. The version pushes are dropped, and the metadata map moves
 * to a module-scoped object. Only Lit's three packages are touched; the script-tag bundles carry
 * no zod (shipped code validates with the schema kit, ADR 0005).
 */
const SHARED = '\0moments-shared-globals';
const LIT = /\/node_modules\/(lit-html|lit-element|@lit\/reactive-element)\/.*\.js$/;
function noHostGlobals() {
  return {
    name: 'moments-no-host-globals',
    resolveId: (id) => (id === SHARED ? id : null),
    load: (id) => (id === SHARED ? 'export default {};' : null),
    transform(code, id) {
      if (!LIT.test(id)) return null;
      const out = code
        .replace(/\([\w$]+\.(?:litHtmlVersions|litElementVersions|reactiveElementVersions)\?\?=\[\]\)\.push\("[^"]*"\)/g, 'void 0')
        .replace(/(?:\b[\w$]+\.)?\blitPropertyMetadata\b/g, '__momentsShared.litPropertyMetadata');
      if (out === code) return null;
      return { code: `import __momentsShared from ${JSON.stringify(SHARED)};\n${out}`, map: null };
    },
  };
}

/**
 * Lit reads four hooks from the host page's globals (`litHtmlPolyfillSupport`,
 * `reactiveElementPolyfillSupport`, `litElementPolyfillSupport`, `litElementHydrateSupport`: the
 * ShadyDOM polyfill and SSR hydration, neither of which the card uses). A page that defines one
 * would reach into our element; in the script-tag bundles they read as null, and terser
 * drops the calls. Lit's three developer-error messages (misuse of `css`/`html` tags, which the
 * card's literal templates cannot hit) are shortened. Issue 17 (weight): see the report for bytes.
 */
const LIT_HOOKS =
  /(?:\b[\w$]+\.)?\b(?:litHtmlPolyfillSupport|reactiveElementPolyfillSupport|litElementPolyfillSupport|litElementHydrateSupport)\b/g;
const LIT_MESSAGES = [
  [
    /"Value passed to 'css' function must be a 'css' function result: "\+([\w$]+)\+"\. Use 'unsafeCSS' to pass non-literal values, but take care to ensure page security\."/,
    '"lit: css value "+$1',
  ],
  [/"CSSResult is not constructable\. Use `unsafeCSS` or `css` instead\."/, '"lit: CSSResult"'],
  [/"invalid template strings array"/, '"lit: template"'],
];
function litTrim() {
  return {
    name: 'moments-lit-trim',
    transform(code, id) {
      if (!LIT.test(id)) return null;
      let out = code.replace(LIT_HOOKS, 'null');
      for (const [from, to] of LIT_MESSAGES) out = out.replace(from, to);
      return out === code ? null : { code: out, map: null };
    },
  };
}

const transpile = () => esbuild({ target: 'es2021', tsconfig: `${root}tsconfig.json`, sourceMap: false });

/** A library package: ESM that mirrors src/, dependencies left as imports for the app's bundler. */
function library(name, inputs = ['index']) {
  const deps = Object.keys({ ...pkg(name).dependencies, ...pkg(name).peerDependencies });
  const external = (id) => deps.some((dep) => id === dep || id.startsWith(`${dep}/`));
  return {
    input: Object.fromEntries(inputs.map((i) => [i, `packages/${name}/src/${i}.ts`])),
    external,
    onwarn,
    plugins: [nodeResolve({ extensions: ['.ts', '.js'] }), transpile()],
    output: { dir: `packages/${name}/dist`, format: 'es', preserveModules: true, preserveModulesRoot: `packages/${name}/src` },
  };
}

// `_`-prefixed members are private by convention (STYLE.md §3) and renamed by terser.
const minify = (module) =>
  terser({
    ecma: 2020,
    module,
    compress: { passes: 3 },
    format: { comments: false },
    // Only `_`-and-a-letter names: Lit's own shared fields are `_$`-prefixed and stay as they are.
    // Nothing crosses bundles under such a name (the runtime moments.js hands the UI chunk has none).
    mangle: { properties: { regex: /^_[a-z]/ } },
  });

// Our packages declare `sideEffects` in package.json, but bundles read them from source, where
// rollup cannot see that: without this, the schema's top-level calls would drag it into the
// eager script. Only `elements/src/define.ts` (and the embed entries) may have effects.
const treeshake = {
  moduleSideEffects: (id) => !/\/packages\/(core|preact|elements)\/src\//.test(id) || id.endsWith('/elements/src/define.ts'),
};

/**
 * Collapses the whitespace of the elements' `css` literals (`*.styles.ts`) in the script-tag
 * bundles: the stylesheet ships in every shown survey and terser leaves template text alone.
 */
export function compactStyles() {
  return {
    name: 'moments-compact-styles',
    transform(code, id) {
      if (!id.endsWith('.styles.ts')) return null;
      const compact = (text) =>
        text
          .replace(/\s+/g, ' ')
          .replace(/ ?([{};,>]) ?/g, '$1')
          .replace(/: /g, ':')
          .replace(/;}/g, '}');
      return { code: code.replace(/css`([^`]*)`/g, (_, text) => `css\`${compact(text)}\``), map: null };
    },
  };
}

const bundlePlugins = () => [
  sourceAliases(),
  compactStyles(),
  noHostGlobals(),
  litTrim(),
  nodeResolve({ browser: true, extensions: ['.ts', '.js'] }),
  transpile(),
];

/** `moments.js`: the classic script every page view loads (IIFE, no exports, no globals of its own). */
const eager = {
  input: 'packages/embed/src/index.ts',
  onwarn,
  treeshake,
  plugins: bundlePlugins(),
  output: [
    { file: 'packages/embed/dist/moments.js', format: 'iife', plugins: [minify(false)] },
    { file: 'packages/embed/dist/moments.dev.js', format: 'iife' },
  ],
};

const localeChunkName = (chunk) =>
  /\/elements\/src\/locales\/\w+\.ts$/.test(chunk.facadeModuleId ?? '') ? 'moments-[name].js' : 'moments-[name]-[hash].js';

/**
 * The lazy ES modules `moments.js` imports: `moments-ui.js` on the first moment (zod, Lit, the card)
 * and `moments-delivery.js` when there is an answer to store or send (queue + courier).
 */
const lazy = {
  input: { 'moments-ui': 'packages/embed/src/ui.ts', 'moments-delivery': 'packages/embed/src/delivery.ts' },
  onwarn,
  treeshake,
  plugins: bundlePlugins(),
  // Locale chunks (`moments-de.js`, one per language, imported on demand) are named without a
  // hash, like `moments-ui.js` itself: every shown survey pays for the names in its import map.
  output: {
    dir: 'packages/embed/dist',
    format: 'es',
    entryFileNames: '[name].js',
    chunkFileNames: localeChunkName,
    plugins: [minify(true)],
  },
};

/**
 * The SPA demo, bundled as an app team would: Moments from npm through `@moments/preact`. Manual
 * chunks separate Moments' share (eager `moments-core`, lazy `moments-ui`) so `npm run size` can
 * report what Moments adds to an app.
 */
const spa = {
  input: { app: 'demo/spa/src/main.ts' },
  onwarn,
  treeshake,
  plugins: bundlePlugins(),
  output: {
    dir: 'demo/spa/dist',
    format: 'es',
    entryFileNames: '[name].js',
    chunkFileNames: (chunk) => (/\/elements\/src\/locales\//.test(chunk.facadeModuleId ?? '') ? 'moments-[name].js' : '[name].js'),
    manualChunks(id) {
      // Each language's strings stay their own chunk, loaded for the shopper's locale only.
      if (/\/packages\/elements\/src\/locales\/(?!en\.ts)/.test(id)) return undefined;
      // Core's folders are its chunks (docs/decisions/0006-the-seam.md): the app's bundler
      // follows the dynamic imports, and this only names what it split.
      const folder = /\/packages\/core\/src\/(eager|shared|decide|deliver|page)\//.exec(id)?.[1];
      if (folder === 'decide') return 'moments-decide';
      if (/\/packages\/elements\/|\/node_modules\/(lit|lit-html|lit-element|@lit)\//.test(id)) return 'moments-ui';
      if (folder === 'deliver') return 'moments-delivery';
      if (folder === 'page') return 'moments-page';
      if (/\/packages\/(core|preact)\//.test(id)) return 'moments-core';
      if (/\/node_modules\/preact\//.test(id)) return 'preact';
      return undefined;
    },
    plugins: [minify(true)],
  },
};

export default [
  library('core', ['index', 'internal', 'zod']),
  library('elements', ['index', 'define']),
  library('preact'),
  eager,
  lazy,
  spa,
];
