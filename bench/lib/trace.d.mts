// SPDX-License-Identifier: MIT
import type { CDPSession } from 'playwright-core';

/** One Chromium trace event (the fields the bench reads). */
export interface TraceEvent {
  name: string;
  cat: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  args?: { data?: { url?: string }; fileName?: string };
}

export interface MainThreadFigures {
  busy: number;
  longestTask: number;
  evaluation: number;
}

export function traceDuring<T>(cdp: CDPSession, action: () => Promise<T>): Promise<{ value: T; events: TraceEvent[] }>;
export function mainThreadFigures(events: TraceEvent[], startMark: string, urlParts: string[]): MainThreadFigures;

export interface ScriptEvaluation {
  ms: number;
  event: TraceEvent;
  task: TraceEvent | undefined;
}
export interface LaterWork {
  count: number;
  totalMs: number;
  longestMs: number;
  names: string[];
}
export function scriptEvaluation(events: TraceEvent[], urlPart: string): ScriptEvaluation | undefined;
export function laterWork(events: TraceEvent[], anchor: TraceEvent, urlPart: string, afterTs: number): LaterWork;
export function longestTaskAfter(events: TraceEvent[], startMark: string): number;
