// SPDX-License-Identifier: MIT
// A tiny history router (pushState + popstate), as in demo/spa: what real SPA routers do.
import { createElement as h, useEffect, useState, type MouseEvent, type ReactElement, type ReactNode } from 'react';

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

export function Link({ href, children }: { href: string; children?: ReactNode }): ReactElement {
  const onClick = (event: MouseEvent) => {
    event.preventDefault();
    navigate(href);
  };
  return h('a', { href, onClick }, children);
}
