// SPDX-License-Identifier: MIT
// Types of the demo collector's entry (the collector itself is plain ESM, run by Node directly).
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
  sample: boolean;
  [key: string]: unknown;
}

export interface LifecycleEvent {
  id: string;
  kind: string;
  surveyId: string;
  moment: string;
  context?: Record<string, unknown>;
  at: string;
}

export interface StoreCounts {
  answers: number;
  events: number;
  sample: number;
}

/** SQLite or PostgreSQL, same behaviour. */
export interface Store {
  kind: 'sqlite' | 'postgres';
  insert(batch: { answers?: unknown[]; events?: unknown[]; sample?: boolean }): Promise<{ answers: number; events: number }>;
  answers(options?: { includeSample?: boolean; limit?: number }): Promise<StoredAnswer[]>;
  counts(): Promise<StoreCounts>;
  close(): Promise<void>;
}

export interface CollectorOptions {
  store: Store;
  origins?: string[];
  maxBodyBytes?: number;
  rate?: number;
  burst?: number;
  path?: string;
  log?: { stored?: (answers: StoredAnswer[], stored: { answers: number; events: number }) => void; error?: (message: string) => void };
}

export interface Collector {
  store: Store;
  handle(req: IncomingMessage, res: ServerResponse): Promise<boolean>;
  answers(options?: { includeSample?: boolean; limit?: number }): Promise<StoredAnswer[]>;
}

export interface RunningCollector {
  url: string;
  collector: Collector;
  store: Store;
  server: Server;
  seeded: number;
  close(): Promise<void>;
}

export const DEFAULT_DATABASE: string;
export const RESULTS_CSP: string;
export function createCollector(options: CollectorOptions): Collector;
export function openStore(database: string): Promise<Store>;
export function startCollector(
  options?: Omit<CollectorOptions, 'store'> & { port?: number; host?: string; database?: string; seed?: boolean },
): Promise<RunningCollector>;
export function sampleData(options?: { days?: number; now?: number; seed?: number }): { answers: StoredAnswer[]; events: LifecycleEvent[] };
export function seedIfEmpty(store: Store, options?: { days?: number; now?: number; seed?: number }): Promise<number>;

/** A point estimate with its 95 % interval (`n` = answers it rests on). */
export interface Estimate {
  value: number;
  low: number;
  high: number;
  n?: number;
}
/** Histograms map a score to how many answers gave it. */
export type Histogram = Map<number, number>;
export function wilson(k: number, n: number, z?: number): Estimate | undefined;
export function nps(histogram: Histogram): Estimate | undefined;
export function csat(histogram: Histogram): Estimate | undefined;
export function ces(histogram: Histogram): Estimate | undefined;

/** Token bucket per client key: `take` returns 0 to pass, else whole seconds to wait. */
export function createRateLimiter(options?: { rate?: number; burst?: number }): { take(key: string, now?: number): number };
