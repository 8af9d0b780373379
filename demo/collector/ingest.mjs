// SPDX-License-Identifier: MIT
// POST /collect: parse by content type, validate, store once per id, answer with what was new.
import { parseCloudEvents } from './cloudevents.mjs';
import { BodyTooLargeError, readBody, sendError, sendJson } from './http.mjs';
import { parseBatch } from './schema.mjs';

/** Content types the endpoint reads, and how. `text/plain` is what `navigator.sendBeacon` sends. */
const FORMATS = {
  'application/json': (body) => parseBatch(body),
  'text/plain': (body) => parseBatch(body),
  'application/cloudevents-batch+json': (body) => parseCloudEvents(body, { batch: true }),
  'application/cloudevents+json': (body) => parseCloudEvents(body, { batch: false }),
};

/**
 * Handles one POST to the collect endpoint. Replies 200 `{stored, duplicates}`; 400 for
 * malformed JSON or invalid content (the message names the path at fault), 413 over `maxBodyBytes`,
 * 415 for a content type it cannot read, 503 (retryable) when the database fails.
 */
export async function ingest(req, res, { store, maxBodyBytes, headers, log }) {
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
  let body;
  try {
    body = JSON.parse(text);
  } catch (error) {
    return sendError(res, 400, 'malformed-json', `body is not valid JSON: ${error.message}`, headers);
  }
  const batch = parse(body);
  if (!batch.ok) return sendError(res, 400, 'invalid-batch', batch.message, headers);
  let stored;
  try {
    stored = await store.insert({ answers: batch.answers, events: batch.events });
  } catch (error) {
    log?.error?.(`collector: store failed: ${error.message}`);
    return sendError(res, 503, 'store-unavailable', 'the database could not store the batch; retry later', {
      ...headers,
      'retry-after': '5',
    });
  }
  if (stored.answers > 0) log?.stored?.(batch.answers, stored);
  sendJson(
    res,
    200,
    {
      stored,
      duplicates: { answers: batch.answers.length - stored.answers, events: batch.events.length - stored.events },
    },
    headers,
  );
}
