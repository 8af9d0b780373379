import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Survey } from '../../src/decide/config/schema.js';
import { matchUrl } from '../../src/decide/eligibility/matchUrl.js';
import type { PageFacts } from '../../src/decide/eligibility/page.js';
import { watchExitIntent, watchScrollDepth, watchTimeOnPage } from '../../src/page/behaviour.js';
import { startPageSources } from '../../src/page/pageSources.js';

beforeEach(() => {
  vi.useFakeTimers();
  vi.spyOn(performance, 'now').mockReturnValue(0);
});
afterEach(() => {
  vi.restoreAllMocks();
  vi.useRealTimers();
  history.replaceState(null, '', '/');
});

const survey = (fields: Partial<Survey>): Survey => ({
  id: 's',
  moment: 'browse',
  question: { type: 'thumbs', text: 'Helpful?' },
  ...fields,
});
const facts = (fields: Partial<PageFacts> = {}): PageFacts => ({
  path: location.pathname,
  url: () => '',
  mobile: false,
  language: 'en',
  ...fields,
});

function start(surveys: Survey[], page = () => facts()) {
  const decider = { offer: vi.fn(), navigated: vi.fn() };
  const stop = startPageSources({ win: window, surveys, decider, page, match: matchUrl });
  return { decider, stop };
}

describe('watchTimeOnPage', () => {
  it('fires once after the given milliseconds', () => {
    const fire = vi.fn();
    watchTimeOnPage(1_000, fire);
    vi.advanceTimersByTime(999);
    expect(fire).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(fire).toHaveBeenCalledTimes(1);
  });
});

describe('watchExitIntent', () => {
  it('fires once when the pointer leaves through the top edge', () => {
    const fire = vi.fn();
    watchExitIntent(document, fire);
    document.dispatchEvent(new MouseEvent('mouseout', { clientY: 200, relatedTarget: null }));
    expect(fire).not.toHaveBeenCalled();
    document.dispatchEvent(new MouseEvent('mouseout', { clientY: 0, relatedTarget: null }));
    document.dispatchEvent(new MouseEvent('mouseout', { clientY: -1, relatedTarget: null }));
    expect(fire).toHaveBeenCalledTimes(1);
  });
});

describe('watchScrollDepth', () => {
  it('fires once the viewport bottom passes the given percent of the page', () => {
    const fakeWindow = Object.assign(new EventTarget(), {
      scrollY: 0,
      innerHeight: 500,
      document: { documentElement: { scrollHeight: 2_000 } },
    }) as unknown as Window & { scrollY: number };
    const fire = vi.fn();
    watchScrollDepth(fakeWindow, 50, fire);
    fakeWindow.scrollY = 400;
    fakeWindow.dispatchEvent(new Event('scroll'));
    expect(fire).not.toHaveBeenCalled();
    fakeWindow.scrollY = 500;
    fakeWindow.dispatchEvent(new Event('scroll'));
    fakeWindow.dispatchEvent(new Event('scroll'));
    expect(fire).toHaveBeenCalledTimes(1);
  });
});

describe('startPageSources', () => {
  it('offers a pageView survey on pages its url rule allows, again after an SPA navigation', () => {
    history.replaceState(null, '', '/blog/post');
    const { decider, stop } = start([survey({ url: { glob: '/blog/*' }, on: { pageView: true } })]);
    expect(decider.offer).toHaveBeenCalledExactlyOnceWith(expect.objectContaining({ id: 's' }), {
      moment: 'browse',
      context: { source: 'page-view' },
    });
    history.pushState(null, '', '/shop');
    expect(decider.navigated).toHaveBeenCalledTimes(1);
    expect(decider.offer).toHaveBeenCalledTimes(1);
    history.pushState(null, '', '/blog/other');
    expect(decider.offer).toHaveBeenCalledTimes(2);
    stop();
  });

  it('offers on the first behaviour that happens, then stops the others for that page', () => {
    const { decider, stop } = start([survey({ on: { timeOnPageMs: 5_000, exitIntent: true } })]);
    document.dispatchEvent(new MouseEvent('mouseout', { clientY: 0, relatedTarget: null }));
    vi.advanceTimersByTime(10_000);
    expect(decider.offer).toHaveBeenCalledExactlyOnceWith(expect.anything(), { moment: 'browse', context: { source: 'exit-intent' } });
    stop();
  });

  it('ignores exit intent on mobile and restarts time on page after navigation', () => {
    const { decider, stop } = start([survey({ on: { exitIntent: true, timeOnPageMs: 1_000 } })], () => facts({ mobile: true }));
    document.dispatchEvent(new MouseEvent('mouseout', { clientY: 0, relatedTarget: null }));
    vi.advanceTimersByTime(600);
    history.pushState(null, '', '/next');
    vi.advanceTimersByTime(600);
    expect(decider.offer).not.toHaveBeenCalled();
    vi.advanceTimersByTime(400);
    expect(decider.offer).toHaveBeenCalledExactlyOnceWith(expect.anything(), { moment: 'browse', context: { source: 'time-on-page' } });
    stop();
  });

  it('counts time on page from navigation start', () => {
    vi.mocked(performance.now).mockReturnValue(400);
    const { decider, stop } = start([survey({ on: { timeOnPageMs: 1_000 } })]);
    vi.advanceTimersByTime(599);
    expect(decider.offer).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(decider.offer).toHaveBeenCalledTimes(1);
    stop();
  });

  it('does not watch navigation when no survey needs it', () => {
    const pushState = history.pushState;
    const { stop } = start([survey({})]);
    expect(history.pushState).toBe(pushState);
    stop();
  });
});

describe('matchUrl', () => {
  it.each([
    [{ exact: '/a' }, '/a', true],
    [{ exact: '/a' }, '/a/b', false],
    [{ prefix: '/shop' }, '/shop/cart', true],
    [{ prefix: '/shop' }, '/blog', false],
    [{ glob: '/order/*/done' }, '/order/123/done', true],
    [{ glob: '/order/*/done' }, '/order/123/done/x', false],
    [{ glob: '/a.b' }, '/axb', false],
    [{ regex: '^/p/\\d+$' }, '/p/42', true],
    [{ regex: '(' }, '/p', false],
    [{ prefix: '/shop', exact: '/shop/x' }, '/shop/y', false],
    [{}, '/anything', true],
  ])('matches %j against %s: %s', (rule, path, expected) => {
    expect(matchUrl(rule, path)).toBe(expected);
  });
});
