// Shared fakes for delivery tests: answers, a scripted transport, an event log.
import { vi } from 'vitest';
import { createEmitter } from '../../src/eager/emitter.js';
import { createQueueChain, type QueueChain } from '../../src/eager/storage/queueStorages.js';
import type { QueueStorage } from '../../src/shared/records.js';
import type { SendOptions, SendResult, Transport } from '../../src/deliver/httpTransport.js';
import type { Answer, MomentsEventMap } from '../../src/types.js';

export const answer = (id: string, extra: Partial<Answer> = {}): Answer => ({
  id,
  surveyId: 's',
  moment: 'purchase',
  question: { type: 'nps', text: 'q' },
  value: 9,
  context: {},
  visitorId: 'v',
  url: 'https://shop.test/thanks',
  locale: 'en',
  answeredAt: '2026-11-25T00:00:00.000Z',
  sdk: { name: 'moments', version: '0' },
  priority: 'encounter',
  ...extra,
});

export interface Sent {
  url: string;
  body: string;
  options: SendOptions | undefined;
}

/** A transport that answers from a script (then 200), recording every request. */
export function scriptedTransport(results: Array<SendResult | Error> = []) {
  const sent: Sent[] = [];
  const transport = vi.fn<Transport>(async (url, body, options) => {
    sent.push({ url, body, options });
    const next = results.shift() ?? { status: 200 };
    if (next instanceof Error) throw next;
    return next;
  });
  const ids = (i: number): string[] => (JSON.parse(sent[i]!.body) as { answers: Answer[] }).answers.map((a) => a.id);
  return { transport, sent, ids };
}

/** An emitter plus a log of the delivery events it emitted. */
export function eventLog() {
  const emitter = createEmitter();
  const delivered: Array<MomentsEventMap['delivered']> = [];
  const dropped: Array<MomentsEventMap['dropped']> = [];
  const errors: Array<MomentsEventMap['error']> = [];
  emitter.on('delivered', (e) => delivered.push(e));
  emitter.on('dropped', (e) => dropped.push(e));
  emitter.on('error', (e) => errors.push(e));
  return { emit: emitter.emit, delivered, dropped, errors };
}

/** A Storage over a Map; `broken` makes every call throw, as blocked storage does. */
export function fakeStorage(): Storage & { broken: boolean; map: Map<string, string> } {
  const map = new Map<string, string>();
  const guard = () => {
    if (store.broken) throw new DOMException('blocked', 'SecurityError');
  };
  const store = {
    broken: false,
    map,
    get length() {
      return map.size;
    },
    key: (i: number) => [...map.keys()][i] ?? null,
    getItem: (k: string) => (guard(), map.get(k) ?? null),
    setItem: (k: string, v: string) => void (guard(), map.set(k, String(v))),
    removeItem: (k: string) => void (guard(), map.delete(k)),
    clear: () => map.clear(),
  };
  return store;
}

/** Just enough of a window for delivery: lifecycle events, a document, storage, no Web Locks. */
export function fakeWindow(local = fakeStorage()) {
  const document = Object.assign(new EventTarget(), { baseURI: 'https://shop.test/checkout', visibilityState: 'visible' });
  const win = Object.assign(new EventTarget(), { document, localStorage: local, navigator: {} });
  return { win: win as unknown as Window, document, local };
}

/** The queue's storages as the eager script chains them (no window: no default storages). */
export function chainOf(storages: QueueStorage[], onFallback: (kind: string, error: unknown) => void = () => undefined): QueueChain {
  return createQueueChain(undefined, onFallback, storages);
}
