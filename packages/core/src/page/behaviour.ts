// SPDX-License-Identifier: MIT

/**
 * Exit intent (desktop): the pointer leaves the window through its top edge, towards the tab
 * bar or the close button. Fires at most once. Returns a function that stops listening.
 */
export function watchExitIntent(doc: Document, fire: () => void): () => void {
  const listener = (event: MouseEvent): void => {
    if (event.relatedTarget === null && event.clientY <= 0) {
      stop();
      fire();
    }
  };
  const stop = (): void => doc.removeEventListener('mouseout', listener);
  doc.addEventListener('mouseout', listener);
  return stop;
}

/** How long a page (or SPA route) stands after loading before its length is measured. */
export const SCROLL_SETTLE_MS = 1_000;

/**
 * Scroll depth: fires once the bottom of the viewport has passed `percent` of the page's
 * height. A page too short to scroll sends no `scroll` event, so the depth is also measured
 * once the page has loaded and stood for `SCROLL_SETTLE_MS` (content a route fetches arrives by
 * then): such a page counts as fully read. Passive listener; fires at most once.
 */
export function watchScrollDepth(win: Window, percent: number, fire: () => void): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const check = (): void => {
    const root = win.document.documentElement;
    const seen = ((win.scrollY + win.innerHeight) / Math.max(root.scrollHeight, 1)) * 100;
    if (seen >= percent) {
      stop();
      fire();
    }
  };
  const settle = (): void => void (timer = setTimeout(check, SCROLL_SETTLE_MS));
  const stop = (): void => {
    clearTimeout(timer);
    win.removeEventListener('scroll', check);
    win.removeEventListener('load', settle);
  };
  win.addEventListener('scroll', check, { passive: true });
  if (win.document.readyState === 'complete') settle();
  else win.addEventListener('load', settle, { once: true });
  return stop;
}

/** Time on page: fires once after `ms` milliseconds on this page (or SPA route). */
export function watchTimeOnPage(ms: number, fire: () => void): () => void {
  const timer = setTimeout(fire, ms);
  return () => clearTimeout(timer);
}
