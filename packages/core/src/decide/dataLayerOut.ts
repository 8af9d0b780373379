// SPDX-License-Identifier: MIT
import type { AnswerValue, MomentsClient } from '../types.js';

/** What `dataLayerOut` pushes: GA4-style event names, flat parameters GTM variables can read. */
export type DataLayerOutEvent =
  | { event: 'moments_shown'; moment: string; survey: string }
  | { event: 'moments_answered'; moment: string; survey: string; score: AnswerValue }
  | { event: 'moments_dismissed'; moment: string; survey: string };

type Layer = { push(entry: unknown): unknown };

/**
 * Config `dataLayerOut: true`: pushes `moments_shown`, `moments_answered` (with `score`) and
 * `moments_dismissed` into `window.dataLayer`, so GA4 (through GTM) can count surveys shown and
 * answered. Context values (an order id, an e-mail in a custom context) are never pushed: the
 * dataLayer feeds third-party tags. Creates `dataLayer` when the page has none; a dataLayer
 * whose `push` throws never breaks the survey. Returns a function that stops pushing.
 */
export function startDataLayerOut(win: Window, client: Pick<MomentsClient, 'on'>): () => void {
  const push = (entry: DataLayerOutEvent): void => {
    try {
      const host = win as unknown as { dataLayer?: Layer };
      host.dataLayer ??= [];
      host.dataLayer.push(entry);
    } catch {
      // The host page's dataLayer is its own business: ours is best effort.
    }
  };
  const stops = [
    client.on('shown', ({ moment, surveyId }) => push({ event: 'moments_shown', moment, survey: surveyId })),
    client.on('answered', ({ answer }) =>
      push({ event: 'moments_answered', moment: answer.moment, survey: answer.surveyId, score: answer.value }),
    ),
    client.on('dismissed', ({ moment, surveyId }) => push({ event: 'moments_dismissed', moment, survey: surveyId })),
  ];
  return () => stops.forEach((stop) => stop());
}
