// SPDX-License-Identifier: MIT
import type { Context, MomentsClient } from '@moments/core';
import { useContext, useEffect } from 'preact/hooks';
import { MomentsContext } from './context.js';

/** The client of the nearest `<MomentsProvider>`; `null` before mount and on the server. */
export function useMoments(): MomentsClient | null {
  return useContext(MomentsContext);
}

/**
 * Fires `moment` once the client is ready and `when` is true (default), e.g.
 * `useMoment('purchase', {orderId})` on an order confirmation view. Fires again if the
 * moment or its context changes.
 */
export function useMoment(moment: string, context: Context = {}, { when = true }: { when?: boolean } = {}): void {
  const client = useMoments();
  const key = JSON.stringify(context);
  useEffect(() => {
    if (client && when) client.trigger(moment, JSON.parse(key) as Context);
  }, [client, moment, key, when]);
}
