// SPDX-License-Identifier: MIT
// Builders for the collector tests: answers, lifecycle events, CloudEvents and a POST helper.
let serial = 0;
/** An hour ago: inside the collector's window of accepted times, whatever today is. */
export const HOUR_AGO = new Date(Date.now() - 3_600_000).toISOString();

/** A valid Answer as the SDK sends it; `overrides` replace fields. */
export function makeAnswer(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  serial++;
  return {
    id: `answer-${process.pid}-${serial}`,
    surveyId: 'purchase-nps',
    moment: 'purchase',
    question: { type: 'nps', text: 'How likely are you to recommend us?' },
    value: 9,
    context: { orderId: `A-${serial}` },
    visitorId: 'visitor-1',
    url: 'http://127.0.0.1:5178/shop/order.html',
    locale: 'en-GB',
    answeredAt: HOUR_AGO,
    sdk: { name: 'moments', version: '0.1.0' },
    ...overrides,
  };
}

/** A `shown` lifecycle event for the survey of `answer`. */
export function makeShown(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  serial++;
  return {
    id: `event-${process.pid}-${serial}`,
    kind: 'shown',
    surveyId: 'purchase-nps',
    moment: 'purchase',
    context: { orderId: `A-${serial}` },
    at: HOUR_AGO,
    ...overrides,
  };
}

/** Wraps `data` in a structured-mode CloudEvent. */
export function makeCloudEvent(data: Record<string, unknown>, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    specversion: '1.0',
    id: `ce-${String(data['id'])}`,
    type: 'dev.moments.answer',
    source: '/shop',
    time: HOUR_AGO,
    datacontenttype: 'application/json',
    data,
    ...overrides,
  };
}

export interface Reply {
  status: number;
  headers: Headers;
  body: {
    error?: string;
    message?: string;
    stored?: { answers: number; events: number };
    duplicates?: { answers: number; events: number };
    refused?: { list: string; index: number; reason: string }[];
  };
}

/** POSTs `body` (a string is sent as is) and reads the JSON reply. */
export async function post(url: string, body: unknown, headers: Record<string, string> = {}): Promise<Reply> {
  const response = await fetch(`${url}/collect`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: text ? JSON.parse(text) : {} };
}
