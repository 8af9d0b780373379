// SPDX-License-Identifier: MIT
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import lit from 'eslint-plugin-lit';
import litA11y from 'eslint-plugin-lit-a11y';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['**/dist/**', '.build/**', 'node_modules/**', 'bench/results/**', 'docs/api/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { disallowTypeAnnotations: false }],
      // `ok || fail(...)` and `a ? b() : c()` are idioms here, used on purpose in small checks.
      '@typescript-eslint/no-unused-expressions': ['error', { allowShortCircuit: true, allowTernary: true }],
      // Packages talk through their public entry only (STYLE.md §2): no deep imports.
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['@moments/*/src/*', '@moments/*/dist/*', '**/packages/*/src/*'],
              message: 'Import a package through its public entry (@moments/<name>).',
            },
          ],
        },
      ],
    },
  },
  {
    // Functions stay readable (STYLE.md §6): above 80 lines, split them.
    files: ['packages/*/src/**/*.{ts,tsx}'],
    rules: { 'max-lines-per-function': ['error', { max: 80, skipBlankLines: true, skipComments: true }] },
  },
  // The seam (docs/decisions/0006-the-seam.md): core's folders are its chunks. Eager code
  // reaches lazy code only through a dynamic import(), and lazy code gets eager values from the
  // runtime it is handed (a static import would bundle a second copy), so both may share only
  // types and the leaves in shared/.
  {
    files: ['packages/core/src/eager/**/*.ts', 'packages/core/src/shared/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/decide/*', '**/deliver/*', '**/page/*', '**/decide/**', '**/deliver/**', '**/page/**'],
              allowTypeImports: true,
              message: 'Eager code loads lazy code with a dynamic import() only (the seam, ADR 0006).',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['packages/core/src/{decide,deliver,page}/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/eager/*', '**/eager/**'],
              allowTypeImports: true,
              message: 'Lazy code gets eager values through the runtime it is handed, never a second copy (ADR 0006).',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['packages/elements/src/**/*.ts'],
    ...lit.configs['flat/recommended'],
  },
  {
    files: ['packages/elements/src/**/*.ts'],
    plugins: { 'lit-a11y': litA11y },
    rules: Object.fromEntries(Object.keys(litA11y.rules).map((rule) => [`lit-a11y/${rule}`, 'error'])),
  },
  {
    // Tests and examples may reach into a package's source: they are not packages.
    files: ['**/test/**', 'test/**', '**/*.test.ts', 'bench/**', 'examples/**', 'scripts/**'],
    rules: { 'no-restricted-imports': 'off', '@typescript-eslint/no-explicit-any': 'off' },
  },
  prettier,
);
