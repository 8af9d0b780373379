// SPDX-License-Identifier: MIT
import type { Context } from '../../types.js';
import type { StateStorage } from '../../eager/storage/stateStorage.js';

/** A moment kept for a later visit (`"after": {"days": 3}`). */
export interface DeferredMoment {
  surveyId: string;
  moment: string;
  context: Context;
  /** When it may be asked, in epoch milliseconds. */
  dueAt: number;
  /** When it is dropped unasked (`skipped: expired`), in epoch milliseconds; default 30 days after `dueAt`. */
  expiresAt?: number;
}

/** What one visitor's device remembers about one survey. */
export interface SurveyHistory {
  /** Last time it was shown, in epoch milliseconds. */
  shownAt?: number;
  /** `oncePer` context values it was already shown about (the newest `MAX_SEEN`). */
  seen?: string[];
}

/** Everything eligibility remembers, in one record (one read, one write). */
export interface State {
  visitorId: string;
  /** Last time any survey was shown, in epoch milliseconds (`fatigue.minDaysBetweenSurveys`). */
  lastShownAt?: number;
  /** A Map, not an object, so a survey id such as `__proto__` stays an ordinary key. */
  surveys: Map<string, SurveyHistory>;
  deferred: DeferredMoment[];
}

/** Enough to remember every order of a busy customer, small enough to store as one record. */
export const MAX_SEEN = 100;
/** Deferred moments kept per device; beyond it the oldest is dropped and reported. */
export const MAX_DEFERRED = 20;

interface Stored {
  visitorId?: unknown;
  lastShownAt?: unknown;
  surveys?: unknown;
  deferred?: unknown;
}

/**
 * Reads the state from stored data of any shape: what does not fit is dropped, never thrown.
 * A missing visitor id is made with `newId`.
 */
export function reviveState(raw: unknown, newId: () => string): State {
  const data = (raw && typeof raw === 'object' ? raw : {}) as Stored;
  const surveys = new Map<string, SurveyHistory>();
  if (Array.isArray(data.surveys)) {
    for (const entry of data.surveys) {
      if (Array.isArray(entry) && typeof entry[0] === 'string' && entry[1] && typeof entry[1] === 'object')
        surveys.set(entry[0], entry[1] as SurveyHistory);
    }
  }
  return {
    visitorId: typeof data.visitorId === 'string' && data.visitorId ? data.visitorId : newId(),
    ...(typeof data.lastShownAt === 'number' ? { lastShownAt: data.lastShownAt } : {}),
    surveys,
    deferred: Array.isArray(data.deferred) ? (data.deferred as DeferredMoment[]).filter((d) => d && typeof d.dueAt === 'number') : [],
  };
}

/** The state as stored: plain data any storage (structured clone or JSON) keeps. */
export function serializeState(state: State): Stored {
  return {
    visitorId: state.visitorId,
    lastShownAt: state.lastShownAt,
    surveys: [...state.surveys],
    deferred: state.deferred,
  };
}

/** The eligibility state of this visitor, loaded once per page. */
export interface StateStore {
  /** Resolves the state; reads storage once per page. Never rejects (a storage that fails gives a fresh state). */
  load(): Promise<State>;
  /**
   * Writes the state once for everything decided in this task (many moments at once cost one
   * write); resolves when written. Never rejects. Call only after consent.
   */
  save(): Promise<void>;
  /** Forgets the loaded state (`purge()`): the next load reads storage again, nothing old is written. */
  reset(): void;
}

/** The state over a storage (the runtime's `state`, which falls back by itself). */
export function createStateStore(storage: Pick<StateStorage, 'read' | 'write'>, newId: () => string): StateStore {
  let loaded: Promise<State> | undefined;
  let pending: Promise<void> | undefined;
  const revive = (raw?: unknown): State => reviveState(raw, newId);
  return {
    load: () => (loaded ??= storage.read().then(revive, () => revive())),
    save() {
      const state = loaded;
      if (!state) return Promise.resolve();
      // After the decisions already queued in this task (they wait on the same load): one write for all.
      pending ??= Promise.resolve().then(async () => {
        pending = undefined;
        // A purge in between: this state is old and must not be written back.
        if (state === loaded) await storage.write(serializeState(await state)).catch(() => undefined);
      });
      return pending;
    },
    reset() {
      loaded = undefined;
    },
  };
}
