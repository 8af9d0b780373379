// SPDX-License-Identifier: MIT
// A `transform` may name where its batch goes (`{ body, headers?, url? }`), as docs/config.md and
// the Segment / PostHog recipes promise; without `url` the batch goes to `endpoint`.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createDelivery } from '../../src/deliver/createDelivery.js';
import { LEASE_SETTLE_MS } from '../../src/deliver/lock.js';
import { createEagerDelivery } from '../../src/eager/delivery.js';
import { createEmitter } from '../../src/eager/emitter.js';
import { createMemoryStorage } from '../../src/eager/storage/memoryStorage.js';
import type { Answer } from '../../src/types.js';
import { answer, chainOf, fakeWindow, scriptedTransport } from './fakes.js';

beforeEach(() => void vi.useFakeTimers({ now: Date.parse('2026-11-25T12:00:00Z') }));
afterEach(() => void vi.useRealTimers());

async function deliverOne(transform: (answers: Answer[]) => { body: string; url?: string }) {
  const { win } = fakeWindow();
  const { transport, sent } = scriptedTransport();
  const emitter = createEmitter();
  const delivered: Array<{ ids: string[] }> = [];
  emitter.on('delivered', (e) => delivered.push(e));
  const delivery = createEagerDelivery({
    config: { endpoint: 'https://collect.test/answers', transform },
    chain: chainOf([createMemoryStorage()]),
    load: async () => createDelivery,
    window: win,
    transport,
    emit: emitter.emit,
    on: emitter.on,
    report: vi.fn(),
  });
  await delivery.put({ answer: answer('a1'), queuedAt: Date.now() });
  await vi.advanceTimersByTimeAsync(LEASE_SETTLE_MS * 2);
  return { sent, delivered };
}

describe('transform', () => {
  it('sends the batch to the url the transform returns', async () => {
    const { sent, delivered } = await deliverOne((answers) => ({ body: String(answers.length), url: 'https://eu.service.test/batch' }));
    expect(sent.map((s) => [s.url, s.body])).toEqual([['https://eu.service.test/batch', '1']]);
    expect(delivered[0]!.ids).toEqual(['a1']);
  });

  it('sends the batch to endpoint when the transform returns no url', async () => {
    const { sent } = await deliverOne(() => ({ body: 'x' }));
    expect(sent.map((s) => s.url)).toEqual(['https://collect.test/answers']);
  });
});
