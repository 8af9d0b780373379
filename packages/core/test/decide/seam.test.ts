// The deciding half's promises from the seam issue: deferred moments survive an ineligible
// visit, purge() leaves nothing old behind, one locale, lifecycle events for the funnel.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DAY_MS } from '../../src/decide/eligibility/rules.js';
import { readPage } from '../../src/decide/eligibility/page.js';
import { MAX_DEFERRED } from '../../src/decide/eligibility/state.js';
import { createMemoryStateStorage } from '../../src/eager/storage/stateStorage.js';
import { nps, settle, setup } from '../helpers.js';

beforeEach(() => void vi.useFakeTimers());
afterEach(() => {
  vi.useRealTimers();
  document.documentElement.lang = '';
});

describe('deferred moments', () => {
  it('stay stored through an ineligible due visit and show on the next eligible one', async () => {
    const storage = createMemoryStateStorage();
    const survey = nps({ after: { days: 3 }, url: { prefix: '/checkout' } });
    const first = setup({ surveys: [survey] }, { stateStorage: storage });
    first.runtime.trigger('purchase', { orderId: 'A-1' });
    await settle();
    expect(first.skipped.map((s) => s.reason)).toEqual(['deferred']);
    // Due, but on a page the survey's url rule excludes.
    const ineligible = setup({ surveys: [survey] }, { stateStorage: storage, now: first.clock.now + 3 * DAY_MS });
    ineligible.page.path = '/account';
    await settle();
    expect(ineligible.shown).toHaveLength(0);
    expect(ineligible.skipped.map((s) => s.reason)).toEqual(['url']);
    const eligible = setup({ surveys: [survey] }, { stateStorage: storage, now: first.clock.now + 4 * DAY_MS });
    await settle();
    expect(eligible.shown.map((s) => s.survey.id)).toEqual(['nps']);
    expect(JSON.stringify(await storage.read())).not.toContain('A-1"}');
  });

  it('are dropped with skipped: expired past maxWaitDays, and the overflow beyond the cap is reported', async () => {
    const storage = createMemoryStateStorage();
    const survey = nps({ after: { days: 1, maxWaitDays: 2 } });
    const first = setup({ surveys: [survey] }, { stateStorage: storage });
    const errors: string[] = [];
    first.runtime.on('error', (e) => errors.push(e.code));
    for (let i = 0; i <= MAX_DEFERRED; i++) first.runtime.trigger('purchase', { orderId: `A-${i}` });
    await settle();
    expect(errors).toEqual(['deferred-overflow']);
    const late = setup({ surveys: [survey] }, { stateStorage: storage, now: first.clock.now + 4 * DAY_MS });
    await settle();
    expect(late.shown).toHaveLength(0);
    expect(late.skipped.map((s) => s.reason)).toEqual(Array(MAX_DEFERRED).fill('expired'));
  });
});

describe('purge', () => {
  it('forgets what the decider holds: nothing old is written back afterwards', async () => {
    const storage = createMemoryStateStorage();
    const h = setup({ surveys: [nps({ oncePer: 'orderId' })] }, { stateStorage: storage });
    h.runtime.trigger('purchase', { orderId: 'A-1' });
    await settle();
    const before = (await storage.read()) as { visitorId: string };
    expect(before.visitorId).toBe('visitor-1');
    await h.runtime.purge();
    expect(await storage.read()).toBeUndefined();
    expect(h.shown[0]!.close).toHaveBeenCalled();
    // The next decision starts from nothing: the old order is not "seen", the old state not written back.
    h.runtime.trigger('purchase', { orderId: 'A-1' });
    await settle();
    expect(h.shown).toHaveLength(2);
    const after = JSON.stringify(await storage.read());
    expect(after).toContain('A-1');
    expect((await storage.read()) as { surveys: unknown[] }).toMatchObject({ surveys: [['nps', { seen: ['A-1'] }]] });
  });
});

describe('the page locale', () => {
  it('is the config locale, else <html lang>, else the browser language', () => {
    document.documentElement.lang = 'de-CH';
    expect(readPage().language).toBe('de-CH');
    expect(readPage('fr').language).toBe('fr');
    document.documentElement.lang = '';
    expect(readPage().language).toBe(navigator.language);
  });

  it('is what a survey locales filter matches and what Answer.locale records', async () => {
    const h = setup({ surveys: [nps({ locales: ['de'] })] });
    h.page.language = 'de-DE';
    h.runtime.trigger('purchase');
    await settle();
    expect(h.shown).toHaveLength(1);
    const answered = vi.fn();
    h.runtime.on('answered', answered);
    await h.shown[0]!.handlers.answer(9);
    expect(answered.mock.calls[0]![0].answer.locale).toBe('de-DE');
  });
});

describe('lifecycle events', () => {
  it('queue triggered and skipped (with reason and priority) when the config reports them', async () => {
    const h = setup({ report: ['triggered', 'skipped'], surveys: [nps({ priority: 'critical', recontactDays: 30 })] });
    const recorded = vi.spyOn(h.runtime, 'recordEvent');
    h.runtime.trigger('purchase', { orderId: 'A-1' });
    await settle();
    h.shown[0]!.handlers.closed();
    h.runtime.trigger('purchase', { orderId: 'A-2' });
    await settle();
    expect(recorded.mock.calls.map(([e]) => [e.kind, e.surveyId, e.priority, e.reason ?? null])).toEqual([
      ['triggered', 'nps', 'critical', null],
      ['triggered', 'nps', 'critical', null],
      ['skipped', 'nps', 'critical', 'recontact'],
    ]);
  });
});
