// SPDX-License-Identifier: MIT
// CloudEvents input, structured mode: `application/cloudevents-batch+json` (an array, one
// CloudEvent per answer or lifecycle event) or `application/cloudevents+json` (one). Each event is
// checked against the CloudEvents 1.0 JSON schema (copied from cloudevents/spec), then its `data`
// is read as an Answer, or as a lifecycle event when it has a `kind` (or its type ends in
// `.triggered`, `.skipped`, `.shown` or `.dismissed`).
import { readFileSync } from 'node:fs';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { MAX_ITEMS, parseBatch } from './schema.mjs';

const schema = JSON.parse(readFileSync(new URL('./cloudevents-1.0.schema.json', import.meta.url), 'utf8'));
const ajv = new Ajv({ allErrors: false, strict: false });
addFormats(ajv);
const validateEvent = ajv.compile(schema);
const LIFECYCLE_TYPE = /(?:^|\.)(triggered|skipped|shown|dismissed)$/;

/**
 * Turns a parsed CloudEvents body into the same `{ok, answers, events, refused}` result as
 * `parseBatch`; a refused item names the CloudEvent's index (`list: "cloudevents"`). `batch` says
 * whether the body must be an array (batch mode) or one event. Never throws.
 */
export function parseCloudEvents(body, { batch, ...options }) {
  if (batch && !Array.isArray(body))
    return { ok: false, message: 'expected a JSON array of CloudEvents (application/cloudevents-batch+json)' };
  const list = batch ? body : [body];
  if (list.length > MAX_ITEMS) return { ok: false, message: `expected at most ${MAX_ITEMS} CloudEvents; got ${list.length}` };
  const answers = [];
  const events = [];
  const origin = { answers: [], events: [] }; // index in the body of each answer / event
  const refused = [];
  for (const [index, event] of list.entries()) {
    const reason = envelopeProblem(event);
    if (reason) {
      refused.push({ list: 'cloudevents', index, reason });
      continue;
    }
    const data = typeof event.data === 'string' ? tryJson(event.data) : event.data;
    // A lifecycle event says its kind in `data.kind` or in the CloudEvent type (`….shown`).
    const kind = typeof data.kind === 'string' ? data.kind : LIFECYCLE_TYPE.exec(event.type)?.[1];
    if (kind) {
      events.push({ ...data, kind, at: data.at ?? event.time });
      origin.events.push(index);
    } else {
      answers.push(data);
      origin.answers.push(index);
    }
  }
  const parsed = parseBatch({ answers, events }, options);
  if (!parsed.ok) return refused.length ? { ok: true, answers: [], events: [], refused } : parsed;
  for (const item of parsed.refused)
    refused.push({ list: 'cloudevents', index: origin[item.list][item.index], reason: `data.${item.reason}` });
  refused.sort((a, b) => a.index - b.index);
  return { ...parsed, refused };
}

/** Why `event` is not a usable CloudEvent 1.0 with object data, or undefined. */
function envelopeProblem(event) {
  if (!validateEvent(event)) {
    const [error] = validateEvent.errors ?? [];
    return `${error?.instancePath.replaceAll('/', '.').slice(1) || '(event)'}: not a CloudEvent (${error?.message ?? 'invalid'})`;
  }
  if (event.specversion !== '1.0') return `specversion: expected "1.0"; got ${JSON.stringify(event.specversion)}`;
  const data = typeof event.data === 'string' ? tryJson(event.data) : event.data;
  if (!data || typeof data !== 'object' || Array.isArray(data)) return 'data: expected an Answer or a lifecycle event object';
  return undefined;
}

function tryJson(text) {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
