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

/**
 * Scroll depth: fires once the bottom of the viewport has passed `percent` of the page's
 * height (a page too short to scroll counts as fully read). Passive listener; fires at most once.
 */
export function watchScrollDepth(win: Window, percent: number, fire: () => void): () => void {
  const listener = (): void => {
    const root = win.document.documentElement;
    const seen = ((win.scrollY + win.innerHeight) / Math.max(root.scrollHeight, 1)) * 100;
    if (seen >= percent) {
      stop();
      fire();
    }
  };
  const stop = (): void => win.removeEventListener('scroll', listener);
  win.addEventListener('scroll', listener, { passive: true });
  return stop;
}

/** Time on page: fires once after `ms` milliseconds on this page (or SPA route). */
export function watchTimeOnPage(ms: number, fire: () => void): () => void {
  const timer = setTimeout(fire, ms);
  return () => clearTimeout(timer);
}
