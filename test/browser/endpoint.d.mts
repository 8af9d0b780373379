// SPDX-License-Identifier: MIT
import type { IncomingHttpHeaders } from 'node:http';

export interface EndpointOptions {
  cors?: boolean;
  script?: Array<{ status: number; retryAfter?: string }>;
  failRate?: number;
  dropRate?: number;
  delayMs?: number;
}

export interface Endpoint {
  url: string;
  origin: string;
  set(options: EndpointOptions): EndpointOptions;
  /** POSTs whose body arrived and whose answer is being delayed. */
  stats: { inflight: number; inflightTabs: Map<string, number> };
  stored: Map<string, { answer: { id: string; [key: string]: unknown }; at: number }>;
  raw: Map<string, number>;
  requests: Array<{ at: number; method: 'POST' | 'OPTIONS'; headers: IncomingHttpHeaders; body: string; status: number }>;
  start(): Promise<number>;
  stop(): Promise<void>;
}

export function startEndpoint(options?: { random?: () => number }): Promise<Endpoint>;
