// SPDX-License-Identifier: MIT
// A tiny history router: enough for the demo, and it navigates the way real SPA routers do
// (pushState + popstate), which is what Moments' route handling must cope with.
import { h, type ComponentChildren, type JSX } from 'preact';
import { useEffect, useState } from 'preact/hooks';

const listeners = new Set<() => void>();

export function navigate(path: string): void {
  history.pushState(null, '', path);
  listeners.forEach((listener) => listener());
}

export function usePath(): string {
  const [path, setPath] = useState(location.pathname);
  useEffect(() => {
    const update = () => setPath(location.pathname);
    listeners.add(update);
    addEventListener('popstate', update);
    return () => {
      listeners.delete(update);
      removeEventListener('popstate', update);
    };
  }, []);
  return path;
}

export function Link({ href, children }: { href: string; children?: ComponentChildren }): JSX.Element {
  const onClick = (event: MouseEvent) => {
    event.preventDefault();
    navigate(href);
  };
  return h('a', { href, onClick }, children);
}
