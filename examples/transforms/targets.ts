// SPDX-License-Identifier: MIT
// Local stand-ins for Segment, PostHog and Slack on 127.0.0.1. Each checks the request shape
// its service documents (method, path, headers, required fields) and rejects anything else
// with the status that service uses, so a transform that drifts from the contract fails.
//   Segment  HTTP Tracking API, POST /v1/batch: Basic auth (write key as user name), JSON
//            `{batch: [{type: 'track', event, messageId, anonymousId | userId, timestamp, properties}]}`.
//   PostHog  capture API, POST /batch/: JSON `{api_key, batch: [{event, properties: {distinct_id},
//            timestamp?, uuid?}]}`.
//   Slack    incoming webhook, POST /services/T…/B…/…: JSON `{text, blocks?}`, ≤ 50 blocks.
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach } from 'vitest';
import { createDelivery, createMemoryStorage, createRuntime, httpTransport, type Answer, type Transport } from '@moments/core/internal';
import { makeAnswer } from '../endpoints/fixtures.js';

interface Request {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
}
interface Reply {
  status: number;
  body: string;
}
export interface Target<T> {
  /** Base URL, e.g. `http://127.0.0.1:40123`. */
  url: string;
  /** What the service accepted and kept (after its own dedupe, where it has one). */
  stored: T[];
  /** Requests received, accepted or not. */
  requests: number;
  close(): Promise<void>;
}

