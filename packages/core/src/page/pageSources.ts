// SPDX-License-Identifier: MIT
import type { Survey, UrlRule } from '../decide/config/schema.js';
import type { PageFacts } from '../decide/eligibility/page.js';
import type { Trigger } from '../types.js';
import { watchExitIntent, watchScrollDepth, watchTimeOnPage } from './behaviour.js';
import { onNavigate } from './navigation.js';

/** What `startPageSources` needs. */
export interface PageSourcesOptions {
  win: Window | undefined;
  surveys: readonly Survey[];
  decider: { offer(survey: Survey, trigger: Trigger): void; navigated(): void };
  page: () => PageFacts;
  /** `matchUrl`, passed in so this lazily loaded chunk shares no module with the decider's. */
  match: (rule: UrlRule, path: string) => boolean;
}

/**
 * The lazy moment sources: for each survey with `on`, on pages its `url` rule allows, fires
 * on page view, exit intent, scroll depth or time on page (counted from navigation start, or
 * from the SPA navigation), the first that happens (context
 * `{source: 'exit-intent'}` etc.). On an SPA navigation the decider hears of it (a pending
 * `delayMs` is cancelled) and the watchers are set up again for the new route. Navigation is
 * watched only when some survey has `on` or `delayMs`. Returns a function that stops everything.
 */
export function startPageSources({ win, surveys, decider, page, match }: PageSourcesOptions): () => void {
  const behavioural = surveys.filter((s) => s.on);
  if (!win || (!behavioural.length && !surveys.some((s) => s.delayMs))) return () => undefined;
  const stops: Array<() => void> = [];
  const disarm = (): void => void stops.splice(0).forEach((stop) => stop());
  /** `elapsed`: ms already spent on this page (time since navigation start on the first arm). */
  const arm = (elapsed: number): void => {
    const facts = page();
    for (const survey of behavioural) {
      if (!survey.url || match(survey.url, facts.path)) stops.push(watchSurvey(win, survey, facts, decider, elapsed));
    }
  };
  arm(typeof performance === 'undefined' ? 0 : performance.now());
  const stopNavigation = onNavigate(win, () => {
    disarm();
    decider.navigated();
    arm(0);
  });
  return () => {
    stopNavigation();
    disarm();
  };
}

function watchSurvey(win: Window, survey: Survey, facts: PageFacts, decider: PageSourcesOptions['decider'], elapsed: number): () => void {
  const on = survey.on!;
  const stops: Array<() => void> = [];
  const stop = (): void => void stops.splice(0).forEach((s) => s());
  const fire = (source: string) => (): void => {
    stop();
    decider.offer(survey, { moment: Array.isArray(survey.moment) ? survey.moment[0]! : survey.moment, context: { source } });
  };
  if (on.exitIntent && !facts.mobile) stops.push(watchExitIntent(win.document, fire('exit-intent')));
  if (on.scrollDepth) stops.push(watchScrollDepth(win, on.scrollDepth, fire('scroll-depth')));
  if (on.timeOnPageMs !== undefined) stops.push(watchTimeOnPage(Math.max(0, on.timeOnPageMs - elapsed), fire('time-on-page')));
  if (on.pageView) fire('page-view')();
  return stop;
}
