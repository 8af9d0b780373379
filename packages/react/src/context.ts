// SPDX-License-Identifier: MIT
import type { MomentsClient } from '@moments/core';
import { createContext } from 'react';

/** Holds the app's one client; `null` until the provider has mounted (and always on the server). */
export const MomentsContext = createContext<MomentsClient | null>(null);