async function startTarget<T>(handle: (request: Request, target: Target<T>) => Reply): Promise<Target<T>> {
  const target: Target<T> = { url: '', stored: [], requests: 0, close: async () => {} };
  const server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    target.requests++;
    const reply = handle(
      { method: req.method ?? '', path: req.url ?? '', headers: req.headers, body: Buffer.concat(chunks).toString('utf8') },
      target,
    );
    res.writeHead(reply.status, { 'content-type': reply.body.startsWith('{') ? 'application/json' : 'text/plain' }).end(reply.body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  target.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  target.close = () => new Promise((resolve) => server.close(() => resolve()));
  return target;
}

const ISO_8601 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const isObject = (value: unknown): value is Record<string, any> => typeof value === 'object' && value !== null && !Array.isArray(value);
const isJson = (headers: IncomingHttpHeaders) => /^application\/json\b/.test(headers['content-type'] ?? '');
const parse = (body: string): unknown => {
  try {
    return JSON.parse(body);
  } catch {
    return undefined;
  }
};

/** Segment's HTTP Tracking API. Dedupes on `messageId`, as Segment does. */
export function startSegment(writeKey: string) {
  return startTarget<Record<string, any>>(({ method, path, headers, body }, target) => {
    if (method !== 'POST' || path !== '/v1/batch') return { status: 404, body: 'not found' };
    if (headers.authorization !== `Basic ${Buffer.from(`${writeKey}:`).toString('base64')}`)
      return { status: 401, body: '{"error":"unauthorized"}' };
    const json = parse(body);
    if (!isJson(headers) || !isObject(json) || !Array.isArray(json['batch']) || json['batch'].length === 0)
      return { status: 400, body: '{"error":"invalid batch"}' };
    const bad = json['batch'].find(
      (m: unknown) =>
        !isObject(m) ||
        m['type'] !== 'track' ||
        typeof m['event'] !== 'string' ||
        typeof m['messageId'] !== 'string' ||
        !(typeof m['anonymousId'] === 'string' || typeof m['userId'] === 'string') ||
        !ISO_8601.test(m['timestamp']) ||
        !isObject(m['properties']) ||
        body.length > 500 * 1024,
    );
    if (bad !== undefined) return { status: 400, body: '{"error":"invalid message"}' };
    for (const message of json['batch']) if (!target.stored.some((m) => m['messageId'] === message.messageId)) target.stored.push(message);
    return { status: 200, body: '{"success":true}' };
  });
}

/** PostHog's capture API. Recognises a repeated event by its `uuid`. */
export function startPostHog(apiKey: string) {
  return startTarget<Record<string, any>>(({ method, path, headers, body }, target) => {
    if (method !== 'POST' || path !== '/batch/') return { status: 404, body: 'not found' };
    const json = parse(body);
    if (!isJson(headers) || !isObject(json) || !Array.isArray(json['batch']))
      return { status: 400, body: '{"type":"validation_error","code":"invalid_payload"}' };
    if (json['api_key'] !== apiKey) return { status: 401, body: '{"type":"authentication_error","code":"invalid_api_key"}' };
    const bad = json['batch'].find(
      (e: unknown) =>
        !isObject(e) ||
        typeof e['event'] !== 'string' ||
        !isObject(e['properties']) ||
        typeof (e['properties']['distinct_id'] ?? e['distinct_id']) !== 'string' ||
        (e['timestamp'] !== undefined && !ISO_8601.test(e['timestamp'])) ||
        (e['uuid'] !== undefined && !UUID.test(e['uuid'])),
    );
    if (bad !== undefined) return { status: 400, body: '{"type":"validation_error","code":"invalid_event"}' };
    for (const event of json['batch']) if (!event.uuid || !target.stored.some((e) => e['uuid'] === event.uuid)) target.stored.push(event);
    return { status: 200, body: '{"status":1}' };
  });
}

const BLOCK_TYPES = new Set(['section', 'header', 'context', 'divider', 'actions', 'image', 'rich_text']);

/** A Slack incoming webhook at `path`. Slack keeps every message: it has no dedupe. */
export function startSlack(path = '/services/T0000/B0000/XXXXXXXXXXXXXXXXXXXXXXXX') {
  return startTarget<Record<string, any>>(({ method, path: requested, headers, body }, target) => {
    if (method !== 'POST' || requested !== path) return { status: 404, body: 'no_service' };
    const json = parse(body);
    if (!isJson(headers) || !isObject(json)) return { status: 400, body: 'invalid_payload' };
    if (typeof json['text'] !== 'string' || json['text'] === '') return { status: 400, body: 'no_text' };
    const blocks: unknown[] = json['blocks'] ?? [];
    const badBlock = (b: unknown) =>
      !isObject(b) ||
      !BLOCK_TYPES.has(b['type']) ||
      (b['type'] === 'section' &&
        !(isObject(b['text']) && ['mrkdwn', 'plain_text'].includes(b['text']['type']) && b['text']['text'].length <= 3000)) ||
      (b['type'] === 'header' && !(isObject(b['text']) && b['text']['type'] === 'plain_text' && b['text']['text'].length <= 150));
    if (!Array.isArray(blocks) || blocks.length > 50 || blocks.some(badBlock)) return { status: 400, body: 'invalid_blocks' };
    target.stored.push(json);
    return { status: 200, body: 'ok' };
  });
}

/**
 * Delivers `answers` through the SDK's own delivery (queue, courier, browser transport over
 * `fetch`), with the recipe as the config's `transform`: its `url`, headers and body reach the
 * stand-in exactly as they would leave a page. Resolves with the status of the first request
 * once the courier settles (a refused batch is split or retried by the SDK's status policy).
 */
export async function deliver(
  transform: (answers: Answer[]) => { url?: string; headers?: Record<string, string>; body: string },
  answers: Answer[],
  { batchSize }: { batchSize?: number } = {},
): Promise<number> {
  const statuses: number[] = [];
  const transport: Transport = async (url, body, options) => {
    const result = await httpTransport(url, body, options);
    statuses.push(result.status);
    return result;
  };
  const config = { endpoint: 'https://transform.example/unused', transform, ...(batchSize ? { delivery: { batchSize } } : {}) };
  // The SDK's own path: the answers wait in the queue as a page leaves them, then the delivery
  // engine sends them in one flush (no window: no page events).
  const storage = createMemoryStorage();
  for (const answer of answers) await storage.put({ answer, queuedAt: Date.now() });
  const runtime = createRuntime(config, {
    platform: { storages: [storage], stateStorages: [], transport, window: undefined },
    loadDelivery: async () => createDelivery,
  });
  await runtime.flush();
  runtime.destroy();
  return statuses[0] ?? 0;
}

/** The batch every recipe test sends: two scores and a choice. */
export const sampleAnswers = [
  makeAnswer(1),
  makeAnswer(2),
  makeAnswer(3, { value: 'Too slow', question: { type: 'choice', text: 'What held you up?' } }),
];

/** Closes each test's target after it: `const use = closeAfterEach(); const target = use(await startSlack());`. */
export function closeAfterEach(): <T extends { close(): Promise<void> }>(target: T) => T {
  let current: { close(): Promise<void> } | undefined;
  afterEach(async () => {
    await current?.close();
    current = undefined;
  });
  return (target) => (current = target);
}
