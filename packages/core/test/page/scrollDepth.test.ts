// SPDX-License-Identifier: MIT
// `on.scrollDepth` as docs/config.md promises it: a page too short to scroll counts as fully read.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { SCROLL_SETTLE_MS, watchScrollDepth } from '../../src/page/behaviour.js';

beforeEach(() => void vi.useFakeTimers());
afterEach(() => void vi.useRealTimers());

type FakeWindow = Window & { scrollY: number; document: { readyState: string; documentElement: { scrollHeight: number } } };

function page(scrollHeight: number, readyState = 'complete'): FakeWindow {
  return Object.assign(new EventTarget(), {
    scrollY: 0,
    innerHeight: 800,
    document: { readyState, documentElement: { scrollHeight } },
  }) as unknown as FakeWindow;
}

describe('watchScrollDepth', () => {
  it('counts a page too short to scroll as fully read once it has stood for the settle time', () => {
    const fire = vi.fn();
    watchScrollDepth(page(600), 100, fire);
    vi.advanceTimersByTime(SCROLL_SETTLE_MS - 1);
    expect(fire).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(fire).toHaveBeenCalledTimes(1);
  });

  it('measures a page still loading only after its load event', () => {
    const win = page(600, 'loading');
    const fire = vi.fn();
    watchScrollDepth(win, 90, fire);
    vi.advanceTimersByTime(5 * SCROLL_SETTLE_MS);
    expect(fire).not.toHaveBeenCalled();
    win.dispatchEvent(new Event('load'));
    vi.advanceTimersByTime(SCROLL_SETTLE_MS);
    expect(fire).toHaveBeenCalledTimes(1);
  });

  it('does not fire on a long page until it is scrolled, and only once', () => {
    const win = page(4_000);
    const fire = vi.fn();
    watchScrollDepth(win, 50, fire);
    vi.advanceTimersByTime(SCROLL_SETTLE_MS);
    expect(fire).not.toHaveBeenCalled();
    win.scrollY = 1_200;
    win.dispatchEvent(new Event('scroll'));
    win.dispatchEvent(new Event('scroll'));
    vi.advanceTimersByTime(SCROLL_SETTLE_MS);
    expect(fire).toHaveBeenCalledTimes(1);
  });

  it('never fires after it is stopped, even on a short page', () => {
    const fire = vi.fn();
    const stop = watchScrollDepth(page(600), 100, fire);
    stop();
    vi.advanceTimersByTime(SCROLL_SETTLE_MS);
    expect(fire).not.toHaveBeenCalled();
  });
});
