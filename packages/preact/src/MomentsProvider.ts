// SPDX-License-Identifier: MIT
import { createMoments, type MomentsClient, type MomentsConfigInput, type ShowSurvey } from '@moments/core';
import { h, type ComponentChildren, type JSX } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { MomentsContext } from './context.js';

export interface MomentsProviderProps {
  /** Creates a client from this config on mount (destroyed on unmount). */
  config?: MomentsConfigInput;
  /** Or share a client the app created itself (not destroyed on unmount). */
  client?: MomentsClient;
  /** How surveys are shown; pass `showSurvey` from `@moments/elements`. */
  show?: ShowSurvey;
  children?: ComponentChildren;
}

/**
 * Provides one Moments client to the tree. The client is created in an effect, so it starts
 * only in the browser: server rendering produces markup and never touches `window`.
 */
export function MomentsProvider({ config, client, show, children }: MomentsProviderProps): JSX.Element {
  const [value, setValue] = useState<MomentsClient | null>(client ?? null);
  useEffect(() => {
    if (client) return setValue(client);
    if (!config || !show) return undefined;
    const created = createMoments(config, { show });
    setValue(created);
    return () => created.destroy();
  }, [client, config, show]);
  return h(MomentsContext.Provider, { value }, children);
}
