// SPDX-License-Identifier: MIT
/**
 * `@moments/preact`: Preact bindings for SPAs (and React through `preact/compat`).
 * @packageDocumentation
 */
export { MomentsProvider, type MomentsProviderProps } from './MomentsProvider.js';
export { useMoments, useMoment } from './useMoments.js';
export { MomentsContext } from './context.js';
