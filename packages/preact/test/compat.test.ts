import { act } from 'preact/test-utils';
import React, { useEffect, useState } from 'preact/compat';
import { createRoot } from 'preact/compat/client';
import { describe, expect, it } from 'vitest';
import { MomentsProvider, useMoment } from '../src/index.js';
import { createFakeClient } from './fakeClient.js';

describe('preact/compat', () => {
  it('works in a tree written against the React API (createElement, createRoot, React hooks)', () => {
    const fake = createFakeClient();
    function Confirmation({ orderId }: { orderId: string }) {
      const [ready, setReady] = useState(false);
      useEffect(() => setReady(true), []);
      useMoment('purchase', { orderId }, { when: ready });
      return React.createElement('p', null, ready ? 'confirmed' : 'loading');
    }
    const container = document.createElement('div');
    const root = createRoot(container);
    act(() =>
      root.render(React.createElement(MomentsProvider, { client: fake.client }, React.createElement(Confirmation, { orderId: 'R-9' }))),
    );
    expect(container.textContent).toBe('confirmed');
    expect(fake.triggers).toEqual([['purchase', { orderId: 'R-9' }]]);
    act(() => root.unmount());
  });
});
