import { afterEach, describe, expect, it, vi } from 'vitest';
import { onNavigate } from '../../src/page/navigation.js';

afterEach(() => history.replaceState(null, '', '/'));

describe('onNavigate', () => {
  it('calls back on pushState and replaceState that change the path, not the hash', () => {
    const changed = vi.fn();
    const stop = onNavigate(window, changed);
    history.pushState(null, '', '/a');
    history.replaceState(null, '', '/a#top');
    history.replaceState(null, '', '/b?x=1');
    expect(changed).toHaveBeenCalledTimes(2);
    stop();
    history.pushState(null, '', '/c');
    expect(changed).toHaveBeenCalledTimes(2);
  });

  it('chains the host page’s own history wrapper and leaves it working after stop', () => {
    const original = history.pushState;
    const hostSaw: string[] = [];
    history.pushState = function (...args: Parameters<History['pushState']>) {
      hostSaw.push(String(args[2]));
      return original.apply(this, args);
    };
    const changed = vi.fn();
    const stop = onNavigate(window, changed);
    history.pushState(null, '', '/one');
    expect(hostSaw).toEqual(['/one']);
    expect(changed).toHaveBeenCalledTimes(1);
    stop();
    history.pushState(null, '', '/two');
    expect(hostSaw).toEqual(['/one', '/two']);
    history.pushState = original;
  });

  it('stays inert when another script wrapped history after it', () => {
    const changed = vi.fn();
    const stop = onNavigate(window, changed);
    const ours = history.pushState;
    history.pushState = function (...args: Parameters<History['pushState']>) {
      return ours.apply(this, args);
    };
    stop();
    history.pushState(null, '', '/later');
    expect(changed).not.toHaveBeenCalled();
    expect(location.pathname).toBe('/later');
  });

  it('uses the Navigation API where present', () => {
    const listeners = new Map<string, () => void>();
    const fakeWindow = {
      location: { pathname: '/', search: '' },
      navigation: {
        addEventListener: (t: string, l: () => void) => listeners.set(t, l),
        removeEventListener: (t: string) => listeners.delete(t),
      },
    } as unknown as Window;
    const changed = vi.fn();
    const stop = onNavigate(fakeWindow, changed);
    (fakeWindow.location as { pathname: string }).pathname = '/next';
    listeners.get('currententrychange')!();
    expect(changed).toHaveBeenCalledTimes(1);
    stop();
    expect(listeners.size).toBe(0);
  });
});
