// SPDX-License-Identifier: MIT
import type { MomentsEventHandler, MomentsEventName } from '@moments/core';
import { useEffect, useRef } from 'react';
import { useMoments } from './useMoments.js';

/**
 * Subscribes to a client event (`answered`, `shown`, `skipped`, …) for the life of the
 * component, e.g. to forward answers to analytics. The latest `handler` is always called, so an
 * inline arrow function does not resubscribe on every render.
 */
export function useMomentsEvent<K extends MomentsEventName>(name: K, handler: MomentsEventHandler<K>): void {
  const client = useMoments();
  const latest = useRef(handler);
  // Updated in an effect, not during render: React may render and throw a render away.
  useEffect(() => {
    latest.current = handler;
  });
  useEffect(() => client?.on(name, (payload) => latest.current(payload)), [client, name]);
}
