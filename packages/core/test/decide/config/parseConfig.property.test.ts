import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { parseConfig } from '../../../src/decide/config/parseConfig.js';
import { observeMarkup, readMarkupContext } from '../../../src/eager/triggers/markup.js';
import { toContext } from '../../../src/eager/triggers/context.js';

const valid = () => ({
  endpoint: '/collect',
  surveys: [{ id: 'a', moment: 'purchase', question: { type: 'nps', text: 'Recommend us?' } }],
});

/** Paths (into `valid()`) of fields with a known shape, and values none of them accept. */
const FIELDS: string[][] = [
  ['endpoint'],
  ['surveys', '0', 'id'],
  ['surveys', '0', 'question'],
  ['surveys', '0', 'question', 'type'],
  ['surveys', '0', 'question', 'text'],
  ['surveys', '0', 'delayMs'],
  ['surveys', '0', 'sample'],
  ['surveys', '0', 'priority'],
  ['surveys', '0', 'url', 'regex'],
  ['surveys', '0', 'after', 'days'],
  ['fatigue', 'maxPerSession'],
  ['headers'],
  ['consent'],
];
const invalid = fc.oneof(
  fc.constant(null),
  fc.constant(''),
  fc.constant(-1.5),
  fc.constant('(bogus'),
  fc.constant([]),
  fc.constant({ nested: [1] }),
);

function set(target: Record<string, unknown>, path: string[], value: unknown): void {
  let node = target;
  for (const key of path.slice(0, -1)) node = (node[key] ??= {}) as Record<string, unknown>;
  node[path[path.length - 1]!] = value;
}
const format = (path: string[]) =>
  path
    .map((k) => (/^\d+$/.test(k) ? `[${k}]` : `.${k}`))
    .join('')
    .replace(/^\./, '');

afterEach(() => void (document.body.innerHTML = ''));

describe('parseConfig (properties)', () => {
  it('never throws on any JSON value, and names a path for every issue', () => {
    fc.assert(
      fc.property(fc.oneof(fc.jsonValue(), fc.record({ endpoint: fc.jsonValue(), surveys: fc.array(fc.jsonValue()) })), (input) => {
        const result = parseConfig(input);
        for (const issue of result.issues) {
          expect(issue.path).not.toBe('');
          expect(issue.message).not.toMatch(/^Invalid input/);
        }
        if (!result.ok) expect(result.issues.length).toBeGreaterThan(0);
      }),
      { numRuns: 300 },
    );
  });

  it('reports every invalid value at its own path', () => {
    fc.assert(
      fc.property(fc.constantFrom(...FIELDS), invalid, (path, value) => {
        const config = valid();
        set(config, path, value);
        const result = parseConfig(config);
        // Some invalid values are still fine for some fields (null never is): only check rejections.
        const paths = result.issues.map((i) => i.path);
        const accepted = result.ok && result.config.surveys.length === 1 && paths.length === 0;
        if (!accepted)
          expect(paths.some((p) => p === format(path) || p.startsWith(`${format(path)}.`) || p.startsWith(`${format(path)}[`))).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('never lets a key reach Object.prototype', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        parseConfig(
          JSON.parse(`{"endpoint":"/c","surveys":[],"__proto__":${JSON.stringify(value ?? null)},"theme":{"__proto__":{"polluted":1}}}`),
        );
        expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
      }),
    );
  });
});

describe('data-moment attributes (properties)', () => {
  const attrName = fc.stringMatching(/^[a-z_][a-z0-9_-]{0,12}$/);
  it('never throw, fire only named moments, and give flat safe contexts', () => {
    fc.assert(
      fc.property(
        fc.string(),
        fc.constantFrom('view', 'visible', 'click', 'submit', '', 'bogus'),
        fc.dictionary(attrName, fc.string(), { maxKeys: 5 }),
        (moment, on, context) => {
          const el = document.createElement('div');
          el.setAttribute('data-moment', moment);
          el.setAttribute('data-moment-on', on);
          for (const [key, value] of Object.entries(context)) el.setAttribute(`data-moment-context-${key}`, value);
          document.body.append(el);
          const fire = vi.fn();
          const stop = observeMarkup(document, fire);
          el.click();
          stop();
          for (const [name, ctx] of fire.mock.calls) {
            expect(name).toBe(moment);
            const safe = toContext(ctx);
            expect(Object.getPrototypeOf(safe)).toBe(Object.prototype);
            expect(Object.values(safe).every((v) => typeof v === 'string')).toBe(true);
          }
          expect(Object.keys(readMarkupContext(el)).every((k) => k.length > 0)).toBe(true);
          el.remove();
        },
      ),
      { numRuns: 200 },
    );
  });
});
