// SPDX-License-Identifier: MIT
/**
 * What every Moments endpoint does, with no framework: check a batch, store each answer once
 * (deduped on its `id`), and say what to do with CORS. The Node, Express and fetch examples are
 * thin adapters around these functions; copy this file next to the one you use.
 *
 * Runs unchanged in Node ≥ 18, Deno, Bun, Cloudflare Workers and edge functions: it uses no
 * Node API.
 */

/** Largest body accepted, in bytes (the SDK sends ≤ 60 KiB per request; 1 MiB leaves room). */
export const MAX_BODY_BYTES = 1_048_576;

/** Request headers a browser may send: `content-type` and the SDK's `Idempotency-Key`. */
export const ALLOW_HEADERS = 'content-type, idempotency-key';

/** Seconds the SDK is told to wait when the store is down (sent as `Retry-After`). */
export const RETRY_AFTER_SECONDS = 30;

/**
 * CORS headers for a request from `origin`: empty when the origin is not allowed (the browser
 * then refuses to send the batch, and the SDK keeps it queued). `allowedOrigins` lists exact
 * origins such as `https://shop.example`; `'*'` allows any.
 * @param {string | null | undefined} origin
 * @param {readonly string[]} allowedOrigins
 * @returns {Record<string, string>}
 */
export function corsHeaders(origin, allowedOrigins) {
  if (!origin || !(allowedOrigins.includes(origin) || allowedOrigins.includes('*'))) return {};
  return {
    'access-control-allow-origin': origin,
    'access-control-allow-methods': 'POST, OPTIONS',
    'access-control-allow-headers': ALLOW_HEADERS,
    // Without this a cross-origin `Retry-After` reads as null and the SDK uses its own backoff.
    'access-control-expose-headers': 'Retry-After',
    'access-control-max-age': '600',
    vary: 'Origin',
  };
}

/**
 * @typedef {{ id: string, surveyId: string, moment: string, question: { type: string, text: string },
 *   value: number | string | boolean, answeredAt: string, [key: string]: unknown }} Answer
 * @typedef {{ id: string, kind: string, surveyId: string, moment: string, at: string, [key: string]: unknown }} LifecycleEvent
 * @typedef {{ ok: true, answers: Answer[], events: LifecycleEvent[] }
 *   | { ok: false, code: string, message: string }} ParseResult
 */

const ANSWER_FIELDS = /** @type {const} */ (['id', 'surveyId', 'moment', 'answeredAt']);
const EVENT_FIELDS = /** @type {const} */ (['id', 'kind', 'surveyId', 'moment', 'at']);

/**
 * Parses and checks a batch: `{"answers": [Answer…], "events"?: [Event…]}`. Unknown keys are
 * kept (newer SDKs may add some). On failure, `message` names the first problem with its path,
 * e.g. `answers[2].id: expected a non-empty string`.
 * @param {string} text the request body
 * @returns {ParseResult}
 */
export function parseBatch(text) {
  /** @type {unknown} */
  let body;
  try {
    body = JSON.parse(text);
  } catch (error) {
    return { ok: false, code: 'invalid-json', message: `body is not JSON: ${/** @type {Error} */ (error).message}` };
  }
  if (!isObject(body) || !Array.isArray(body.answers)) {
    return { ok: false, code: 'invalid-batch', message: 'expected {"answers": [...]}' };
  }
  if (body.events !== undefined && !Array.isArray(body.events)) {
    return { ok: false, code: 'invalid-batch', message: 'events: expected an array' };
  }
  const events = body.events ?? [];
  const problem =
    findProblem(body.answers, 'answers', ANSWER_FIELDS, checkAnswer) ?? findProblem(events, 'events', EVENT_FIELDS, () => undefined);
  if (problem) return { ok: false, code: 'invalid-batch', message: problem };
  return { ok: true, answers: /** @type {Answer[]} */ (body.answers), events: /** @type {LifecycleEvent[]} */ (events) };
}

