// SPDX-License-Identifier: MIT
// POST /collect: parse by content type, validate item by item, store the valid ones once per id,
// and answer with what was new and which items were refused (index and reason).
import { parseCloudEvents } from './cloudevents.mjs';
import { BodyTooLargeError, readBody, sendError, sendJson } from './http.mjs';
import { describeRefused, parseBatch } from './schema.mjs';

/** Content types the endpoint reads, and how. `text/plain` is what a CORS-simple request sends. */
const FORMATS = {
  'application/json': (body, options) => parseBatch(body, options),
  'text/plain': (body, options) => parseBatch(body, options),
  'application/cloudevents-batch+json': (body, options) => parseCloudEvents(body, { ...options, batch: true }),
  'application/cloudevents+json': (body, options) => parseCloudEvents(body, { ...options, batch: false }),
};

/** Database errors that no retry can fix: answered 400 `unstorable`, never a 503 retried forever. */
export function isUnstorable(error) {
  if (error?.unstorable) return true;
  const code = String(error?.code ?? '');
  return /^(22|23|54)/.test(code) || /^SQLITE_(TOOBIG|MISMATCH|CONSTRAINT)/.test(code);
}

/** The kind of device a User-Agent names, for the breakdowns: `mobile`, `tablet` or `desktop`. */
export function deviceOf(userAgent = '') {
  if (!userAgent) return undefined;
  if (/iPad|Tablet|Android(?!.*Mobile)/i.test(userAgent)) return 'tablet';
  if (/Mobi|iPhone|Android/i.test(userAgent)) return 'mobile';
  return 'desktop';
}

/**
 * Handles one POST to the collect endpoint. Replies 200 `{stored, duplicates, refused}` when at
 * least one item is valid (refused: `[{list, index, reason}]`); 400 when nothing in it can ever be
 * stored (the message names the first problems), 413 over `maxBodyBytes`, 415 for a content type
 * it cannot read, 429 past the client's write quota, 503 (retryable) when the database fails.
 */
export async function ingest(req, res, { store, maxBodyBytes, headers, log, registry, quota, client, alert, onAlerts, maxAgeDays }) {
  const type = (req.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
  const parse = FORMATS[type];
  if (!parse) {
    req.resume();
    return sendError(
      res,
      415,
      'unsupported-format',
      `content-type ${JSON.stringify(type || 'none')} is not accepted; send one of ${Object.keys(FORMATS).join(', ')}`,
      headers,
    );
  }
  let text;
  try {
    text = await readBody(req, maxBodyBytes);
  } catch (error) {
    if (error instanceof BodyTooLargeError)
      return sendError(res, 413, 'body-too-large', `request body is over the ${maxBodyBytes}-byte limit; send smaller batches`, {
        ...headers,
        connection: 'close',
      });
    return sendError(res, 400, 'bad-request', `could not read the body: ${error.message}`, headers);
  }
  const wait = quota?.take(client, Date.now(), Buffer.byteLength(text)) ?? 0;
  if (wait > 0)
    return sendError(res, 429, 'quota-exceeded', `this client's write quota is used up; retry in ${wait} s`, {
      ...headers,
      'retry-after': String(wait),
    });
  let body;
  try {
    body = JSON.parse(text);
  } catch (error) {
    return sendError(res, 400, 'malformed-json', `body is not valid JSON: ${error.message}`, headers);
  }
  const batch = parse(body, { registry, maxAgeDays });
  if (!batch.ok) return sendError(res, 400, 'invalid-batch', batch.message, headers);
  if (batch.answers.length + batch.events.length === 0) {
    const message = batch.refused.slice(0, 3).map(describeRefused).join('; ');
    return sendJson(res, 400, { error: 'invalid-batch', message, refused: batch.refused }, headers);
  }
  const device = deviceOf(req.headers['user-agent']);
  const answers = batch.answers.map((a) => ({ ...a, device, known: registry.knows(a.moment) }));
  let stored;
  try {
    stored = await store.insert({ answers, events: batch.events, alert });
  } catch (error) {
    if (isUnstorable(error)) return sendError(res, 400, 'unstorable', `the database cannot store this batch: ${error.message}`, headers);
    log?.error?.(`collector: store failed: ${error.message}`);
    return sendError(res, 503, 'store-unavailable', 'the database could not store the batch; retry later', {
      ...headers,
      'retry-after': '5',
    });
  }
  if (stored.alerts) onAlerts?.();
  if (stored.answers > 0) log?.stored?.(batch.answers, stored);
  sendJson(
    res,
    200,
    {
      stored: { answers: stored.answers, events: stored.events },
      duplicates: { answers: batch.answers.length - stored.answers, events: batch.events.length - stored.events },
      refused: batch.refused,
    },
    headers,
  );
}
