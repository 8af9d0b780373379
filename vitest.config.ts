// SPDX-License-Identifier: MIT
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const src = (name: string, entry = 'index') => fileURLToPath(new URL(`./packages/${name}/src/${entry}.ts`, import.meta.url));

// Unit tests run against TypeScript source; browser tests drive the built files in Chromium.
export default defineConfig({
  resolve: {
    alias: [
      { find: /^@moments\/core$/, replacement: src('core') },
      { find: /^@moments\/core\/internal$/, replacement: src('core', 'internal') },
      { find: /^@moments\/core\/zod$/, replacement: src('core', 'zod') },
      { find: /^@moments\/elements\/define$/, replacement: src('elements', 'define') },
      { find: /^@moments\/elements$/, replacement: src('elements') },
      { find: /^@moments\/preact$/, replacement: src('preact') },
      { find: /^@moments\/react$/, replacement: src('react') },
      { find: /^@moments\/shopify$/, replacement: src('shopify') },
    ],
  },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          environment: 'happy-dom',
          include: ['packages/*/test/**/*.test.ts', 'test/unit/**/*.test.ts'],
          // Exclude Node-only tests from happy-dom's globals by their own `@vitest-environment` line.
        },
      },
      {
        extends: true,
        test: {
          // The demo collector (Node HTTP + SQLite/PostgreSQL): no DOM.
          name: 'collector',
          environment: 'node',
          include: ['test/collector/**/*.test.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'browser',
          environment: 'node',
          include: ['test/browser/**/*.test.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
          // One Chromium at a time: CI has two cores.
          fileParallelism: false,
        },
      },
      {
        extends: true,
        test: {
          // Endpoint examples and transform recipes, each against a real server on 127.0.0.1.
          name: 'endpoints',
          environment: 'node',
          include: ['examples/**/*.test.ts'],
        },
      },
    ],
  },
});
