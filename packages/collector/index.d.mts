// SPDX-License-Identifier: MIT
// Types of `@moments/collector` (the collector itself is plain ESM, run by Node directly).
import type { IncomingMessage, Server, ServerResponse } from 'node:http';

/** An answer as stored and returned; `sample` marks seeded sample data. */
export interface StoredAnswer {
  id: string;
  surveyId: string;
  moment: string;
  question: { type: string; text: string };
  value: number | string | boolean;
  comment?: string;
  context: Record<string, string | number | boolean | null>;
  answeredAt: string;
  visitorId?: string;
  priority?: 'critical' | 'encounter';
  device?: string;
  sample: boolean;
  [key: string]: unknown;
}

/** A lifecycle event: `triggered`, `skipped` (with `reason`), `shown` or `dismissed`. */
export interface LifecycleEvent {
  id: string;
  kind: string;
  surveyId?: string;
  moment: string;
  context?: Record<string, unknown>;
  at: string;
  priority?: 'critical' | 'encounter';
  reason?: string;
  visitorId?: string;
}

export interface StoreCounts {
  answers: number;
  events: number;
  sample: number;
}

export interface StoredAlert {
  answer_id: string;
  attempts: number;
  sent_at: string | null;
  failed_at: string | null;
}

/** SQLite or PostgreSQL, same behaviour. */
export interface Store {
  kind: 'sqlite' | 'postgres';
  insert(batch: {
    answers?: unknown[];
    events?: unknown[];
    sample?: boolean;
    alert?: (answer: StoredAnswer) => object | undefined;
  }): Promise<{ answers: number; events: number; alerts?: number }>;
  answers(options?: { includeSample?: boolean; limit?: number }): Promise<StoredAnswer[]>;
  answerPage(options?: {
    after?: number;
    includeSample?: boolean;
    from?: string;
    to?: string;
    limit?: number;
  }): Promise<{ seq: number; body: string; sample: number; device: string | null }[]>;
  counts(): Promise<StoreCounts>;
  eraseVisitor(visitorId: string): Promise<{ answers: number; events: number }>;
  deleteBefore(isoTime: string): Promise<{ answers: number; events: number }>;
  alerts(): Promise<StoredAlert[]>;
  close(): Promise<void>;
}

/** What the collector knows of the storefront's surveys (`--surveys`). */
export interface Registry {
  survey(id: string): Record<string, unknown> | undefined;
  knows(moment: string): boolean;
  priorityOf(moment: string): 'critical' | 'encounter' | undefined;
  size: number;
}

export interface CollectorLog {
  stored?: (answers: StoredAnswer[], stored: { answers: number; events: number }) => void;
  error?: (message: string) => void;
  info?: (message: string) => void;
}

export interface CollectorOptions {
  store: Store;
  origins?: string[];
  token?: string;
  host?: string;
  registry?: Registry;
  alertUrl?: string;
  alerts?: { intervalMs?: number; backoff?: (attempt: number) => number; timeoutMs?: number };
  maxBodyBytes?: number;
  rate?: number;
  burst?: number;
  readRate?: number;
  readBurst?: number;
  quotaBytesPerHour?: number;
  maxExports?: number;
  maxAgeDays?: number;
  maxUnknownMoments?: number;
  trustProxy?: boolean;
  path?: string;
  log?: CollectorLog;
}

export interface Collector {
  store: Store;
  access: { open: boolean; readsDisabled: boolean };
  handle(req: IncomingMessage, res: ServerResponse): Promise<boolean>;
  answers(options?: { includeSample?: boolean; limit?: number }): Promise<StoredAnswer[]>;
  alerter?: { runOnce(): Promise<void>; kick(): void };
  close(): Promise<void>;
}

export interface RunningCollector {
  url: string;
  collector: Collector;
  store: Store;
  server: Server;
  seeded: number;
  close(): Promise<void>;
}

