// SPDX-License-Identifier: MIT
import type { Server } from 'node:http';
import type { Collector } from '@moments/collector';

export interface CollectedAnswer {
  id: string;
  surveyId: string;
  moment: string;
  value: unknown;
  context: Record<string, unknown>;
  answeredAt: string;
  visitorId: string;
  [key: string]: unknown;
}

export interface DemoServer {
  url: string;
  server: Server;
  collector: Collector;
  close(): Promise<void>;
}

export const STRICT_CSP: string;
export const DEFAULT_DATABASE: string;
export const SPA_DIST: string;
export const REACT_SPA_DIST: string;

export function startDemoServer(options?: {
  port?: number;
  host?: string;
  csp?: string;
  dirs?: Record<string, string>;
  vars?: Record<string, string>;
  log?: (answer: CollectedAnswer) => void;
  collector?: Collector;
}): Promise<DemoServer>;
