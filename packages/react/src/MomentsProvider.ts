// SPDX-License-Identifier: MIT
import { createMoments, type MomentsClient, type MomentsConfigInput, type ShowSurvey } from '@moments/core';
import { createElement, useEffect, useRef, useState, type ReactElement, type ReactNode } from 'react';
import { MomentsContext } from './context.js';
import { lazyShowSurvey } from './lazyShowSurvey.js';

export interface MomentsProviderProps {
  /**
   * Creates the app's client from this config when the provider mounts, and destroys it on
   * unmount. Read once: to switch to another config, give the provider a new `key`.
   */
  config?: MomentsConfigInput;
  /** Or a client the app created itself with `createMoments` (never destroyed by the provider). */
  client?: MomentsClient;
  /** How surveys are shown (default: `showSurvey` of `@moments/elements`, imported lazily). */
  show?: ShowSurvey;
  children?: ReactNode;
}

/**
 * Provides one Moments client to the tree. The client is created in an effect, so it starts only
 * in the browser: server rendering produces markup and never touches `window`. Until then (and
 * on the server) `useMoments()` returns `null` and hooks wait. Under `<StrictMode>` React mounts
 * effects twice in development: the first client is destroyed before the second starts.
 */
export function MomentsProvider({ config, client, show = lazyShowSurvey, children }: MomentsProviderProps): ReactElement {
  const [created, setCreated] = useState<MomentsClient | null>(null);
  const initial = useRef({ config, show });
  useEffect(() => {
    const { config: first, show: showFirst } = initial.current;
    if (client || !first) return undefined;
    const own = createMoments(first, { show: showFirst });
    setCreated(own);
    return () => {
      own.destroy();
      setCreated(null);
    };
  }, [client]);
  return createElement(MomentsContext.Provider, { value: client ?? created }, children);
}
