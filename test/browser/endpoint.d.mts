// SPDX-License-Identifier: MIT
import type { IncomingHttpHeaders } from 'node:http';

export interface EndpointOptions {
  cors?: boolean;
  /** false: `OPTIONS` gets 405 without CORS headers. */
  preflight?: boolean;
  script?: Array<{ status: number; retryAfter?: string }>;
  failRate?: number;
  /** Status of a random failure (default 503). */
  failStatus?: number;
  dropRate?: number;
  delayMs?: number;
  /** A batch with more answers gets 413. */
  maxAnswers?: number;
  /** 0 (none) or the status a POST to the endpoint's path is redirected to `/moved` with. */
  redirect?: number;
  /** Read the body, never answer. */
  hang?: boolean;
}

export interface Endpoint {
  url: string;
  origin: string;
  set(options: EndpointOptions): EndpointOptions;
  /** POSTs whose body arrived and whose answer is being delayed. */
  stats: { inflight: number; inflightTabs: Map<string, number> };
  stored: Map<string, { answer: { id: string; [key: string]: unknown }; at: number }>;
  raw: Map<string, number>;
  requests: Array<{
    at: number;
    method: 'POST' | 'OPTIONS' | 'GET';
    headers: IncomingHttpHeaders;
    body: string;
    status: number;
    url?: string;
  }>;
  start(): Promise<number>;
  stop(): Promise<void>;
}

export function startEndpoint(options?: { random?: () => number }): Promise<Endpoint>;
