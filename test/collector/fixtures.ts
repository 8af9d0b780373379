// SPDX-License-Identifier: MIT
// Builders for the collector tests: answers, lifecycle events, CloudEvents and a POST helper.
let serial = 0;

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
    answeredAt: '2026-11-25T10:00:00.000Z',
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
    at: '2026-11-25T09:59:00.000Z',
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
    time: '2026-11-25T10:00:00Z',
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
