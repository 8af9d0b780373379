// SPDX-License-Identifier: MIT
import type { Context } from '../../types.js';

type Fire = (moment: string, context: Context) => void;

const SELECTOR = '[data-moment]';
const CONTEXT_PREFIX = 'data-moment-context-';

/**
 * Reads a moment's context from `data-moment-context-<kebab-key>` attributes: `order-id`
 * becomes `orderId`, as `dataset` would name it. Reads the attributes themselves rather
 * than `dataset`, whose proxy some DOM implementations get wrong for odd names. The runtime
 * drops unsafe keys (`__proto__`, …) from every context, this one included.
 */
export function readMarkupContext(element: HTMLElement): Context {
  const context: Context = {};
  for (const { name, value } of Array.from(element.attributes)) {
    if (name.startsWith(CONTEXT_PREFIX) && name.length > CONTEXT_PREFIX.length) {
      context[name.slice(CONTEXT_PREFIX.length).replace(/-([a-z])/g, (_, c: string) => c.toUpperCase())] = value;
    }
  }
  return context;
}

/**
 * Fires moments declared with `data-moment` in markup, for elements present now and inserted
 * later. `data-moment-on`: `view` (default, once per element), `visible` (half in the viewport,
 * once), `click`, `submit`. One MutationObserver and one IntersectionObserver serve the whole
 * page, and click/submit are delegated from the document, so cost does not grow per element.
 * Returns a function that stops everything.
 */
export function observeMarkup(root: Document, fire: Fire): () => void {
  const seen = new WeakSet<Element>();
  const fromElement = (element: HTMLElement): void => {
    const moment = element.dataset['moment'];
    if (moment) fire(moment, readMarkupContext(element));
  };

  const visibility =
    typeof IntersectionObserver === 'function'
      ? new IntersectionObserver(
          (entries) => {
            for (const entry of entries) {
              if (!entry.isIntersecting) continue;
              visibility?.unobserve(entry.target);
              fromElement(entry.target as HTMLElement);
            }
          },
          { threshold: 0.5 },
        )
      : undefined;

  const adopt = (element: HTMLElement): void => {
    if (seen.has(element)) return;
    seen.add(element);
    const on = element.dataset['momentOn'] ?? 'view';
    if (on === 'view') fromElement(element);
    else if (on === 'visible' && visibility) visibility.observe(element);
    else if (on === 'visible') fromElement(element);
  };

  const scan = (node: ParentNode): void => {
    if (node instanceof HTMLElement && node.matches(SELECTOR)) adopt(node);
    node.querySelectorAll<HTMLElement>(SELECTOR).forEach(adopt);
  };

  const delegated = (kind: 'click' | 'submit') => (event: Event) => {
    const target = event.target instanceof Element ? event.target.closest<HTMLElement>(SELECTOR) : null;
    if (target && (target.dataset['momentOn'] ?? 'view') === kind) fromElement(target);
  };
  const onClick = delegated('click');
  const onSubmit = delegated('submit');

  const mutations = new MutationObserver((records) => {
    for (const record of records) {
      record.addedNodes.forEach((node) => {
        if (node instanceof HTMLElement) scan(node);
      });
    }
  });

  scan(root);
  mutations.observe(root, { childList: true, subtree: true });
  root.addEventListener('click', onClick, true);
  root.addEventListener('submit', onSubmit, true);
  return () => {
    mutations.disconnect();
    visibility?.disconnect();
    root.removeEventListener('click', onClick, true);
    root.removeEventListener('submit', onSubmit, true);
  };
}
