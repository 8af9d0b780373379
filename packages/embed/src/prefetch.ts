// SPDX-License-Identifier: MIT

/**
 * Fetches and compiles the UI chunk ahead of need, without running it, once the page is idle and
 * only when the page declares a moment (`data-moment`): then a click or scroll moment shows its
 * card without waiting for the network. `modulepreload` obeys the page's CSP like any script.
 */
export function prefetchWhenIdle(doc: Document, url: string): void {
  const run = (): void => {
    if (!doc.querySelector('[data-moment]') || doc.querySelector(`link[href="${CSS.escape(url)}"]`)) return;
    const link = doc.createElement('link');
    link.rel = 'modulepreload';
    link.href = url;
    doc.head.append(link);
  };
  if (typeof requestIdleCallback === 'function') requestIdleCallback(run, { timeout: 3000 });
  else setTimeout(run, 1);
}
