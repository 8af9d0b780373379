// SPDX-License-Identifier: MIT
/**
 * Public types of `@moments/core` that are not inferred from the config schema.
 * Config types live next to their schema (`config/schema.ts`) and are re-exported from `index.ts`.
 */
import type { MomentsConfig, Survey, SurveyTheme } from './decide/config/schema.js';

/** Context of a moment: flat, JSON-safe facts such as `{ orderId: 'A-1001' }`. */
export type Context = Record<string, string | number | boolean | null>;

/** What a shopper answered: a score, a choice, a thumbs up/down or free text. */
export type AnswerValue = number | string | boolean;

/** One answer as it reaches the endpoint (`POST {"answers": [Answer, …]}`). */
export interface Answer {
  /** Stable and unique: the endpoint dedupes on it. */
  id: string;
  surveyId: string;
  moment: string;
  question: { type: string; text: string };
  value: AnswerValue;
  comment?: string;
  context: Context;
  /** Random and anonymous; never a cookie. */
  visitorId: string;
  /** Origin and path only: query strings and fragments may hold personal data. */
  url: string;
  locale: string;
  /** ISO 8601. */
  answeredAt: string;
  sdk: { name: string; version: string };
  /** The survey's `priority`: `critical` moments weigh more than routine `encounter` ones. */
  priority: 'critical' | 'encounter';
  /**
   * Paths of strings cut to the documented length limits (`comment`, `url`, `context.<key>`…),
   * present only when something was cut (docs/endpoints.md, "Length limits").
   */
  truncated?: string[];
}

/**
 * A survey's lifecycle, delivered with the answers when the config's `report` asks for it
 * (`{"answers": […], "events": […]}`), so an endpoint can compute response rates per moment.
 */
export interface LifecycleEvent {
  /** Stable and unique, like an answer's: the endpoint dedupes on it. */
  id: string;
  kind: 'triggered' | 'skipped' | 'shown' | 'dismissed';
  /** The survey concerned; a `triggered` moment that several surveys ask at names none. */
  surveyId?: string;
  moment: string;
  context: Context;
  /** ISO 8601. */
  at: string;
  /** `skipped` only: why (see `SkipReason`). */
  reason?: SkipReason;
  /** The survey's priority, when a survey is concerned. */
  priority?: 'critical' | 'encounter';
  /** The visitor's random id, as on their answers (an endpoint erases both together). */
  visitorId?: string;
}

/**
 * Why a moment did not lead to a survey (the `skipped` event). Per survey, checked in this order:
 * - `consent`: consent is `pending` (or Global Privacy Control is on and respected);
 * - `no-survey`: no survey asks at this moment;
 * - `url`, `device`, `locale`: the survey's page, device or language filter does not match;
 * - `once-per`: the survey was already shown about this `oncePer` context value;
 * - `recontact`: the visitor saw this survey less than `recontactDays` ago;
 * - `sampled-out`: the visitor is outside the survey's sticky `sample`;
 * - `fatigue`: `fatigue.minDaysBetweenSurveys` or `fatigue.maxPerSession` is reached;
 * - `deferred`: the moment is stored and will be asked on a visit after `after`;
 * - `busy`: another survey is visible or waiting (or was replaced by a `critical` one);
 * - `navigated`: the page or SPA route changed during `delayMs`;
 * - `ui-unavailable`, `invalid-config`: the lazy half could not load or the config is invalid;
 * - `expired`: a deferred moment found no eligible visit within `after.maxWaitDays`.
 */
export type SkipReason =
  | 'consent'
  | 'no-survey'
  | 'url'
  | 'device'
  | 'locale'
  | 'once-per'
  | 'recontact'
  | 'sampled-out'
  | 'fatigue'
  | 'deferred'
  | 'busy'
  | 'navigated'
  | 'ui-unavailable'
  | 'invalid-config'
  | 'expired';

/** Why answers left the queue without being delivered. */
export type DropReason = 'rejected' | 'expired' | 'overflow' | 'corrupt';

/** Payload of the `error` event. `code` is stable kebab-case; `message` is for people. */
export interface MomentsError {
  code: string;
  message: string;
  details?: unknown;
}

/** Every event a client emits, with its payload. */
export interface MomentsEventMap {
  triggered: { moment: string; context: Context };
  skipped: { moment: string; context: Context; reason: SkipReason; surveyId?: string };
  shown: { surveyId: string; moment: string; context: Context };
  answered: { answer: Answer };
  dismissed: { surveyId: string; moment: string; context: Context };
  /** `attempts`: requests this page made for the batch, this one included. */
  delivered: { ids: string[]; status: number; attempts: number };
  dropped: { ids: string[]; reason: DropReason; status?: number };
  error: MomentsError;
}

export type MomentsEventName = keyof MomentsEventMap;

export type MomentsEventHandler<K extends MomentsEventName> = (payload: MomentsEventMap[K]) => void;

/** The client API, the same from npm and as `window.moments`. No method ever throws. */
export interface MomentsClient {
  /** Fires a moment of truth; at most one survey may follow. */
  trigger(moment: string, context?: Context): void;
  /** Grants or withdraws consent where the config requires it. */
  consent(granted: boolean): void;
  /** Subscribes to an event; returns the unsubscribe function. */
  on<K extends MomentsEventName>(name: K, handler: MomentsEventHandler<K>): () => void;
  /** Tries to deliver every queued answer now; resolves when the attempt ends (never rejects). */
  flush(): Promise<void>;
  /** Forgets everything Moments stored on this device (queue, visitor id). */
  purge(): Promise<void>;
  /** Stops listening and removes any card; queued answers stay stored for the next visit. */
  destroy(): void;
}

/** Callbacks a survey view uses to report what the shopper did. */
export interface SurveyHandlers {
  /** Stores the answer durably; resolves once it is safe to say thanks. */
  answer(value: AnswerValue, comment?: string): Promise<void>;
  dismiss(): void;
  /** The card left the screen (after its thanks, or dismissed): the next survey may show. */
  closed(): void;
  /** Reports a problem the UI found (`theme-contrast`, `trusted-types`): core's `error` event and warning. */
  report?(code: string, message: string): void;
}

/** A survey on screen. */
export interface SurveyView {
  close(): void;
}

/** Page-wide settings from the config that a UI needs beyond the survey itself. */
export interface ShowOptions {
  /** The config's `locale` (else the UI uses `<html lang>`, then the browser's language). */
  locale?: string;
  /** The config's `theme`; a survey's own `theme` wins. */
  theme?: SurveyTheme;
}

/** How a UI shows a survey: `@moments/elements` provides one; tests pass a stub. */
export type ShowSurvey = (survey: Survey, handlers: SurveyHandlers, options?: ShowOptions) => SurveyView | Promise<SurveyView>;

/** A moment, with the survey-independent facts a decider needs. */
export interface Trigger {
  moment: string;
  context: Context;
}

/** The lazy half of a client: decides whether and what to ask, and shows it. */
export interface Decider {
  trigger(trigger: Trigger): void;
  destroy(): void;
  /** Forget what was read from storage (`purge()`): nothing old may be written back. */
  purge?(): void;
  /** Consent was given after the decider started (deferred moments may be looked at now). */
  consented?(): void;
}

export type { MomentsConfig, Survey };
