// The theme app extension's Liquid blocks, rendered with liquidjs (Shopify's `handleize` filter
// and `block.shopify_attributes` stood in): the embed writes the script tag moments.js reads,
// the Moment block the markup core's `observeMarkup` reads. Their {% schema %} is valid JSON.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readMarkupContext } from '@moments/core/internal';
import { Liquid } from 'liquidjs';
import { describe, expect, it } from 'vitest';

const blocks = join(import.meta.dirname, '../extensions/moments-theme/blocks');
const source = (name: string) => readFileSync(join(blocks, name), 'utf8');

const liquid = new Liquid();
liquid.registerFilter('handleize', (value: string) =>
  String(value)
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, ''),
);
// Shopify's own tag: the schema is read by Shopify, not rendered.
liquid.registerTag('schema', {
  parse(_token, remain) {
    const stream = this.liquid.parser.parseStream(remain);
    stream.on('tag:endschema', () => stream.stop()).on('end', () => undefined);
    stream.start();
  },
  render: () => '',
});

const schemaOf = (name: string) =>
  JSON.parse(/{% schema %}([\s\S]*){% endschema %}/.exec(source(name))![1]!) as { target: string; settings: Array<{ id: string }> };
const render = async (name: string, settings: Record<string, unknown>) => {
  const html = await liquid.parseAndRender(source(name), { block: { settings, shopify_attributes: 'data-shopify-editor-block="{}"' } });
  const host = document.createElement('div');
  host.innerHTML = html;
  return host;
};

describe('theme app embed: moments-embed.liquid', () => {
  it('adds moments.js with data-config (and data-consent when asked), escaped', async () => {
    const host = await render('moments-embed.liquid', {
      script_url: 'https://cdn.shop.example/moments/moments.js',
      config_url: 'https://cdn.shop.example/moments/config.json?a=1&b="2"',
      consent_pending: true,
    });
    const script = host.querySelector('script')!;
    expect(script.getAttribute('src')).toBe('https://cdn.shop.example/moments/moments.js');
    expect(script.getAttribute('data-config')).toBe('https://cdn.shop.example/moments/config.json?a=1&b="2"');
    expect(script.dataset['consent']).toBe('pending');
    expect(script.hasAttribute('async')).toBe(true);
  });

  it('adds nothing until both URLs are set', async () => {
    expect(
      (await render('moments-embed.liquid', { script_url: 'https://cdn.shop.example/moments.js' })).querySelector('script'),
    ).toBeNull();
  });

  it('is an app embed for the body with the settings it reads', () => {
    const schema = schemaOf('moments-embed.liquid');
    expect(schema.target).toBe('body');
    expect(schema.settings.map((s) => s.id)).toEqual(['script_url', 'config_url', 'consent_pending']);
  });
});

describe('theme app block: moment.liquid', () => {
  it('marks the section with data-moment, when to fire, and a context core reads', async () => {
    const host = await render('moment.liquid', { moment: 'support-close', on: 'visible', context_key: 'Ticket ID', context_value: 'T-77' });
    const marker = host.querySelector<HTMLElement>('[data-moment]')!;
    expect(marker.dataset['moment']).toBe('support-close');
    expect(marker.dataset['momentOn']).toBe('visible');
    expect(readMarkupContext(marker)).toEqual({ ticketId: 'T-77' });
    expect(marker.hasAttribute('data-shopify-editor-block')).toBe(true);
  });

  it('renders nothing without a moment, and is a section block', async () => {
    expect((await render('moment.liquid', { moment: '' })).children).toHaveLength(0);
    expect(schemaOf('moment.liquid').target).toBe('section');
  });
});
