// SPDX-License-Identifier: MIT
/**
 * `@moments/preact`: Preact bindings for SPAs (and React through `preact/compat`): one client
 * per app from `<MomentsProvider>`, hooks to fire moments and listen to events, and
 * `<MomentSurvey>` to render a survey inline. SSR-safe: nothing starts until mount.
 * @packageDocumentation
 */
export { MomentsProvider, type MomentsProviderProps } from './MomentsProvider.js';
export { useMoments, useMoment, type UseMomentOptions } from './useMoments.js';
export { useMomentsEvent } from './useMomentsEvent.js';
export { MomentSurvey, type MomentSurveyProps } from './MomentSurvey.js';
export { MomentsContext } from './context.js';
export { lazyShowSurvey } from './lazyShowSurvey.js';
