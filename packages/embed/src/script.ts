// SPDX-License-Identifier: MIT
import type { MomentsConfigInput } from '@moments/core';

/**
 * The `<script>` tag that loaded us. `document.currentScript` is set while a classic script runs,
 * `async` included, but a loader that injects us may leave it null: then the last tag whose
 * `src` names moments.js is the best guess.
 */
export function findOwnScript(doc: Document): HTMLScriptElement | null {
  const current = doc.currentScript;
  if (current instanceof HTMLScriptElement) return current;
  const candidates = doc.querySelectorAll<HTMLScriptElement>('script[src*="moments"]');
  return candidates[candidates.length - 1] ?? null;
}

/**
 * Reads the config `data-config` points at: a CSS selector of an inline
 * `<script type="application/json">`, or the URL of a JSON file. With `async`, the tag may run
 * before the parser reaches an inline block further down, so a selector that matches nothing
 * yet is tried again at DOMContentLoaded. Rejects with a message naming what is wrong.
 */
export async function readConfig(doc: Document, script: HTMLScriptElement | null): Promise<MomentsConfigInput> {
  const data = settingsOf(script);
  const ref = data['config']?.trim();
  let config: MomentsConfigInput = {};
  if (ref) config = looksLikeUrl(ref) ? await fetchConfig(new URL(ref, script!.src || doc.baseURI).href) : await inlineConfig(doc, ref);
  return applyOverrides(config, data);
}

/**
 * The tag's `data-*` settings, else the same names in its URL's fragment
 * (`moments.js#config=…&consent=pending`): GTM's `injectScript` cannot set attributes. The
 * fragment never reaches the server, so it changes neither caching nor SRI.
 */
function settingsOf(script: HTMLScriptElement | null): Record<string, string | undefined> {
  const settings: Record<string, string | undefined> = { ...script?.dataset };
  const hash = script?.src ? new URL(script.src).hash.slice(1) : '';
  new URLSearchParams(hash).forEach((value, key) => (settings[key] ??= value));
  return settings;
}

function looksLikeUrl(ref: string): boolean {
  return /^(https?:)?\/\/|^\.{0,2}\/|\.json(\?|$)/i.test(ref);
}

async function inlineConfig(doc: Document, selector: string): Promise<MomentsConfigInput> {
  let element = doc.querySelector(selector);
  if (!element && doc.readyState === 'loading') {
    await new Promise((resolve) => doc.addEventListener('DOMContentLoaded', resolve, { once: true }));
    element = doc.querySelector(selector);
  }
  if (!element) throw new Error(`data-config="${selector}" matches no element`);
  return parseJson(element.textContent ?? '', `the JSON in ${selector}`);
}

async function fetchConfig(url: string): Promise<MomentsConfigInput> {
  const response = await fetch(url, { credentials: 'omit' });
  if (!response.ok) throw new Error(`data-config URL ${url} answered HTTP ${response.status}`);
  return parseJson(await response.text(), url);
}

function parseJson(text: string, where: string): MomentsConfigInput {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new Error(`${where} is not valid JSON (${(error as Error).message})`, { cause: error });
  }
  if (!value || typeof value !== 'object' || Array.isArray(value)) throw new Error(`${where} is not a JSON object`);
  return value as MomentsConfigInput;
}

/** `data-endpoint`, `data-consent` and `data-debug` on the tag (or its fragment) override the config. */
function applyOverrides(config: MomentsConfigInput, data: Record<string, string | undefined>): MomentsConfigInput {
  const out = { ...config };
  if (data['endpoint']) out['endpoint'] = data['endpoint'];
  if (data['consent']) out['consent'] = data['consent'];
  if (data['debug'] !== undefined) out['debug'] = data['debug'] !== 'false';
  return out;
}
