import type { Context, MomentsClient, MomentsEventMap, MomentsEventName } from '@moments/core';

/** A client that records calls and lets a test emit events. */
export function createFakeClient() {
  const triggers: Array<[string, Context | undefined]> = [];
  const handlers = new Map<string, Set<(payload: unknown) => void>>();
  let destroyed = 0;
  const client: MomentsClient = {
    trigger: (moment, context) => void triggers.push([moment, context]),
    consent: () => undefined,
    on(name, handler) {
      const set = handlers.get(name) ?? new Set();
      handlers.set(name, set);
      set.add(handler as (payload: unknown) => void);
      return () => void set.delete(handler as (payload: unknown) => void);
    },
    flush: async () => undefined,
    purge: async () => undefined,
    destroy: () => void destroyed++,
  };
  const emit = <K extends MomentsEventName>(name: K, payload: MomentsEventMap[K]) => handlers.get(name)?.forEach((h) => h(payload));
  return { client, triggers, emit, listeners: (name: string) => handlers.get(name)?.size ?? 0, destroyed: () => destroyed };
}
