// SPDX-License-Identifier: MIT
/**
 * `@moments/react`: React 18 and 19 bindings for SPAs: one client per app from
 * `<MomentsProvider>`, hooks to fire moments and listen to events, and `<MomentSurvey>` to render
 * a survey inline. SSR-safe: nothing starts until mount, so `react-dom/server` renders it without
 * touching `window`.
 * @packageDocumentation
 */
export { MomentsProvider, type MomentsProviderProps } from './MomentsProvider.js';
export { useMoments, useMoment, type UseMomentOptions } from './useMoments.js';
export { useMomentsEvent } from './useMomentsEvent.js';
export { MomentSurvey, type MomentSurveyProps } from './MomentSurvey.js';
export { MomentsContext } from './context.js';
export { lazyShowSurvey } from './lazyShowSurvey.js';
