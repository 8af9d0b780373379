import type { Survey } from '@moments/core';
import { h } from 'preact';
import { useState } from 'preact/hooks';
import { act } from 'preact/test-utils';
import { describe, expect, it, vi } from 'vitest';
import { MomentsProvider, MomentSurvey, useMoment, useMoments, useMomentsEvent } from '../src/index.js';
import { createFakeClient } from './fakeClient.js';
import { mount } from './mount.js';

describe('useMoment', () => {
  it('fires the moment with its context once when the component mounts', async () => {
    const fake = createFakeClient();
    function Confirmation() {
      useMoment('purchase', { orderId: 'A-1' });
      return h('p', null, 'thanks');
    }
    const { rerender } = mount(h(MomentsProvider, { client: fake.client }, h(Confirmation, null)));
    rerender(h(MomentsProvider, { client: fake.client }, h(Confirmation, null)));
    expect(fake.triggers).toEqual([['purchase', { orderId: 'A-1' }]]);
  });

  it('waits until `when` becomes true', async () => {
    const fake = createFakeClient();
    let load: () => void = () => undefined;
    function Tracking() {
      const [delivered, setDelivered] = useState(false);
      load = () => setDelivered(true);
      useMoment('delivery', { orderId: 'A-2' }, { when: delivered });
      return null;
    }
    mount(h(MomentsProvider, { client: fake.client }, h(Tracking, null)));
    expect(fake.triggers).toEqual([]);
    act(() => load());
    expect(fake.triggers).toEqual([['delivery', { orderId: 'A-2' }]]);
  });

  it('does nothing without a provider', () => {
    function Lonely() {
      useMoment('purchase');
      return h('p', null, String(useMoments()));
    }
    const { container, unmount } = mount(h(Lonely, {}));
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
    fake.emit('answered', { answer });
    expect(seen).toEqual(['b:s1']);
    expect(fake.listeners('answered')).toBe(1);
    unmount();
    expect(fake.listeners('answered')).toBe(0);
  });
});

describe('MomentsProvider', () => {
  const survey = { id: 's1', moment: 'purchase', question: { type: 'nps', text: 'Recommend us?' } };

  it('creates a client from config on mount, shows a survey for its moment, and destroys it on unmount', async () => {
    const show = vi.fn((shown: Survey) => ({ close: vi.fn(), shown }));
    let client: ReturnType<typeof useMoments> = null;
    function Probe() {
      client = useMoments();
      useMoment('purchase', { orderId: 'A-3' });
      return null;
    }
    const config = { endpoint: 'http://127.0.0.1:9/collect', surveys: [survey] };
    const { unmount } = mount(h(MomentsProvider, { config, show }, h(Probe, null)));
    await vi.waitFor(() => expect(show).toHaveBeenCalledOnce());
    expect(show.mock.calls[0]![0]).toMatchObject({ id: 's1' });
    const created = client!;
    const triggered = vi.fn();
    created.on('triggered', triggered);
    unmount();
    created.trigger('purchase');
    expect(triggered).not.toHaveBeenCalled();
  });

  it('never destroys a client it was given', () => {
    const fake = createFakeClient();
    const { unmount } = mount(h(MomentsProvider, { client: fake.client }, null));
    unmount();
    expect(fake.destroyed()).toBe(0);
  });
});

describe('MomentSurvey', () => {
  it('renders a <moment-survey> host carrying the survey id as an attribute', () => {
    const { container } = mount(h(MomentSurvey, { survey: 'post-purchase' }));
    const host = container.querySelector('moment-survey');
    expect(host?.getAttribute('data-survey')).toBe('post-purchase');
  });
});
