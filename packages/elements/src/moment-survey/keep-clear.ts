// SPDX-License-Identifier: MIT
// WCAG 2.4.11 Focus Not Obscured: a floating card must not cover what the shopper focuses on the
// page (a sticky "Pay now" button under the corner card). The card tries its own corner, the
// other bottom corner, then a small tab in either corner, and keeps the first that leaves the
// focused element uncovered. Only the card's own fixed box moves: the page's layout never does.

/** Values of the host's `away` attribute, in order of preference ('' = where it belongs). */
const MODES = ['', 'flip', 'tab', 'tab flip'];

const overlaps = (a: DOMRect, b: DOMRect): boolean => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;

const setMode = (host: HTMLElement, mode: string): void => {
  if (mode) host.setAttribute('away', mode);
  else host.removeAttribute('away');
};

/** The focused element, inside open shadow roots too. */
export function deepActive(): Element | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

/**
 * Moves `host` out of the way of `target` (the element that just got focus). Each try is
 * measured synchronously, so no frame ever shows the ones not kept.
 */
export function keepClear(host: HTMLElement, target: Element | null): void {
  const page = !target || target === document.body || target === document.documentElement;
  const box = page ? undefined : target.getBoundingClientRect();
  for (const mode of MODES) {
    setMode(host, mode);
    if (!box || !overlaps(box, host.getBoundingClientRect())) return;
  }
  // Nowhere is free (a tiny screen): the tab covers the least.
  setMode(host, 'tab');
}
