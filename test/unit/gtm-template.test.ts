// SPDX-License-Identifier: MIT
// integrations/gtm/template.tpl: its own test scenarios, run in a stand-in for GTM's sandbox
// (test/gtm/sandbox.ts) that enforces the permissions the template declares; and checks that the
// template is what GTM's editor imports.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runScenarios, urlMatches } from '../gtm/sandbox.js';
import { parseTemplate, plain } from '../gtm/template.js';

const file = join(import.meta.dirname, '../../integrations/gtm/template.tpl');
const template = parseTemplate(readFileSync(file, 'utf8'));

/** Every parameter name, groups included. */
function parameterNames(params: Array<Record<string, unknown>>): string[] {
  return params.flatMap((p) => [String(p['name']), ...parameterNames((p['subParams'] ?? []) as Array<Record<string, unknown>>)]);
}

describe('GTM template: its test scenarios', () => {
  it('has scenarios', () => expect(template.scenarios.length).toBeGreaterThanOrEqual(6));
  for (const result of runScenarios(template)) {
    it(result.name, () => {
      if (result.error) throw result.error;
    });
  }
});

describe('GTM template: the sandbox stand-in', () => {
  it('fails a scenario whose assertion does not hold, and code the permissions do not allow', () => {
    const broken = {
      ...template,
      code: template.code.replace("'consent=pending'", "'consent=granted'"),
      scenarios: [
        template.scenarios[0]!,
        { name: 'reads a global it may not', code: "runCode({action: 'trigger', moment: 'x'}); require('copyFromWindow')('dataLayer');" },
      ],
    };
    const [changed, denied] = runScenarios(broken);
    expect(changed!.error?.message).toContain('consent=pending');
    expect(denied!.error?.message).toBe('permission denied: read dataLayer');
  });

  it("matches GTM's URL patterns on scheme, host and path prefix, ignoring the fragment", () => {
    expect(urlMatches('https://cdn.shop.example/moments/', 'https://cdn.shop.example/moments/moments.js#config=x')).toBe(true);
    expect(urlMatches('https://cdn.shop.example/moments/', 'https://cdn.shop.example/other/moments.js')).toBe(false);
    expect(urlMatches('https://cdn.shop.example/moments/', 'http://cdn.shop.example/moments/moments.js')).toBe(false);
    expect(urlMatches('https://*.shop.example/moments/', 'https://eu.cdn.shop.example/moments/moments.js')).toBe(true);
  });
});

describe('GTM template: file', () => {
  it('is a web tag template', () => {
    expect(template.info).toMatchObject({ type: 'TAG', containerContexts: ['WEB'], displayName: 'Moments' });
  });

  it('uses only the parameters it declares', () => {
    const declared = new Set(parameterNames(template.parameters));
    const used = [...template.code.matchAll(/\bdata\.(\w+)/g)].map((m) => m[1]!).filter((name) => !name.startsWith('gtmOn'));
    expect(used.filter((name) => !declared.has(name))).toEqual([]);
  });

  it('declares exactly the permissions its APIs need: inject moments.js, window.moments, debug logging', () => {
    const byId = Object.fromEntries(
      template.permissions.map((p) => [
        p.instance.key.publicId,
        Object.fromEntries((p.instance.param ?? []).map((q) => [q.key, plain(q.value)])),
      ]),
    );
    expect(Object.keys(byId).sort()).toEqual(['access_globals', 'inject_script', 'logging']);
    expect(byId['access_globals']!['keys']).toEqual([
      { key: 'moments', read: true, write: true, execute: false },
      { key: 'moments.push', read: true, write: false, execute: true },
    ]);
    expect(byId['logging']!['environments']).toBe('debug');
  });

  it('is sandboxed JavaScript: no `new`, `this`, regular expressions or browser globals', () => {
    const code = template.code.replace(/\/\/.*$/gm, '').replace(/'(?:[^'\\]|\\.)*'/g, "''");
    expect(code).not.toMatch(/\bnew\s|\bthis\b|\bwindow\b|\bdocument\b|\btypeof\b|\bclass\b|\bimport\b/);
    expect(code).not.toMatch(/[=(,]\s*\/[^/*]/); // a regex literal
  });
});
