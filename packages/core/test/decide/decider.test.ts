import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DAY_MS } from '../../src/decide/eligibility/rules.js';
import { createMemoryStateStorage } from '../../src/eager/storage/stateStorage.js';
import { nps, settle, setup } from '../helpers.js';

beforeEach(() => void vi.useFakeTimers());
afterEach(() => void vi.useRealTimers());

describe('createDecider', () => {
  it('shows the survey for a moment after its delay, and emits shown', async () => {
    const h = setup({ surveys: [nps({ delayMs: 1_000 })] });
    const shown = vi.fn();
    h.runtime.on('shown', shown);
    h.runtime.trigger('purchase', { orderId: 'A-1' });
    await vi.advanceTimersByTimeAsync(999);
    expect(h.shown).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(1);
    expect(h.shown.map((s) => s.survey.id)).toEqual(['nps']);
    expect(shown).toHaveBeenCalledWith({ surveyId: 'nps', moment: 'purchase', context: { orderId: 'A-1' } });
  });

  it('skips with no-survey when no survey asks at the moment', async () => {
    const h = setup({ surveys: [nps()] });
    h.runtime.trigger('delivered');
    await settle();
    expect(h.skipped).toEqual([{ moment: 'delivered', context: {}, reason: 'no-survey' }]);
  });

  it('holds a moment fired while consent is pending, unstored, and asks it when consent(true) arrives', async () => {
    const h = setup({ surveys: [nps()] }, { consent: 'pending' });
    h.runtime.trigger('purchase', { orderId: 'A-1' });
    await vi.advanceTimersByTimeAsync(1_500);
    expect(h.shown).toHaveLength(0);
    expect(h.skipped).toEqual([]);
    expect(await h.stateStorage.read()).toBeUndefined();
    h.runtime.consent(true);
    await settle();
    expect(h.shown).toHaveLength(1);
    expect(h.shown[0]!.survey.id).toBe('nps');
  });

  it('drops the held moments with skipped: consent when consent(false) arrives, storing nothing', async () => {
    const h = setup({ surveys: [nps()] }, { consent: 'pending' });
    h.runtime.trigger('purchase', { orderId: 'A-1' });
    h.runtime.consent(false);
    h.runtime.trigger('purchase', { orderId: 'A-2' });
    await settle();
    expect(h.skipped.map((s) => [s.context['orderId'], s.reason])).toEqual([
      ['A-1', 'consent'],
      ['A-2', 'consent'],
    ]);
    expect(h.shown).toHaveLength(0);
    expect(await h.stateStorage.read()).toBeUndefined();
  });

  it('does not even read storage while consent is pending', async () => {
    const storage = createMemoryStateStorage();
    const read = vi.spyOn(storage, 'read');
    const write = vi.spyOn(storage, 'write');
    const h = setup({ surveys: [nps({ after: { days: 1 } })] }, { consent: 'pending', stateStorage: storage });
    h.decider.offer(nps(), { moment: 'purchase', context: {} });
    await settle();
    expect(h.skipped.map((s) => s.reason)).toEqual(['consent']);
    expect(read).not.toHaveBeenCalled();
    expect(write).not.toHaveBeenCalled();
  });

  it('skips with busy while another survey is waiting or visible', async () => {
    const h = setup({ surveys: [nps({ delayMs: 100 }), nps({ id: 'other', moment: 'delivered' })] });
    h.runtime.trigger('purchase');
    await settle();
    h.runtime.trigger('delivered');
    await settle();
    expect(h.skipped).toEqual([{ moment: 'delivered', context: {}, reason: 'busy', surveyId: 'other' }]);
    await vi.advanceTimersByTimeAsync(100);
    h.runtime.trigger('delivered');
    await settle();
    expect(h.skipped).toHaveLength(2);
    expect(h.shown.map((s) => s.survey.id)).toEqual(['nps']);
  });

  it('lets a critical moment replace a waiting encounter one, which is skipped as busy', async () => {
    const h = setup({ surveys: [nps({ delayMs: 5_000 }), nps({ id: 'ticket', moment: 'ticket-closed', priority: 'critical' })] });
    h.runtime.trigger('purchase');
    await settle();
    h.runtime.trigger('ticket-closed');
    await vi.advanceTimersByTimeAsync(5_000);
    expect(h.shown.map((s) => s.survey.id)).toEqual(['ticket']);
    expect(h.skipped).toEqual([{ moment: 'purchase', context: {}, reason: 'busy', surveyId: 'nps' }]);
  });

  it('asks the critical survey first when several ask at the same moment', async () => {
    const h = setup({ surveys: [nps({ id: 'routine' }), nps({ id: 'key', priority: 'critical' })] });
    h.runtime.trigger('purchase');
    await settle();
    expect(h.shown.map((s) => s.survey.id)).toEqual(['key']);
  });

  it('cancels a waiting delay with navigated when the route changes', async () => {
    const h = setup({ surveys: [nps({ delayMs: 2_000 })] });
    h.runtime.trigger('purchase');
    await settle();
    h.decider.navigated();
    await vi.advanceTimersByTimeAsync(5_000);
    expect(h.shown).toHaveLength(0);
    expect(h.skipped).toEqual([{ moment: 'purchase', context: {}, reason: 'navigated', surveyId: 'nps' }]);
  });

  it('never shows the same survey twice for the same oncePer value, even on a later visit', async () => {
    const storage = createMemoryStateStorage();
    const first = setup({ surveys: [nps({ oncePer: 'orderId' })] }, { stateStorage: storage });
    first.runtime.trigger('purchase', { orderId: 'A-1' });
    await settle();
    first.shown[0]!.handlers.dismiss();
    first.runtime.trigger('purchase', { orderId: 'A-1' });
    await settle();
    expect(first.shown).toHaveLength(1);
    expect(first.skipped).toEqual([{ moment: 'purchase', context: { orderId: 'A-1' }, reason: 'once-per', surveyId: 'nps' }]);
    const later = setup({ surveys: [nps({ oncePer: 'orderId' })] }, { stateStorage: storage });
    later.runtime.trigger('purchase', { orderId: 'A-1' });
    later.runtime.trigger('purchase', { orderId: 'A-2' });
    await settle();
    expect(later.skipped.map((s) => s.reason)).toEqual(['once-per']);
    expect(later.shown).toHaveLength(1);
  });

  it('skips with recontact within recontactDays and asks again after', async () => {
    const storage = createMemoryStateStorage();
    const a = setup({ surveys: [nps({ recontactDays: 30 })] }, { stateStorage: storage });
    a.runtime.trigger('purchase');
    await settle();
    const b = setup({ surveys: [nps({ recontactDays: 30 })] }, { stateStorage: storage, now: a.clock.now + 29 * DAY_MS });
    b.runtime.trigger('purchase');
    await settle();
    expect(b.skipped.map((s) => s.reason)).toEqual(['recontact']);
    const c = setup({ surveys: [nps({ recontactDays: 30 })] }, { stateStorage: storage, now: a.clock.now + 30 * DAY_MS });
    c.runtime.trigger('purchase');
    await settle();
    expect(c.shown).toHaveLength(1);
  });

  it('skips with fatigue within minDaysBetweenSurveys of any survey, and past maxPerSession', async () => {
    const storage = createMemoryStateStorage();
    const a = setup({ surveys: [nps()] }, { stateStorage: storage });
    a.runtime.trigger('purchase');
    await settle();
    const b = setup(
      { fatigue: { minDaysBetweenSurveys: 7 }, surveys: [nps({ id: 'other' })] },
      { stateStorage: storage, now: a.clock.now + 6 * DAY_MS },
    );
    b.runtime.trigger('purchase');
    await settle();
    expect(b.skipped.map((s) => s.reason)).toEqual(['fatigue']);
    const c = setup({ fatigue: { maxPerSession: 1 }, surveys: [nps()] });
    c.session.count = 1;
    c.runtime.trigger('purchase');
    await settle();
    expect(c.skipped.map((s) => s.reason)).toEqual(['fatigue']);
  });

  it('skips with sampled-out for a visitor outside the sample, stickily', async () => {
    const h = setup({ surveys: [nps({ sample: 0 })] });
    h.runtime.trigger('purchase');
    h.runtime.trigger('purchase');
    await settle();
    expect(h.skipped.map((s) => s.reason)).toEqual(['sampled-out', 'sampled-out']);
  });

  it('skips with url, device and locale when the page does not match', async () => {
    const h = setup({
      surveys: [
        nps({ id: 'u', moment: 'a', url: { prefix: '/account' } }),
        nps({ id: 'd', moment: 'b', device: 'mobile' }),
        nps({ id: 'l', moment: 'c', locales: ['de'] }),
      ],
    });
    for (const moment of ['a', 'b', 'c']) h.runtime.trigger(moment);
    await settle();
    expect(h.skipped.map((s) => [s.surveyId, s.reason])).toEqual([
      ['u', 'url'],
      ['d', 'device'],
      ['l', 'locale'],
    ]);
  });

  it('announces a deferred moment only once it is stored', async () => {
    const storage = createMemoryStateStorage();
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const write = storage.write.bind(storage);
    const slow = { ...storage, write: async (value: unknown) => (await gate, write(value)) };
    const h = setup({ surveys: [nps({ after: { days: 3 } })] }, { stateStorage: slow });
    h.runtime.trigger('purchase', { orderId: 'A-1' });
    await settle();
    expect(h.skipped).toEqual([]);
    release();
    await settle();
    expect(h.skipped.map((s) => s.reason)).toEqual(['deferred']);
    expect(JSON.stringify(await storage.read())).toContain('A-1');
  });

  it('defers a survey with after, then asks it on the first visit once the delay has passed', async () => {
    const storage = createMemoryStateStorage();
    const survey = nps({ after: { days: 3 } });
    const a = setup({ surveys: [survey] }, { stateStorage: storage });
    a.runtime.trigger('purchase', { orderId: 'A-1' });
    await settle();
    expect(a.skipped.map((s) => s.reason)).toEqual(['deferred']);
    expect(a.shown).toHaveLength(0);
    const early = setup({ surveys: [survey] }, { stateStorage: storage, now: a.clock.now + 2 * DAY_MS });
    await settle();
    expect(early.shown).toHaveLength(0);
    const due = setup({ surveys: [survey] }, { stateStorage: storage, now: a.clock.now + 3 * DAY_MS });
    await settle();
    expect(due.shown.map((s) => s.survey.id)).toEqual(['nps']);
    const again = setup({ surveys: [survey] }, { stateStorage: storage, now: a.clock.now + 4 * DAY_MS });
    await settle();
    expect(again.shown).toHaveLength(0);
  });

  it('queues shown and dismissed events for the endpoint only when the config reports them', async () => {
    for (const report of [undefined, ['shown', 'dismissed'] as Array<'shown' | 'dismissed'>]) {
      const h = setup(report ? { report, surveys: [nps()] } : { surveys: [nps()] });
      const recorded = vi.spyOn(h.runtime, 'recordEvent');
      h.runtime.trigger('purchase', { orderId: 'A-9' });
      await settle();
      h.shown[0]!.handlers.dismiss();
      await settle();
      expect(recorded.mock.calls.every(([event]) => event.visitorId === 'visitor-1')).toBe(true);
      const kinds = recorded.mock.calls.map(([event]) => [event.kind, event.surveyId, event.moment, event.context]);
      expect(kinds).toEqual(
        report
          ? [
              ['shown', 'nps', 'purchase', { orderId: 'A-9' }],
              ['dismissed', 'nps', 'purchase', { orderId: 'A-9' }],
            ]
          : [],
      );
    }
  });

  it('records an answer with the page origin and path only, unless fullUrl opts in', async () => {
    for (const fullUrl of [false, true]) {
      const h = setup({ fullUrl, surveys: [nps()] });
      const answered = vi.fn();
      h.runtime.on('answered', answered);
      h.runtime.trigger('purchase', { orderId: 'A-1' });
      await settle();
      await h.shown[0]!.handlers.answer(9, 'Great');
      expect(answered.mock.calls[0]![0].answer).toMatchObject({
        surveyId: 'nps',
        moment: 'purchase',
        value: 9,
        comment: 'Great',
        context: { orderId: 'A-1' },
        visitorId: 'visitor-1',
        url: fullUrl ? 'https://shop.test/checkout/thanks?email=a@b.c#x' : 'https://shop.test/checkout/thanks',
        locale: 'en-GB',
      });
    }
  });

  it('explains each decision on the console when debug is on', async () => {
    const info = vi.spyOn(console, 'info').mockImplementation(() => undefined);
    const h = setup({ debug: true, surveys: [nps({ sample: 0 }), nps({ id: 'b', moment: 'x' })] });
    h.runtime.trigger('purchase');
    h.runtime.trigger('x');
    await settle();
    expect(info.mock.calls.map((c) => c[0])).toEqual(['[moments] purchase nps: skipped (sampled-out)', '[moments] x b: showing in 0 ms']);
    info.mockRestore();
  });

  it('reports show-failed and frees the slot when the UI throws', async () => {
    const h = setup({ surveys: [nps()] });
    const errors = vi.fn();
    h.runtime.on('error', errors);
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    h.decider.destroy();
    const failing = (await import('../../src/decide/decider.js')).createDecider({
      runtime: h.runtime,
      config: { endpoint: 'x', surveys: [nps()] },
      show: () => {
        throw new Error('no DOM');
      },
      platform: { window: undefined },
    });
    failing.trigger({ moment: 'purchase', context: {} });
    await settle();
    expect(errors).toHaveBeenCalledWith(expect.objectContaining({ code: 'show-failed' }));
    warn.mockRestore();
  });

  it('does not count a card that could not be shown: the same order is asked once the UI works', async () => {
    const storage = createMemoryStateStorage();
    const h = setup({ surveys: [nps({ oncePer: 'orderId' })] }, { stateStorage: storage });
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const shown = vi.fn();
    h.runtime.on('shown', shown);
    h.decider.destroy();
    const failing = (await import('../../src/decide/decider.js')).createDecider({
      runtime: h.runtime,
      config: { endpoint: 'x', surveys: [nps({ oncePer: 'orderId' })] },
      show: async () => Promise.reject(new Error('the card did not render')),
      platform: { window: undefined, state: (await import('../../src/decide/eligibility/state.js')).createStateStore(storage, () => 'v') },
    });
    failing.trigger({ moment: 'purchase', context: { orderId: 'A-1' } });
    await settle();
    expect(shown).not.toHaveBeenCalled();
    const later = setup({ surveys: [nps({ oncePer: 'orderId' })] }, { stateStorage: storage });
    later.runtime.trigger('purchase', { orderId: 'A-1' });
    await settle();
    expect(later.shown.map((s) => s.survey.id)).toEqual(['nps']);
    warn.mockRestore();
  });

  it('hands the UI the reporter: a UI problem becomes an error event and one warning', async () => {
    const h = setup({ surveys: [nps()] });
    const errors = vi.fn();
    h.runtime.on('error', errors);
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    h.runtime.trigger('purchase');
    await settle();
    h.shown[0]!.handlers.report?.('theme-contrast', 'accent has 1.30:1 contrast against the card');
    expect(errors).toHaveBeenCalledWith({ code: 'theme-contrast', message: 'accent has 1.30:1 contrast against the card' });
    expect(warn).toHaveBeenCalledWith('[moments] theme-contrast: accent has 1.30:1 contrast against the card');
    warn.mockRestore();
  });
});