/** One moment of `GET /api/results` (and of the results page). */
export interface MomentResult {
  moment: string;
  priority: 'critical' | 'encounter';
  known: boolean;
  occurrences: number;
  occurrencesBasis: 'triggered' | 'shown' | 'answers';
  shown: number;
  answers: number;
  skipped: number;
  /** Skipped events per `reason` (`fatigue`, `consent`, …). */
  skippedReasons: Record<string, number>;
  dismissed: number;
  unhappy: { share: number; low: number; high: number; count: number; n: number } | null;
  painPerWeek: number | null;
  change: { direction: 'worse' | 'better'; p: number; share: number; previousShare: number; n: number; previousN: number } | null;
  metric: Record<string, unknown> | null;
  surveys: Record<string, unknown>[];
  comments: { surveyId: string; value: unknown; comment: string; answeredAt: string; context: Record<string, unknown> }[];
  words: { word: string; z: number; unhappy: number; happy: number }[];
  breakdowns: {
    key: string;
    groups: { value: string; share: number; low: number; high: number; count: number; n: number }[];
    hidden: number;
  }[];
}

export interface Results {
  from: string;
  to: string;
  days: number;
  previous: { from: string; to: string };
  hiddenMoments: number;
  moments: MomentResult[];
}

export const RESULTS_CSP: string;
export function createCollector(options: CollectorOptions): Collector;
export function openStore(database: string): Promise<Store>;
export function startCollector(
  options?: Omit<CollectorOptions, 'store'> & { port?: number; host?: string; database?: string; seed?: boolean; retainDays?: number },
): Promise<RunningCollector>;
export function sampleData(options?: { days?: number; now?: number; seed?: number }): { answers: StoredAnswer[]; events: LifecycleEvent[] };
export function seedIfEmpty(store: Store, options?: { days?: number; now?: number; seed?: number }): Promise<number>;
export function createRegistry(surveys?: unknown[]): Registry;
export function loadRegistry(source?: string): Promise<Registry>;
export function parseBatch(
  body: unknown,
  options?: { now?: number; registry?: Registry; maxAgeDays?: number },
):
  | { ok: true; answers: StoredAnswer[]; events: LifecycleEvent[]; refused: { list: string; index: number; reason: string }[] }
  | { ok: false; message: string };

/** A point estimate with its 95 % interval (`n` = answers it rests on). */
export interface Estimate {
  value: number;
  low: number;
  high: number;
  n?: number;
}
/** Histograms map a value to how many answers gave it. */
export type Histogram = Map<number | string, number>;
export function wilson(k: number, n: number, z?: number): Estimate | undefined;
export function nps(histogram: Histogram): Estimate | undefined;
export function csat(histogram: Histogram): Estimate | undefined;
export function ces(histogram: Histogram): Estimate | undefined;
export function meanOf(histogram: Histogram, min: number, max: number): Estimate | undefined;
export function twoProportionTest(k1: number, n1: number, k0: number, n0: number): { z: number; p: number } | undefined;
export function isUnhappy(type: string, value: unknown, survey?: Record<string, unknown>, observedMax?: number): boolean | undefined;
export function metricOf(
  type: string,
  histogram: Histogram,
  survey?: Record<string, unknown>,
): (Estimate & { label: string; unit: string; mean?: Estimate; options?: (Estimate & { option: string; count: number })[] }) | undefined;
export function tokenize(text: string): string[];
export function distinctiveWords(
  unhappy: Map<string, number>,
  happy: Map<string, number>,
  background: Map<string, number>,
  options?: { scale?: number; top?: number },
): { word: string; z: number; unhappy: number; happy: number }[];
export function csvCell(value: unknown): string;

/** Token bucket per client key: `take` returns 0 to pass, else whole seconds to wait. */
export function createRateLimiter(options?: { rate?: number; burst?: number; idleMs?: number }): {
  take(key: string, now?: number, cost?: number): number;
};

/** Deletes rows older than `days` now and every `everyMs` (a day); `first` is the first run. */
export function startRetention(options: { store: Store; days: number; log?: CollectorLog; everyMs?: number; now?: () => number }): {
  first: Promise<{ answers: number; events: number } | undefined>;
  runOnce(): Promise<{ answers: number; events: number } | undefined>;
  stop(): void;
};
