// SPDX-License-Identifier: MIT
// The Vue and Svelte examples in docs/examples compile with each framework's own compiler, and
// mount in happy-dom: the confirmation view fires `purchase`, the survey renders inline in its
// <moment-survey>, and an answer reaches both the component's listener and the endpoint.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { compileScript, parse } from '@vue/compiler-sfc';
import { transformSync } from 'esbuild';
import { compile } from 'svelte/compiler';
import { afterEach, describe, expect, it, vi } from 'vitest';

const root = join(import.meta.dirname, '../..');
const out = join(root, '.build/examples');
const example = (name: string) => readFileSync(join(root, 'docs/examples', name), 'utf8');

/** Writes compiled code next to the build output and imports it (vitest resolves its imports). */
async function load(name: string, code: string): Promise<{ default: unknown }> {
  mkdirSync(out, { recursive: true });
  const file = join(out, `${name}.mjs`);
  writeFileSync(file, code);
  return (await import(/* @vite-ignore */ pathToFileURL(file).href)) as { default: unknown };
}

/** Answers the survey the way a shopper does: clicks a score in the card's shadow DOM. */
async function answerInline(value: string): Promise<HTMLElement> {
  const host = document.querySelector<HTMLElement & { survey?: { id: string } }>('moment-survey[data-survey="post-purchase"]')!;
  await vi.waitFor(() => expect(host.survey?.id).toBe('post-purchase'), { timeout: 5_000 });
  const button = await vi.waitFor(() => {
    const found = [...host.shadowRoot!.querySelectorAll<HTMLButtonElement>('[part~="option"]')].find(
      (b) => b.textContent?.trim() === value,
    );
    expect(found).toBeDefined();
    return found!;
  });
  button.click();
  return host;
}

function stubEndpoint() {
  const posted: Array<{ url: string; body: { answers?: Array<{ surveyId: string; value: unknown; context: object }> } }> = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string, init: RequestInit) => {
      posted.push({ url: String(url), body: JSON.parse(String(init.body)) });
      return new Response(null, { status: 204 });
    }),
  );
  return posted;
}

afterEach(() => {
  vi.unstubAllGlobals();
  document.body.replaceChildren();
});

/** Compiles the SFC as Vite's Vue plugin does, with the example's `isCustomElement` setting. */
function compileVue() {
  const isCustomElement = (tag: string) => tag === 'moment-survey';
  const { descriptor, errors } = parse(example('OrderConfirmation.vue'), {
    filename: 'OrderConfirmation.vue',
    templateParseOptions: { isCustomElement },
  });
  const script = compileScript(descriptor, {
    id: 'order',
    inlineTemplate: true,
    templateOptions: { compilerOptions: { isCustomElement } },
  });
  return { script, errors };
}

describe('docs/examples/OrderConfirmation.vue', () => {
  it('compiles with @vue/compiler-sfc, treating <moment-survey> as a custom element', () => {
    const { script, errors } = compileVue();
    expect(errors).toEqual([]);
    expect(script.content).not.toContain('resolveComponent');
    expect(script.content).toContain('"moment-survey"');
  });

  it('mounts: fires purchase, renders the survey inline, and the answer reaches the listener and the endpoint', async () => {
    const posted = stubEndpoint();
    const { script } = compileVue();
    const { code } = transformSync(script.content, { loader: 'ts', format: 'esm' });
    const component = (await load('OrderConfirmation.vue', code)).default;
    const { createApp } = await import('vue');
    const container = document.body.appendChild(document.createElement('div'));
    const app = createApp(component as Parameters<typeof createApp>[0], { orderId: 'V-1' });
    app.mount(container);
    expect(container.querySelector('h1')?.textContent).toBe('Thank you, order V-1 is confirmed');
    await answerInline('9');
    await vi.waitFor(() => expect(container.querySelector('[aria-live]')?.textContent).toBe('Thanks for your 9!'));
    await vi.waitFor(
      () =>
        expect(posted.flatMap((p) => p.body.answers ?? [])).toEqual([
          expect.objectContaining({ surveyId: 'post-purchase', value: 9, context: { orderId: 'V-1' } }),
        ]),
      { timeout: 5_000 },
    );
    expect(posted[0]!.url).toBe('https://answers.shop.example/answers');
    app.unmount();
  });
});

describe('docs/examples/OrderConfirmation.svelte', () => {
  // Svelte's `svelte` entry is its server build unless the bundler asks for `browser`, as Vite does.
  const svelteClient = pathToFileURL(join(root, 'node_modules/svelte/src/index-client.js')).href;

  it('compiles with svelte/compiler without warnings, and mounts with the same behaviour', async () => {
    const { js, warnings } = compile(example('OrderConfirmation.svelte'), { filename: 'OrderConfirmation.svelte', generate: 'client' });
    expect(warnings.map((w) => w.message)).toEqual([]);
    const posted = stubEndpoint();
    const component = (await load('OrderConfirmation.svelte', js.code.replace(/from 'svelte';/g, `from '${svelteClient}';`))).default;
    const { mount, unmount, flushSync } = (await import(/* @vite-ignore */ svelteClient)) as typeof import('svelte');
    const target = document.body.appendChild(document.createElement('div'));
    const instance = mount(component as Parameters<typeof mount>[0], { target, props: { orderId: 'S-1' } });
    flushSync();
    expect(target.querySelector('h1')?.textContent).toBe('Thank you, order S-1 is confirmed');
    await answerInline('9');
    await vi.waitFor(() => {
      flushSync();
      expect(target.querySelector('[aria-live]')?.textContent).toBe('Thanks for your 9!');
    });
    await vi.waitFor(
      () =>
        expect(posted.flatMap((p) => p.body.answers ?? [])).toEqual([
          expect.objectContaining({ surveyId: 'post-purchase', value: 9, context: { orderId: 'S-1' } }),
        ]),
      { timeout: 5_000 },
    );
    await unmount(instance);
  });
});
