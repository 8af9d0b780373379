// SPDX-License-Identifier: MIT

type HistoryMethod = 'pushState' | 'replaceState';
interface NavigationLike {
  addEventListener(type: string, listener: () => void): void;
  removeEventListener(type: string, listener: () => void): void;
}

/**
 * Calls `onChange` after each SPA navigation that changes the path or query (not the hash).
 * Uses the Navigation API where present; otherwise wraps `history.pushState`/`replaceState`,
 * calling whatever function was there before (the host's own wrapper included), and listens
 * to `popstate`. Call it only when a rule needs it. Returns a function that stops: a wrapper
 * another script wrapped again since is left in place, inert, so their chain keeps working.
 */
export function onNavigate(win: Window, onChange: () => void): () => void {
  const where = (): string => win.location.pathname + win.location.search;
  let last = where();
  let live = true;
  const check = (): void => {
    const now = where();
    if (!live || now === last) return;
    last = now;
    onChange();
  };
  const navigation = (win as unknown as { navigation?: NavigationLike }).navigation;
  if (navigation && typeof navigation.addEventListener === 'function') {
    navigation.addEventListener('currententrychange', check);
    return () => {
      live = false;
      navigation.removeEventListener('currententrychange', check);
    };
  }
  const unwrap = (['pushState', 'replaceState'] as const).map((name) => wrap(win.history, name, check));
  win.addEventListener('popstate', check);
  return () => {
    live = false;
    unwrap.forEach((restore) => restore());
    win.removeEventListener('popstate', check);
  };
}

function wrap(history: History, name: HistoryMethod, after: () => void): () => void {
  const original = history[name];
  const wrapped = function (this: History, ...args: Parameters<History[HistoryMethod]>) {
    const result = original.apply(this, args);
    after();
    return result;
  };
  history[name] = wrapped;
  return () => {
    if (history[name] === wrapped) history[name] = original;
  };
}