/**
 * @param {unknown[]} items
 * @param {string} name
 * @param {readonly string[]} fields required non-empty strings
 * @param {(item: Record<string, unknown>) => string | undefined} extra
 */
function findProblem(items, name, fields, extra) {
  for (const [i, item] of items.entries()) {
    if (!isObject(item)) return `${name}[${i}]: expected an object`;
    const missing = fields.find((field) => typeof item[field] !== 'string' || item[field] === '');
    if (missing) return `${name}[${i}].${missing}: expected a non-empty string`;
    const problem = extra(item);
    if (problem) return `${name}[${i}].${problem}`;
  }
  return undefined;
}

/** @param {Record<string, unknown>} answer */
function checkAnswer(answer) {
  const q = answer.question;
  if (!isObject(q) || typeof q.type !== 'string' || typeof q.text !== 'string') return 'question: expected {type, text}';
  if (!['number', 'string', 'boolean'].includes(typeof answer.value)) return 'value: expected a number, string or boolean';
  return undefined;
}

/** @param {unknown} value @returns {value is Record<string, any>} */
function isObject(value) {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Where answers go. `add` stores a record unless one with the same `id` and kind exists, and
 * resolves `true` when it stored it. In a database that is one statement, e.g.
 * `INSERT … ON CONFLICT (id) DO NOTHING` and a check of the row count.
 * @typedef {{ add(kind: 'answer' | 'event', record: { id: string }): Promise<boolean> }} AnswerStore
 */

/**
 * An in-memory store for trying things out: lost on restart. `all(kind)` lists what is stored.
 * @returns {AnswerStore & { all(kind: 'answer' | 'event'): Array<{ id: string }> }}
 */
export function createMemoryStore() {
  /** @type {Record<'answer' | 'event', Map<string, { id: string }>>} */
  const maps = { answer: new Map(), event: new Map() };
  return {
    async add(kind, record) {
      if (maps[kind].has(record.id)) return false;
      maps[kind].set(record.id, record);
      return true;
    },
    all: (kind) => [...maps[kind].values()],
  };
}

/**
 * @typedef {{ status: number, headers: Record<string, string>, body: string }} Reply
 */

/**
 * Handles one POSTed body end to end: 200 `{"stored": n, "duplicates": m}` when the batch is
 * stored (duplicates are fine: the SDK delivers at least once), 400 naming the problem when it
 * is malformed (the SDK drops a batch on a 4xx, so only send 400 for input no retry can fix), 503
 * with `Retry-After` when the store fails (the SDK retries). Never throws.
 * @param {string} text
 * @param {AnswerStore} store
 * @returns {Promise<Reply>}
 */
export async function receiveBatch(text, store) {
  const parsed = parseBatch(text);
  if (!parsed.ok) return jsonReply(400, { error: { code: parsed.code, message: parsed.message } });
  let stored = 0;
  let duplicates = 0;
  try {
    for (const answer of parsed.answers) (await store.add('answer', answer)) ? stored++ : duplicates++;
    for (const event of parsed.events) await store.add('event', event);
  } catch (error) {
    // Answers already stored stay stored: the retry dedupes them.
    const reply = jsonReply(503, { error: { code: 'store-unavailable', message: String(error) } });
    reply.headers['retry-after'] = String(RETRY_AFTER_SECONDS);
    return reply;
  }
  return jsonReply(200, { stored, duplicates });
}

/**
 * A reply for a body too large to read (413) or a method other than POST/OPTIONS (405).
 * @param {413 | 405} status
 * @returns {Reply}
 */
export function refuse(status) {
  if (status === 413) return jsonReply(413, { error: { code: 'too-large', message: `body exceeds ${MAX_BODY_BYTES} bytes` } });
  const reply = jsonReply(405, { error: { code: 'method-not-allowed', message: 'use POST' } });
  reply.headers['allow'] = 'POST, OPTIONS';
  return reply;
}

/** @param {number} status @param {unknown} body @returns {Reply} */
function jsonReply(status, body) {
  return { status, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) };
}
