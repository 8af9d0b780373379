import type { Survey } from '@moments/core';
import { act, createElement as h, StrictMode, useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { createFakeClient } from '../../preact/test/fakeClient.js';
import { MomentsProvider, MomentSurvey, useMoment, useMoments, useMomentsEvent } from '../src/index.js';
import { mount } from './mount.js';

describe('useMoment', () => {
  it('fires the moment with its context once when the component mounts', () => {
    const fake = createFakeClient();
    function Confirmation() {
      useMoment('purchase', { orderId: 'A-1' });
      return h('p', null, 'thanks');
    }
    const { rerender, unmount } = mount(h(MomentsProvider, { client: fake.client }, h(Confirmation)));
    rerender(h(MomentsProvider, { client: fake.client }, h(Confirmation)));
    expect(fake.triggers).toEqual([['purchase', { orderId: 'A-1' }]]);
    unmount();
  });

  it('fires again when the context values change, not when only the object identity does', () => {
    const fake = createFakeClient();
    function Confirmation({ orderId }: { orderId: string }) {
      useMoment('purchase', { orderId });
      return null;
    }
    const { rerender, unmount } = mount(h(MomentsProvider, { client: fake.client }, h(Confirmation, { orderId: 'A-1' })));
    rerender(h(MomentsProvider, { client: fake.client }, h(Confirmation, { orderId: 'A-1' })));
    rerender(h(MomentsProvider, { client: fake.client }, h(Confirmation, { orderId: 'A-2' })));
    expect(fake.triggers).toEqual([
      ['purchase', { orderId: 'A-1' }],
      ['purchase', { orderId: 'A-2' }],
    ]);
    unmount();
  });

  it('waits until `when` becomes true', () => {
    const fake = createFakeClient();
    let load: () => void = () => undefined;
    function Tracking() {
      const [delivered, setDelivered] = useState(false);
      load = () => setDelivered(true);
      useMoment('delivery', { orderId: 'A-2' }, { when: delivered });
      return null;
    }
    const { unmount } = mount(h(MomentsProvider, { client: fake.client }, h(Tracking)));
    expect(fake.triggers).toEqual([]);
    act(() => load());
    expect(fake.triggers).toEqual([['delivery', { orderId: 'A-2' }]]);
    unmount();
  });

  it('does nothing without a provider', () => {
    function Lonely() {
      useMoment('purchase');
      return h('p', null, String(useMoments()));
    }
    const { container, unmount } = mount(h(Lonely));
    expect(container.textContent).toBe('null');
    unmount();
  });
});

describe('useMomentsEvent', () => {
  it('calls the latest handler and unsubscribes on unmount', () => {
    const fake = createFakeClient();
    const seen: string[] = [];
    function Analytics({ tag }: { tag: string }) {
      useMomentsEvent('answered', ({ answer }) => seen.push(`${tag}:${answer.surveyId}`));
      return null;
    }
    const answer = { surveyId: 's1' } as Parameters<Parameters<typeof fake.client.on<'answered'>>[1]>[0]['answer'];
    const { rerender, unmount } = mount(h(MomentsProvider, { client: fake.client }, h(Analytics, { tag: 'a' })));
    rerender(h(MomentsProvider, { client: fake.client }, h(Analytics, { tag: 'b' })));
    act(() => fake.emit('answered', { answer }));
    expect(seen).toEqual(['b:s1']);
    expect(fake.listeners('answered')).toBe(1);
    unmount();
    expect(fake.listeners('answered')).toBe(0);
  });
});

describe('MomentsProvider', () => {
  const survey = { id: 's1', moment: 'purchase', question: { type: 'nps', text: 'Recommend us?' } };
  const config = { endpoint: 'http://127.0.0.1:9/collect', surveys: [survey] };

  it('creates a client from config on mount, shows a survey for its moment, and destroys it on unmount', async () => {
    const show = vi.fn((shown: Survey) => ({ close: vi.fn(), shown }));
    let client: ReturnType<typeof useMoments> = null;
    function Probe() {
      client = useMoments();
      useMoment('purchase', { orderId: 'A-3' });
      return null;
    }
    const { unmount } = mount(h(MomentsProvider, { config, show }, h(Probe)));
    await vi.waitFor(() => expect(show).toHaveBeenCalledOnce());
    expect(show.mock.calls[0]![0]).toMatchObject({ id: 's1' });
    const created = client!;
    const triggered = vi.fn();
    created.on('triggered', triggered);
    unmount();
    created.trigger('purchase');
    expect(triggered).not.toHaveBeenCalled();
  });

  it('under <StrictMode> (effects mounted twice) ends with one live client that shows the survey once', async () => {
    const show = vi.fn((shown: Survey) => ({ close: vi.fn(), shown }));
    const clients = new Set<ReturnType<typeof useMoments>>();
    function Probe() {
      clients.add(useMoments());
      useMoment('purchase', { orderId: 'A-4' });
      return null;
    }
    const { unmount } = mount(h(StrictMode, null, h(MomentsProvider, { config, show }, h(Probe))));
    await vi.waitFor(() => expect(show).toHaveBeenCalledOnce());
    const live = [...clients].filter((c) => c !== null);
    expect(live.length).toBeGreaterThanOrEqual(1);
    // The first, destroyed client ignores triggers; only the last one reacts.
    const triggered = live.map(() => vi.fn());
    live.forEach((c, i) => c!.on('triggered', triggered[i]!));
    live.forEach((c) => c!.trigger('other'));
    expect(triggered.filter((fn) => fn.mock.calls.length > 0)).toHaveLength(1);
    unmount();
  });

  it('never destroys a client it was given', () => {
    const fake = createFakeClient();
    const { unmount } = mount(h(MomentsProvider, { client: fake.client }));
    unmount();
    expect(fake.destroyed()).toBe(0);
  });
});

describe('MomentSurvey', () => {
  it('renders a <moment-survey> host carrying the survey id and class as attributes', () => {
    const { container, unmount } = mount(h(MomentSurvey, { survey: 'post-purchase', className: 'inline-card' }));
    const host = container.querySelector('moment-survey');
    expect(host?.getAttribute('data-survey')).toBe('post-purchase');
    expect(host?.getAttribute('class')).toBe('inline-card');
    unmount();
  });
});

describe('hydration', () => {
  it('hydrates server markup without a mismatch, then starts the client', async () => {
    const { renderToString } = await import('react-dom/server');
    const { hydrateRoot } = await import('react-dom/client');
    const fake = createFakeClient();
    function Page() {
      useMoment('purchase', { orderId: 'A-5' });
      return h('main', null, h(MomentSurvey, { survey: 'post-purchase' }));
    }
    const container = document.createElement('div');
    container.innerHTML = renderToString(h(MomentsProvider, { client: fake.client }, h(Page)));
    const errors: unknown[] = [];
    // React reports attribute mismatches on the console, text mismatches to onRecoverableError.
    const consoleError = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    let root: ReturnType<typeof hydrateRoot> | undefined;
    act(() => {
      root = hydrateRoot(container, h(MomentsProvider, { client: fake.client }, h(Page)), { onRecoverableError: (e) => errors.push(e) });
    });
    expect(errors).toEqual([]);
    expect(consoleError).not.toHaveBeenCalled();
    consoleError.mockRestore();
    expect(fake.triggers).toEqual([['purchase', { orderId: 'A-5' }]]);
    act(() => root!.unmount());
  });
});
