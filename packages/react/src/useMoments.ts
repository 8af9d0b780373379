// SPDX-License-Identifier: MIT
import type { Context, MomentsClient } from '@moments/core';
import { useContext, useEffect } from 'react';
import { MomentsContext } from './context.js';

/** The client of the nearest `<MomentsProvider>`; `null` before it mounts and on the server. */
export function useMoments(): MomentsClient | null {
  return useContext(MomentsContext);
}

export interface UseMomentOptions {
  /** Fire only once this is true (default `true`), e.g. when the order has loaded. */
  when?: boolean;
}

/**
 * Fires `moment` when the component mounts and the client is ready, or later when `when`
 * becomes true — `useMoment('purchase', {orderId})` on an order confirmation view. It fires
 * again only if the moment or the context's values change, not on every render.
 */
export function useMoment(moment: string, context: Context = {}, { when = true }: UseMomentOptions = {}): void {
  const client = useMoments();
  const key = JSON.stringify(context);
  useEffect(() => {
    if (client && when) client.trigger(moment, JSON.parse(key) as Context);
  }, [client, moment, key, when]);
}
