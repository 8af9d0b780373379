// SPDX-License-Identifier: MIT
import type { MomentsEventHandler, MomentsEventMap, MomentsEventName } from '../types.js';

export interface Emitter {
  on<K extends MomentsEventName>(name: K, handler: MomentsEventHandler<K>): () => void;
  emit<K extends MomentsEventName>(name: K, payload: MomentsEventMap[K]): void;
  clear(): void;
}

/**
 * A typed event emitter whose handlers are isolated: one that throws neither stops the others
 * nor reaches the caller of `emit`. Its error is re-thrown in a microtask so the page's own
 * error tooling still sees the bug in *its* handler (lit's `__enqueueUpdate` does the same).
 */
export function createEmitter(): Emitter {
  const handlers = new Map<MomentsEventName, Set<(payload: never) => void>>();
  return {
    on(name, handler) {
      let set = handlers.get(name);
      if (!set) handlers.set(name, (set = new Set()));
      set.add(handler as (payload: never) => void);
      return () => void set.delete(handler as (payload: never) => void);
    },
    emit(name, payload) {
      for (const handler of [...(handlers.get(name) ?? [])]) {
        try {
          (handler as (payload: unknown) => void)(payload);
        } catch (error) {
          void Promise.reject(error);
        }
      }
    },
    clear() {
      handlers.clear();
    },
  };
}
