// SPDX-License-Identifier: MIT
// Batches exactly as the SDK POSTs them (DESIGN.md: `{"answers": [Answer, …], "events"?: […]}`).
import type { Answer } from '@moments/core';

/** One answer as `@moments/core` builds it; `n` varies the id and the order. */
export function makeAnswer(n: number, overrides: Partial<Answer> = {}): Answer {
  return {
    id: `1f0c6a52-5b1e-4f43-9d55-2c1e5c7b8a${String(n).padStart(2, '0')}`,
    surveyId: 'post-purchase-nps',
    moment: 'purchase',
    question: { type: 'nps', text: 'How likely are you to recommend us to a friend?' },
    value: n % 11,
    ...(n % 2 ? { comment: 'Fast delivery' } : {}),
    context: { orderId: `A-10${String(n).padStart(2, '0')}` },
    visitorId: '0b7e4a2c-6a61-4d1b-8f5e-3d2b9c1a7e55',
    url: 'https://shop.example/checkout/thank-you',
    locale: 'en-GB',
    answeredAt: `2026-11-25T14:${String(10 + n).padStart(2, '0')}:53.186Z`,
    sdk: { name: 'moments', version: '0.1.0' },
    priority: 'critical',
    ...overrides,
  };
}

/** A lifecycle event, as delivered with `"report": ["shown", "dismissed"]`. */
export function makeEvent(n: number, kind = 'shown') {
  return {
    id: `9a7e0c11-2b3c-4d5e-8f60-71829304a5${String(n).padStart(2, '0')}`,
    kind,
    surveyId: 'post-purchase-nps',
    moment: 'purchase',
    context: { orderId: 'A-1001' },
    at: '2026-11-25T14:10:00.000Z',
  };
}

/** The JSON body of a batch of `count` answers (and `events`, when given). */
export function makeBatch(count = 2, events: ReturnType<typeof makeEvent>[] = []): string {
  const answers = Array.from({ length: count }, (_, i) => makeAnswer(i + 1));
  return JSON.stringify(events.length ? { answers, events } : { answers });
}
