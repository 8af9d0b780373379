import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createMemoryStateStorage, STATE_KEY } from '../../src/eager/storage/stateStorage.js';
import { createMemoryStorage } from '../../src/eager/storage/memoryStorage.js';
import { createRuntime } from '../../src/eager/runtime.js';
import { TRIGGER_EVENT } from '../../src/eager/triggers/domEvent.js';
import { createMoments } from '../../src/createMoments.js';
import { SESSION_KEY } from '../../src/decide/eligibility/session.js';
import type { Decider, ShowSurvey } from '../../src/types.js';

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
  it('holds moments while consent is pending and hands them to the decider, in order, after consent(true)', () => {
    const runtime = createRuntime({ endpoint: '/c', consent: 'pending', surveys: [] }, { platform: { ...platform(), window: undefined } });
    const decider: Decider = { trigger: vi.fn(), destroy: vi.fn() };
    runtime.attach(decider);
    const skipped = vi.fn();
    runtime.on('skipped', skipped);
    runtime.trigger('purchase', { orderId: 'A-1' });
    runtime.trigger('delivery', { orderId: 'A-1' });
    expect(skipped).not.toHaveBeenCalled();
    expect(decider.trigger).not.toHaveBeenCalled();
    expect(runtime.consented).toBe(false);
    runtime.consent(true);
    runtime.trigger('purchase');
    expect(vi.mocked(decider.trigger).mock.calls.map(([t]) => t.moment)).toEqual(['purchase', 'delivery', 'purchase']);
  });

  it('drops held moments with skipped: consent on consent(false), and skips later ones at once', () => {
    const runtime = createRuntime({ endpoint: '/c', consent: 'pending', surveys: [] }, { platform: { ...platform(), window: undefined } });
    const decider: Decider = { trigger: vi.fn(), destroy: vi.fn() };
    runtime.attach(decider);
    const skipped = vi.fn();
    runtime.on('skipped', skipped);
    runtime.trigger('purchase', { orderId: 'A-1' });
    runtime.consent(false);
    runtime.trigger('purchase', { orderId: 'A-2' });
    expect(skipped.mock.calls.map(([e]) => [e.context.orderId, e.reason])).toEqual([
      ['A-1', 'consent'],
      ['A-2', 'consent'],
    ]);
    expect(decider.trigger).not.toHaveBeenCalled();
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

/** The deciding half arrives through a dynamic import (a real module load), then its timers run. */
async function settle(): Promise<void> {
  await vi.dynamicImportSettled();
  await vi.advanceTimersByTimeAsync(0);
}

describe('createMoments', () => {
  function client(config: Record<string, unknown> = {}) {
    const show = vi.fn<ShowSurvey>(() => ({ close: vi.fn() }));
    const moments = createMoments({ endpoint: '/c', surveys: [survey], ...config }, { show, platform: { ...platform(), window } });
    return { moments, show };
  }

  it('shows a survey for a data-moment element and for a moments:trigger event', async () => {
    document.body.innerHTML = '<section data-moment="purchase" data-moment-context-order-id="A-1"></section>';
    const a = client();
    await settle();
    expect(a.show).toHaveBeenCalledTimes(1);
    a.moments.destroy();
    document.body.innerHTML = '';
    const b = client();
    document.dispatchEvent(new CustomEvent(TRIGGER_EVENT, { detail: { moment: 'purchase', context: { orderId: 'A-2' } } }));
    document.dispatchEvent(new CustomEvent(TRIGGER_EVENT, { detail: 'junk' }));
    await settle();
    expect(b.show).toHaveBeenCalledTimes(1);
    b.moments.destroy();
  });

  it('reports each config problem with its path when the deciding half starts, and never throws', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const { moments } = client({ surveys: [{ ...survey, sample: 3 }], colour: 'red' });
    moments.trigger('purchase');
    await settle();
    expect(warn.mock.calls.map((c) => c[0])).toEqual([
      '[moments] invalid-config: colour: unknown key ignored',
      '[moments] invalid-config: surveys[0].sample: expected a number from 0 to 1; got 3',
    ]);
    moments.destroy();
    warn.mockRestore();
  });

  it('answers every moment with skipped: invalid-config when the config is invalid, holding none', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const { moments, show } = client({ endpoint: 42 });
    const skipped = vi.fn();
    moments.on('skipped', skipped);
    moments.trigger('purchase', { orderId: 'A-1' });
    moments.trigger('purchase', { orderId: 'A-2' });
    await settle();
    moments.trigger('purchase', { orderId: 'A-3' });
    expect(skipped.mock.calls.map(([e]) => [e.context.orderId, e.reason])).toEqual([
      ['A-1', 'invalid-config'],
      ['A-2', 'invalid-config'],
      ['A-3', 'invalid-config'],
    ]);
    expect(show).not.toHaveBeenCalled();
    expect(warn.mock.calls.map((c) => c[0])).toEqual(['[moments] invalid-config: endpoint: expected text; got 42']);
    moments.destroy();
    warn.mockRestore();
  });
});
