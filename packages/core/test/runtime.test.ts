import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createMemoryStateStorage, STATE_KEY } from '../src/eligibility/stateStorage.js';
import { createMemoryStorage } from '../src/queue/memoryStorage.js';
import { createRuntime } from '../src/runtime.js';
import { TRIGGER_EVENT } from '../src/triggers/domEvent.js';
import { createMoments } from '../src/createMoments.js';
import { SESSION_KEY } from '../src/eligibility/session.js';
import type { Decider, ShowSurvey } from '../src/types.js';

const survey = { id: 'nps', moment: 'purchase', question: { type: 'nps', text: 'Recommend us?' } };
const platform = () => ({
  storages: [createMemoryStorage()],
  stateStorages: [createMemoryStateStorage()],
  transport: async () => ({ status: 200 }),
});

beforeEach(() => void vi.useFakeTimers());
afterEach(() => {
  vi.useRealTimers();
  document.body.innerHTML = '';
  delete (window as { dataLayer?: unknown }).dataLayer;
});

describe('createRuntime', () => {
  it('skips with consent while consent is pending, and hands moments to the decider after consent(true)', () => {
    const runtime = createRuntime({ endpoint: '/c', consent: 'pending', surveys: [] }, { platform: { ...platform(), window: undefined } });
    const decider: Decider = { trigger: vi.fn(), destroy: vi.fn() };
    runtime.attach(decider);
    const skipped = vi.fn();
    runtime.on('skipped', skipped);
    runtime.trigger('purchase', { orderId: 'A-1' });
    expect(skipped).toHaveBeenCalledWith({ moment: 'purchase', context: { orderId: 'A-1' }, reason: 'consent' });
    expect(runtime.consented).toBe(false);
    runtime.consent(true);
    runtime.trigger('purchase');
    expect(decider.trigger).toHaveBeenCalledWith({ moment: 'purchase', context: {} });
  });

  it('treats Global Privacy Control as consent withheld only when respectGpc is set', () => {
    const gpcWindow = Object.assign(Object.create(window), { navigator: { globalPrivacyControl: true } }) as Window;
    const respected = createRuntime({ endpoint: '/c', respectGpc: true, surveys: [] }, { platform: { ...platform(), window: gpcWindow } });
    const ignored = createRuntime({ endpoint: '/c', surveys: [] }, { platform: { ...platform(), window: gpcWindow } });
    expect(respected.consented).toBe(false);
    expect(ignored.consented).toBe(true);
    respected.destroy();
    ignored.destroy();
  });

  it('makes a hostile context flat and safe before anyone sees it', () => {
    const runtime = createRuntime({ endpoint: '/c', surveys: [] }, { platform: { ...platform(), window: undefined } });
    const triggered = vi.fn();
    runtime.on('triggered', triggered);
    runtime.trigger('purchase', JSON.parse('{"__proto__":{"x":1},"orderId":"A-1","deep":{"a":1}}'));
    expect(triggered).toHaveBeenCalledWith({ moment: 'purchase', context: { orderId: 'A-1' } });
  });

  it('loads the decider at idle time when a survey fires by itself or was deferred, and not otherwise', async () => {
    const loadDecider = vi.fn(async () => ({ trigger: vi.fn(), destroy: vi.fn() }));
    const eager = createRuntime(
      { endpoint: '/c', surveys: [{ ...survey, after: { days: 3 } }] },
      { platform: { ...platform(), window }, loadDecider },
    );
    const plain = createRuntime({ endpoint: '/c', surveys: [survey] }, { platform: { ...platform(), window }, loadDecider });
    expect(loadDecider).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(2_000);
    expect(loadDecider).toHaveBeenCalledTimes(1);
    eager.destroy();
    plain.destroy();
  });

  it('fires moments mapped from the dataLayer, including events pushed before it started', () => {
    (window as { dataLayer?: unknown[] }).dataLayer = [{ event: 'purchase', ecommerce: { transaction_id: 'T-1' } }];
    const decider: Decider = { trigger: vi.fn(), destroy: vi.fn() };
    const runtime = createRuntime(
      { endpoint: '/c', dataLayer: { purchase: 'purchase' }, surveys: [] },
      { platform: { ...platform(), window } },
    );
    runtime.attach(decider);
    expect(decider.trigger).toHaveBeenCalledWith({ moment: 'purchase', context: { transaction_id: 'T-1' } });
    runtime.destroy();
  });

  it('purge() forgets the eligibility state and the session count', async () => {
    const stateStorage = createMemoryStateStorage();
    await stateStorage.write({ visitorId: 'v' });
    sessionStorage.setItem(SESSION_KEY, '2');
    const runtime = createRuntime({ endpoint: '/c', surveys: [] }, { platform: { ...platform(), stateStorages: [stateStorage], window } });
    await runtime.purge();
    expect(await stateStorage.read()).toBeUndefined();
    expect(sessionStorage.getItem(SESSION_KEY)).toBeNull();
    expect(localStorage.getItem(STATE_KEY)).toBeNull();
    runtime.destroy();
  });
});

describe('createMoments', () => {
  function client(config: Record<string, unknown> = {}) {
    const show = vi.fn<ShowSurvey>(() => ({ close: vi.fn() }));
    const moments = createMoments({ endpoint: '/c', surveys: [survey], ...config }, { show, platform: { ...platform(), window } });
    return { moments, show };
  }

  it('shows a survey for a data-moment element and for a moments:trigger event', async () => {
    document.body.innerHTML = '<section data-moment="purchase" data-moment-context-order-id="A-1"></section>';
    const a = client();
    await vi.advanceTimersByTimeAsync(0);
    expect(a.show).toHaveBeenCalledTimes(1);
    a.moments.destroy();
    document.body.innerHTML = '';
    const b = client();
    document.dispatchEvent(new CustomEvent(TRIGGER_EVENT, { detail: { moment: 'purchase', context: { orderId: 'A-2' } } }));
    document.dispatchEvent(new CustomEvent(TRIGGER_EVENT, { detail: 'junk' }));
    await vi.advanceTimersByTimeAsync(0);
    expect(b.show).toHaveBeenCalledTimes(1);
    b.moments.destroy();
  });

  it('reports each config problem with its path on the error event and console, and never throws', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const { moments } = client({ surveys: [{ ...survey, sample: 3 }], colour: 'red' });
    expect(warn.mock.calls.map((c) => c[0])).toEqual([
      '[moments] invalid-config: colour: unknown key ignored',
      '[moments] invalid-config: surveys[0].sample: expected a number from 0 to 1; got 3',
    ]);
    moments.destroy();
    warn.mockRestore();
  });
});
