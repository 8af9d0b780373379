// SPDX-License-Identifier: MIT
// moments.js reads its settings from its tag's data-* attributes, or from its URL's fragment when
// a loader cannot set attributes (GTM's injectScript: integrations/gtm/template.tpl).
import { afterEach, describe, expect, it } from 'vitest';
import { readConfig } from '../../packages/embed/src/script.js';

function tag(src: string, data: Record<string, string> = {}): HTMLScriptElement {
  const script = document.createElement('script');
  script.src = src;
  Object.assign(script.dataset, data);
  return script;
}

function inlineConfig(id: string, config: object): void {
  const block = document.createElement('script');
  block.type = 'application/json';
  block.id = id;
  block.textContent = JSON.stringify(config);
  document.body.append(block);
}

afterEach(() => document.body.replaceChildren());

describe('moments.js settings from the URL fragment', () => {
  it('reads config, endpoint, consent and debug from #config=…&…', async () => {
    inlineConfig('cfg', { endpoint: 'https://a.example/answers', surveys: [] });
    const src = `https://cdn.example/moments/moments.js#config=${encodeURIComponent('#cfg')}&endpoint=${encodeURIComponent('https://b.example/in')}&consent=pending&debug=true`;
    expect(await readConfig(document, tag(src))).toEqual({
      endpoint: 'https://b.example/in',
      surveys: [],
      consent: 'pending',
      debug: true,
    });
  });

  it('lets data-* attributes win over the fragment', async () => {
    inlineConfig('cfg', { endpoint: 'https://a.example/answers', surveys: [] });
    const src = 'https://cdn.example/moments.js#consent=pending&endpoint=https%3A%2F%2Fb.example%2Fin';
    expect(await readConfig(document, tag(src, { consent: 'granted', config: '#cfg' }))).toEqual({
      endpoint: 'https://b.example/in',
      surveys: [],
      consent: 'granted',
    });
  });

  it('names a fragment selector that matches nothing', async () => {
    await expect(readConfig(document, tag('https://cdn.example/moments.js#config=%23missing'))).rejects.toThrow(
      'data-config="#missing" matches no element',
    );
  });

  it('reads nothing from a tag without settings', async () => {
    expect(await readConfig(document, tag('https://cdn.example/moments.js'))).toEqual({});
  });
});
