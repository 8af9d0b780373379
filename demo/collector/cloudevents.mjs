// SPDX-License-Identifier: MIT
// CloudEvents input, structured mode: `application/cloudevents-batch+json` (an array, one
// CloudEvent per answer or lifecycle event) or `application/cloudevents+json` (one). Each event is
// checked against the CloudEvents 1.0 JSON schema (copied from cloudevents/spec), then its `data`
// is read as an Answer, or as a lifecycle event when it has a `kind` (or its type ends in
// `.shown` / `.dismissed`).
import { readFileSync } from 'node:fs';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { MAX_ITEMS, parseBatch } from './schema.mjs';

const schema = JSON.parse(readFileSync(new URL('./cloudevents-1.0.schema.json', import.meta.url), 'utf8'));
const ajv = new Ajv({ allErrors: false, strict: false });
addFormats(ajv);
const validateEvent = ajv.compile(schema);
const LIFECYCLE_TYPE = /(?:^|\.)(shown|dismissed)$/;

/**
 * Turns a parsed CloudEvents body into the same `{ok, answers, events}` result as `parseBatch`.
 * `batch` says whether the body must be an array (batch mode) or one event. Never throws.
 */
export function parseCloudEvents(body, { batch }) {
  if (batch && !Array.isArray(body))
    return { ok: false, message: 'expected a JSON array of CloudEvents (application/cloudevents-batch+json)' };
  const list = batch ? body : [body];
  if (list.length > MAX_ITEMS) return { ok: false, message: `expected at most ${MAX_ITEMS} CloudEvents; got ${list.length}` };
  const answers = [];
  const events = [];
  for (const [i, event] of list.entries()) {
    const at = batch ? `[${i}]` : '(event)';
    if (!validateEvent(event)) {
      const [error] = validateEvent.errors ?? [];
      return {
        ok: false,
        message: `${at}${error?.instancePath.replaceAll('/', '.') ?? ''}: not a CloudEvent (${error?.message ?? 'invalid'})`,
      };
    }
    if (event.specversion !== '1.0')
      return { ok: false, message: `${at}.specversion: expected "1.0"; got ${JSON.stringify(event.specversion)}` };
    const data = typeof event.data === 'string' ? tryJson(event.data) : event.data;
    if (!data || typeof data !== 'object') return { ok: false, message: `${at}.data: expected an Answer or a lifecycle event object` };
    // A lifecycle event says its kind in `data.kind` or in the CloudEvent type (`….shown`).
    const kind = typeof data.kind === 'string' ? data.kind : LIFECYCLE_TYPE.exec(event.type)?.[1];
    if (kind) events.push({ ...data, kind, at: data.at ?? event.time });
    else answers.push(data);
  }
  const parsed = parseBatch({ answers, events });
  return parsed.ok ? parsed : { ok: false, message: `CloudEvents data: ${parsed.message}` };
}

function tryJson(text) {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
