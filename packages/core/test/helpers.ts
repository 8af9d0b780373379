// Fakes shared by the core's unit tests: a runtime with memory storage and a stub transport,
// a decider wired to it with an injectable clock, page and session, and a stub UI.
import { vi } from 'vitest';
import type { Survey } from '../src/decide/config/schema.js';
import { createDecider } from '../src/decide/decider.js';
import type { PageFacts } from '../src/decide/eligibility/page.js';
import { createStateStore } from '../src/decide/eligibility/state.js';
import { createMemoryStateStorage, type StateStorage } from '../src/eager/storage/stateStorage.js';
import { createMemoryStorage } from '../src/eager/storage/memoryStorage.js';
import { createDelivery } from '../src/deliver/createDelivery.js';
import { createRuntime } from '../src/eager/runtime.js';
import type { MomentsConfig, MomentsEventMap, ShowSurvey, SurveyHandlers } from '../src/types.js';

export const nps = (fields: Partial<Survey> = {}): Survey => ({
  id: 'nps',
  moment: 'purchase',
  question: { type: 'nps', text: 'Recommend us?' },
  ...fields,
});

export interface Harness {
  runtime: ReturnType<typeof createRuntime>;
  decider: ReturnType<typeof createDecider>;
  shown: Array<{ survey: Survey; handlers: SurveyHandlers; close: ReturnType<typeof vi.fn> }>;
  skipped: Array<MomentsEventMap['skipped']>;
  page: PageFacts;
  clock: { now: number };
  stateStorage: StateStorage;
  session: { count: number; get(): number; add(): void };
}

/** A client whose decider is attached at once; advance fake timers to let a survey show. */
export function setup(
  config: Partial<MomentsConfig> & { surveys: Survey[] },
  { stateStorage = createMemoryStateStorage(), consent = 'granted', now = Date.UTC(2026, 10, 25) } = {},
): Harness {
  const full = { endpoint: 'https://collect.test/a', ...config } as MomentsConfig;
  const runtime = createRuntime({ ...full, consent } as unknown as Record<string, unknown>, {
    platform: {
      storages: [createMemoryStorage()],
      stateStorages: [stateStorage],
      transport: async () => ({ status: 200 }),
      window: undefined,
    },
    loadDelivery: async () => createDelivery,
  });
  const shown: Harness['shown'] = [];
  const show: ShowSurvey = (survey, handlers) => {
    const close = vi.fn();
    shown.push({ survey, handlers, close });
    return { close };
  };
  const clock = { now };
  const page: PageFacts = {
    path: '/checkout/thanks',
    url: (full) => (full ? 'https://shop.test/checkout/thanks?email=a@b.c#x' : 'https://shop.test/checkout/thanks'),
    mobile: false,
    language: 'en-GB',
  };
  const session = { count: 0, get: () => session.count, add: () => void session.count++ };
  const decider = createDecider({
    runtime,
    config: full,
    show,
    platform: {
      state: createStateStore(stateStorage, () => 'visitor-1'),
      page: () => page,
      now: () => clock.now,
      session,
      window: undefined,
    },
  });
  runtime.attach(decider);
  const skipped: Harness['skipped'] = [];
  runtime.on('skipped', (event) => skipped.push(event));
  return { runtime, decider, shown, skipped, page, clock, stateStorage, session };
}

/** Lets the state load and any 0 ms delay pass (fake timers must be on). */
export async function settle(): Promise<void> {
  await vi.advanceTimersByTimeAsync(0);
}
