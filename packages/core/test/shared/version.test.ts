import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SDK } from '../../src/shared/version.js';

describe('SDK', () => {
  it('carries the version of package.json', () => {
    const pkg = JSON.parse(readFileSync(join(import.meta.dirname, '../../package.json'), 'utf8')) as { version: string };
    expect(SDK.version).toBe(pkg.version);
  });
});
