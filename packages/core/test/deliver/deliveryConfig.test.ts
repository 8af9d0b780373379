// The delivery keys of the config: validated by the schema, honoured by createDelivery.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { parseConfig } from '../../src/decide/config/parseConfig.js';
import { createDelivery } from '../../src/deliver/createDelivery.js';
import { SIMPLE_CONTENT_TYPE } from '../../src/deliver/request.js';
import { createMemoryStorage } from '../../src/eager/storage/memoryStorage.js';
import type { SendResult, Transport } from '../../src/deliver/httpTransport.js';
import type { Answer } from '../../src/types.js';
import { answer, chainOf, eventLog } from './fakes.js';

const nps = { id: 'a', moment: 'purchase', question: { type: 'nps', text: 'Recommend us?' } };
const parse = (delivery: unknown) => parseConfig({ endpoint: '/collect', surveys: [nps], delivery });

describe('delivery config', () => {
  it('accepts simple and timeoutMs', () => {
    expect(parse({ simple: true, timeoutMs: 5000, batchSize: 10 }).issues).toEqual([]);
  });

  it('names a bad value by its path', () => {
    expect(parse({ simple: 'yes' }).issues.map((i) => i.path)).toEqual(['delivery.simple']);
    expect(parse({ timeoutMs: 10 }).issues.map((i) => i.path)).toEqual(['delivery.timeoutMs']);
    expect(parse({ timeoutMs: 500_000 }).issues.map((i) => i.path)).toEqual(['delivery.timeoutMs']);
  });
});

describe('createDelivery with delivery keys', () => {
  beforeEach(() => void vi.useFakeTimers({ now: Date.parse('2026-11-25T12:00:00Z') }));
  afterEach(() => void vi.useRealTimers());

  function setup(delivery: Record<string, unknown>, transport: Transport) {
    const log = eventLog();
    const errors: string[] = [];
    const chain = chainOf([createMemoryStorage()]);
    const engine = createDelivery({
      config: { endpoint: 'https://collect.test/answers', delivery },
      chain,
      unsent: () => [],
      window: undefined,
      transport,
      emit: log.emit,
      report: (code) => void errors.push(code),
    });
    const instance = { ...engine, put: (a: Answer) => chain.put({ answer: a, queuedAt: Date.now() }) };
    return { ...log, delivery: instance, errors };
  }

  it('sends simple requests when delivery.simple is true', async () => {
    const transport = vi.fn<Transport>(async () => ({ status: 200 }));
    const { delivery } = setup({ simple: true }, transport);
    await delivery.put(answer('a1'));
    await delivery.flush();
    expect(transport.mock.calls[0]![2]?.headers).toEqual({ 'content-type': SIMPLE_CONTENT_TYPE });
    delivery.stop();
  });

  it('abandons a request after delivery.timeoutMs and reports it', async () => {
    const transport = vi.fn<Transport>(() => new Promise<SendResult>(() => {}));
    const { delivery, errors } = setup({ timeoutMs: 3000 }, transport);
    await delivery.put(answer('a1'));
    const flushed = delivery.flush();
    await vi.advanceTimersByTimeAsync(3000);
    await flushed;
    expect(errors).toContain('endpoint-timeout');
    delivery.stop();
  });
});
