// SPDX-License-Identifier: MIT
// One config for every package: a small function per package kind (library or script-tag build).
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import commonjs from '@rollup/plugin-commonjs';
import nodeResolve from '@rollup/plugin-node-resolve';
import replace from '@rollup/plugin-replace';
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
      const match = /^@moments\/(core|elements|preact|react)(?:\/(define|internal|zod))?$/.exec(id);
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
 * to a module-scoped object. Lit's long messages for a misused `css` tag (our styles are static
 * `css` literals, so they cannot occur) become short ones. lit-html creates its Trusted Types
 * policy (`lit-html`) as it loads, which throws on a page whose CSP lists other policies only and
 * would fail the whole UI chunk: wrapped in try/catch, so the chunk loads and `showSurvey` says
 * what to allow if rendering then fails. Only Lit's three packages are touched; the script-tag
 * bundles carry no zod (shipped code validates with the schema kit, ADR 0005).
 */
const SHARED = '\0moments-shared-globals';
const LIT = /\/node_modules\/(lit-html|lit-element|@lit\/reactive-element)\/.*\.js$/;
export function noHostGlobals() {
  return {
    name: 'moments-no-host-globals',
    resolveId: (id) => (id === SHARED ? id : null),
    load: (id) => (id === SHARED ? 'export default {};' : null),
    transform(code, id) {
      if (!LIT.test(id)) return null;
      const out = code
        .replace(
          /([\w$]+)\.createPolicy\(\s*(['"])lit-html\2\s*,\s*(\{[^}]*\})\s*\)/,
          '(()=>{try{return $1.createPolicy("lit-html",$3)}catch{}})()',
        )
        .replace(/throw Error\("(?:CSSResult is not constructable|Value passed to 'css')[^)]*\)/g, 'throw Error("lit: css misuse")')
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
  moduleSideEffects: (id) => !/\/packages\/(core|preact|react|shopify|elements)\/src\//.test(id) || id.endsWith('/elements/src/define.ts'),
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
          .replace(/;}/g, '}')
          // `[part='card']` → `[part=card]`: an identifier needs no quotes.
          .replace(/\[([\w-]+~?=)'([a-z][\w-]*)'\]/g, '[$1$2]');
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

/** Locales with a chunk of their own: every table in elements' locales/ but English (inline). */
const LOCALE_TAGS = readdirSync(`${root}packages/elements/src/locales`)
  .map((file) => file.replace(/\.ts$/, ''))
  .filter((tag) => tag !== 'en');

/**
 * In `moments-ui.js`, elements' table of locale loaders (one `import()` each, for every bundler)
 * becomes one template `import()` over the locale entries: 30 loaders are ~170 B gzip that every
 * shown survey would carry. Fails the build if the table is not where it expects.
 */
function localeLoaders() {
  const loaders = `Object.fromEntries(${JSON.stringify(LOCALE_TAGS.join(' '))}.split(' ').map((tag) => [tag, () => import(\`./moments-\${tag}.js\`)]))`;
  return {
    name: 'moments-locale-loaders',
    transform(code, id) {
      if (!id.endsWith('/packages/elements/src/locale.ts')) return null;
      const out = code.replace(/(const LOADERS: Record<string, Loader> = )\{[^}]*\};/, `$1${loaders};`);
      if (out === code) throw new Error('moments-locale-loaders: no LOADERS table in packages/elements/src/locale.ts');
      return { code: out, map: null };
    },
  };
}

/**
 * The lazy ES modules `moments.js` imports: `moments-ui.js` on the first moment (config check,
 * eligibility, Lit, the card) and `moments-delivery.js` when something waits to be sent (queue
 * reads, courier). One build per chunk, each its own build so the two never share a third file (a
 * shared chunk would be one more request, in series, before a card can show): the small
 * leaves of core's `shared/` folder are bundled into each that uses them.
 */
const lazyChunk = (inputs, plugins = []) => ({
  input: inputs,
  onwarn,
  treeshake,
  plugins: [...plugins, ...bundlePlugins()],
  // Entries are named without a hash (`moments-ui.js`, `moments-de.js`): the UI chunk builds the
  // locale names from the tag. Other chunks (page triggers) carry one.
  output: {
    dir: 'packages/embed/dist',
    format: 'es',
    entryFileNames: '[name].js',
    chunkFileNames: 'moments-[name]-[hash].js',
    plugins: [minify(true)],
  },
});
const lazy = [
  // The UI chunk and one `moments-<tag>.js` per language other than English (see `localeLoaders`).
  lazyChunk(
    {
      'moments-ui': 'packages/embed/src/ui.ts',
      ...Object.fromEntries(LOCALE_TAGS.map((tag) => [`moments-${tag}`, `packages/elements/src/locales/${tag}.ts`])),
    },
    [localeLoaders()],
  ),
  lazyChunk({ 'moments-delivery': 'packages/embed/src/delivery.ts' }),
];

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

/**
 * The SPA demo again in React 19 through `@moments/react` (test/browser/react-spa.test.ts). React
 * ships CommonJS only, so this bundle alone needs the commonjs plugin and a production `NODE_ENV`.
 */
const reactSpa = {
  input: { app: 'demo/react-spa/src/main.ts' },
  onwarn,
  treeshake,
  plugins: [
    replace({ preventAssignment: true, values: { 'process.env.NODE_ENV': JSON.stringify('production') } }),
    ...bundlePlugins(),
    commonjs(),
  ],
  output: {
    dir: 'demo/react-spa/dist',
    format: 'es',
    entryFileNames: '[name].js',
    chunkFileNames: (chunk) => (/\/elements\/src\/locales\//.test(chunk.facadeModuleId ?? '') ? 'moments-[name].js' : '[name]-[hash].js'),
    plugins: [minify(true)],
  },
};

export default [
  library('core', ['index', 'internal', 'zod']),
  library('elements', ['index', 'define']),
  library('preact'),
  library('react'),
  library('shopify'),
  eager,
  ...lazy,
  spa,
  reactSpa,
];
