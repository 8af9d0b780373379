import { describe, expect, it } from 'vitest';
import { zodConfigSchema } from '../src/zod.js';

const nps = { id: 'a', moment: 'purchase', question: { type: 'nps', text: 'Recommend us?' } };

describe('zodConfigSchema', () => {
  it('accepts a valid config as zod/mini would, with the typed value', () => {
    const result = zodConfigSchema.safeParse({ endpoint: '/collect', surveys: [nps] });
    expect(result.success).toBe(true);
    expect(result.data?.surveys[0]?.id).toBe('a');
  });

  it('fails on any issue parseConfig reports, naming the path', () => {
    const result = zodConfigSchema.safeParse({
      endpoint: '/collect',
      surveys: [{ ...nps, question: { type: 'bogus', text: 'x' } }],
      colour: 'red',
    });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.message)).toEqual([
      'colour: unknown key ignored',
      expect.stringMatching(/^surveys\[0\]\.question\.type: expected one of nps, .*; got "bogus"$/),
    ]);
  });
});
