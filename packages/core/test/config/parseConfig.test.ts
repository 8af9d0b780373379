import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config/parseConfig.js';

const nps = { id: 'a', moment: 'purchase', question: { type: 'nps', text: 'Recommend us?' } };

describe('parseConfig', () => {
  it('accepts a valid config', () => {
    const result = parseConfig({ endpoint: '/collect', surveys: [nps] });
    expect(result).toMatchObject({ ok: true, issues: [], config: { endpoint: '/collect', surveys: [nps] } });
  });

  it('names the path and the problem when a question type is unknown, and keeps the valid surveys', () => {
    const bad = { ...nps, id: 'b', question: { type: 'bogus', text: 'x' } };
    const result = parseConfig({ endpoint: '/collect', surveys: [bad, nps] });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.config.surveys.map((s) => s.id)).toEqual(['a']);
    expect(result.issues).toEqual([
      { path: 'surveys[0].question.type', message: expect.stringMatching(/^expected one of nps, csat, .*; got "bogus"$/) },
    ]);
  });

  it('fails the whole config when the endpoint is missing', () => {
    const result = parseConfig({ surveys: [] });
    expect(result).toEqual({ ok: false, issues: [{ path: 'endpoint', message: 'expected string; got nothing' }] });
  });

  it('reports a non-object config at the root', () => {
    const result = parseConfig('nope');
    expect(result.ok).toBe(false);
    expect(result.issues[0]).toEqual({ path: '(config)', message: 'expected object; got string "nope"' });
  });
});
