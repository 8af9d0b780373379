// SPDX-License-Identifier: MIT
import type { MomentsClient, MomentsEventName, Runtime } from '@moments/core/internal';

/** `window.moments` once loaded: the client API, plus `push` so stub-style calls keep working. */
export interface MomentsGlobal extends MomentsClient {
  push(call: unknown): void;
}

type Method = Exclude<keyof MomentsGlobal, 'push'>;
const METHODS: readonly Method[] = ['trigger', 'consent', 'on', 'flush', 'purge', 'destroy'];

/**
 * The object that becomes `window.moments` as soon as the script runs (so a second copy sees it
 * at once and stands down). Until the config is read and the runtime exists, calls are kept in
 * order and replayed; afterwards they go straight through. No method throws.
 */
export function createGlobal(queued: readonly unknown[]): { api: MomentsGlobal; start(runtime: Runtime): void } {
  let runtime: Runtime | undefined;
  const pending: Array<[Method, unknown[]]> = [];

  const call = (method: Method, args: unknown[]): unknown => {
    if (!runtime) {
      if (method === 'on') return subscribeLater(args);
      pending.push([method, args]);
      return method === 'flush' || method === 'purge' ? Promise.resolve() : undefined;
    }
    return (runtime[method] as (...a: unknown[]) => unknown)(...args);
  };

  // `on` before start: the handler is attached at start, and its unsubscribe still works.
  const subscribeLater = (args: unknown[]): (() => void) => {
    let off: (() => void) | undefined;
    let cancelled = false;
    pending.push(['on', [args[0], args[1], (unsubscribe: () => void) => (cancelled ? unsubscribe() : (off = unsubscribe))]]);
    return () => {
      cancelled = true;
      off?.();
    };
  };

  const api = { push: (entry: unknown) => push(entry) } as MomentsGlobal;
  for (const method of METHODS) (api as unknown as Record<string, unknown>)[method] = (...args: unknown[]) => call(method, args);

  const invalid: unknown[] = [];
  const reportInvalid = (entry: unknown, to: Runtime): void =>
    to.report(
      'invalid-call',
      `moments.push: expected [method, ...args] with method one of ${METHODS.join(', ')}; got ${safeJson(entry)}`,
      entry,
    );

  function push(entry: unknown): void {
    if (Array.isArray(entry) && METHODS.includes(entry[0] as Method)) call(entry[0] as Method, entry.slice(1));
    else if (runtime) reportInvalid(entry, runtime);
    else invalid.push(entry);
  }

  for (const entry of queued) push(entry);

  return {
    api,
    start(next) {
      runtime = next;
      for (const entry of invalid.splice(0)) reportInvalid(entry, next);
      for (const [method, args] of pending.splice(0)) {
        if (method === 'on') {
          const [name, handler, attach] = args as [MomentsEventName, never, (off: () => void) => void];
          attach(next.on(name, handler));
        } else (next[method] as (...a: unknown[]) => unknown)(...args);
      }
    },
  };
}

function safeJson(value: unknown): string {
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}
