import 'fake-indexeddb/auto';
import { describe, expect, it, vi } from 'vitest';
import {
  createIdbStateStorage,
  createLocalStateStorage,
  createMemoryStateStorage,
  createStateStorage,
  STATE_DB,
  type StateStorage,
} from '../../../src/eager/storage/stateStorage.js';
import { createStateStore, reviveState } from '../../../src/decide/eligibility/state.js';
import { sampleBucket } from '../../../src/decide/eligibility/rules.js';

const broken = (kind: StateStorage['kind']): StateStorage => ({
  kind,
  read: () => Promise.reject(new Error('blocked')),
  write: () => Promise.reject(new Error('blocked')),
  clear: () => Promise.reject(new Error('blocked')),
});

describe('createIdbStateStorage', () => {
  it('keeps the state in its own moments-state database, opened on first use', async () => {
    const storage = createIdbStateStorage();
    await storage.write({ visitorId: 'v-1' });
    expect(await storage.read()).toEqual({ visitorId: 'v-1' });
    const names = (await indexedDB.databases()).map((d) => d.name);
    expect(names).toContain(STATE_DB);
    expect(names).not.toContain('keyval-store');
    await storage.clear();
    expect(await storage.read()).toBeUndefined();
  });
});

describe('createStateStorage', () => {
  it('falls back to the next storage for good when one fails, and says so once', async () => {
    const onFallback = vi.fn();
    const memory = createMemoryStateStorage();
    const chain = createStateStorage(undefined, onFallback, [
      broken('indexeddb'),
      createLocalStateStorage({
        getItem: () => {
          throw new Error('SecurityError');
        },
        setItem: () => {
          throw new Error('SecurityError');
        },
        removeItem: () => undefined,
      }),
      memory,
    ]);
    await chain.write({ visitorId: 'v' });
    expect(await chain.read()).toEqual({ visitorId: 'v' });
    expect(onFallback.mock.calls.map(([kind]) => kind)).toEqual(['localstorage', 'memory']);
    expect(onFallback.mock.calls.map(([, error]) => String(error))).toEqual(['Error: blocked', 'Error: SecurityError']);
  });

  it('uses localStorage as JSON when IndexedDB fails', async () => {
    const chain = createStateStorage(window, vi.fn(), [broken('indexeddb'), createLocalStateStorage(localStorage)]);
    await chain.write({ visitorId: 'ls' });
    expect(JSON.parse(localStorage.getItem('moments-state')!)).toEqual({ visitorId: 'ls' });
    await chain.clear();
    expect(localStorage.getItem('moments-state')).toBeNull();
  });

  it('clears every storage even when one of them fails', async () => {
    const memory = createMemoryStateStorage();
    await memory.write({ visitorId: 'v' });
    await createStateStorage(undefined, vi.fn(), [broken('indexeddb'), memory]).clear();
    expect(await memory.read()).toBeUndefined();
  });
});

describe('createStateStore', () => {
  it('gives a fresh state with a new visitor id when storage fails, and never rejects', async () => {
    const store = createStateStore(broken('memory'), () => 'new-id');
    const state = await store.load();
    expect(state).toMatchObject({ visitorId: 'new-id', deferred: [] });
    await expect(store.save()).resolves.toBeUndefined();
  });

  it('round-trips survey history through storage, survey ids like __proto__ included', async () => {
    const storage = createMemoryStateStorage();
    const a = createStateStore(storage, () => 'v');
    const state = await a.load();
    state.surveys.set('__proto__', { shownAt: 5, seen: ['A-1'] });
    await a.save();
    const b = await createStateStore(storage, () => 'other').load();
    expect(b.visitorId).toBe('v');
    expect(b.surveys.get('__proto__')).toEqual({ shownAt: 5, seen: ['A-1'] });
    expect(({} as { shownAt?: unknown }).shownAt).toBeUndefined();
  });
});

describe('reviveState', () => {
  it('drops stored data of the wrong shape instead of throwing', () => {
    const state = reviveState(
      {
        visitorId: 7,
        surveys: [['ok', { shownAt: 1 }], 'junk', [3, {}]],
        deferred: [null, { dueAt: 'x' }, { dueAt: 1, surveyId: 's', moment: 'm', context: {} }],
      },
      () => 'v',
    );
    expect(state.visitorId).toBe('v');
    expect([...state.surveys.keys()]).toEqual(['ok']);
    expect(state.deferred).toHaveLength(1);
  });
});

describe('sampleBucket', () => {
  it('is fixed per visitor and survey, and spreads visitors evenly', () => {
    expect(sampleBucket('v-1', 's')).toBe(sampleBucket('v-1', 's'));
    const inSample = Array.from({ length: 2_000 }, (_, i) => sampleBucket(`visitor-${i}`, 's')).filter((b) => b < 0.3).length;
    expect(inSample / 2_000).toBeGreaterThan(0.25);
    expect(inSample / 2_000).toBeLessThan(0.35);
  });
});
