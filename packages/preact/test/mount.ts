import { render, type VNode } from 'preact';
import { act } from 'preact/test-utils';

/**
 * Renders into a fresh container with `act`, so effects have run when it returns. (Testing
 * Library's Preact binding ships CommonJS only, which loads a second copy of Preact next to the
 * ES module one our hooks use.)
 */
export function mount(vnode: VNode<any>) {
  const container = document.createElement('div');
  document.body.append(container);
  act(() => render(vnode, container));
  return {
    container,
    rerender: (next: VNode<any>) => act(() => render(next, container)),
    unmount: () => {
      act(() => render(null, container));
      container.remove();
    },
  };
}
