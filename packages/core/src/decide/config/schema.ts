// SPDX-License-Identifier: MIT
/**
 * The config schema: one declaration that checks configs and gives their types (inferred,
 * never copied by hand). It ships in the lazy browser chunk, where every byte counts, so it is
 * built from `schemaKit.ts` and the rules in `checks.ts` rather than zod/mini, whose core
 * alone costs ~5 KB gzip (see docs/decisions); `zodConfigSchema` offers it to zod users.
 */
import { object, optional, type Infer } from './schemaKit.js';
import { CONSENT_MODES, FORMATS, REPORT_KINDS, type ReportKind } from '../../shared/settingsRules.js';
import {
  anyList,
  dataLayerRule,
  flag,
  fn,
  headersRule,
  oneOf,
  questionRules,
  regexRule,
  str,
  textList,
  translationsRule,
  valueList,
  within,
} from './checks.js';

/** Every question type a survey may ask. */
export const QUESTION_TYPES = ['nps', 'csat', 'ces', 'rating', 'emoji', 'thumbs', 'choice', 'text'] as const;

/** Where the card appears. */
export const PLACEMENTS = ['bottom-right', 'bottom-left', 'center', 'inline'] as const;

/** Moments that matter more (`critical`) are asked ahead of routine ones (`encounter`, default). */
export const PRIORITIES = ['critical', 'encounter'] as const;

const text = str(true);
const opt = optional;
const count = (min: number, max = Infinity) => within(min, max, true);

/** The one question a survey asks; type-specific rules (`choice` options, `emoji` faces) are checks. */
export const questionSchema = object(
  {
    type: oneOf(QUESTION_TYPES),
    text,
    /** Labels under the two ends of a scale, e.g. "Not likely" / "Very likely". */
    lowLabel: opt(str()),
    highLabel: opt(str()),
    /** `rating` only: number of stars, 3–10 (default 5). */
    scale: opt(count(3, 10)),
    /** `emoji` only: 3 or 5 faces (default 5). */
    faces: opt(count(3, 5)),
    /** `choice` only: the options, at least two. */
    options: opt(textList<string[]>()),
    /** `text` only: the hint inside the empty field. */
    placeholder: opt(str()),
    /** `text` only: longest answer, in characters (default 500). */
    maxLength: opt(count(1, 5000)),
  },
  questionRules,
);

/**
 * An open question after the answer: always (default), only after a low or a high score
 * (`when`), or only after the listed answers (`values`, e.g. NPS detractors `[0, …, 6]`).
 */
export const followUpSchema = object({
  /** The prompt above the comment box (default: the locale's "anything else?"). */
  text: opt(text),
  when: opt(oneOf(['always', 'low', 'high'])),
  values: opt(valueList),
  placeholder: opt(str()),
  /** Longest comment, in characters (default 500). */
  maxLength: opt(count(1, 5000)),
});

/** The card's look; falls back to the host page's CSS custom properties. */
export const themeSchema = object({
  /** Any CSS colour: selected answer, send button, focus ring. */
  accent: opt(str()),
  /** Corner radius, a CSS length such as `8px`. */
  radius: opt(str()),
  /** CSS `font-family`. */
  font: opt(str()),
  /** `auto` (default) follows `prefers-color-scheme`. */
  scheme: opt(oneOf(['light', 'dark', 'auto'])),
  /** `center` placement only: dim the page behind the card (default false). */
  backdrop: opt(flag),
});

/**
 * A page rule: the page's path (`location.pathname`) must match. `exact` and `prefix` compare
 * text; `glob` takes `*` for any run of characters; `regex` is a JavaScript pattern.
 */
export const urlRuleSchema = object({
  exact: opt(str()),
  prefix: opt(str()),
  glob: opt(str()),
  regex: opt(regexRule),
});

/** Behaviour that fires a survey by itself on pages its `url` rule allows. */
export const behaviourSchema = object({
  /** Fire on every page view (and SPA navigation) that matches `url`. */
  pageView: opt(flag),
  /** Desktop only: the pointer leaves through the top of the window. */
  exitIntent: opt(flag),
  /** Percent of the page scrolled, 1–100. */
  scrollDepth: opt(count(1, 100)),
  /** Milliseconds spent on the page (visible or not). */
  timeOnPageMs: opt(count(0)),
});

/** One survey: what to ask, at which moments, and the rules that decide whether to ask. */
export const surveySchema = object({
  id: text,
  /** The moment (or moments) this survey asks at. */
  moment: textList<string | string[]>(true),
  question: questionSchema,
  followUp: opt(followUpSchema),
  thanks: opt(str()),
  /** This survey's look; wins over the config's `theme`. */
  theme: opt(themeSchema),
  /** The survey's own strings per language tag (`de`, `pt-BR`): `text`, labels, `options`, `thanks`, `followUp`. */
  translations: opt(translationsRule),
  /** Wait before showing, in milliseconds (default 0); cancelled when the page or route changes. */
  delayMs: opt(count(0)),
  placement: opt(oneOf(PLACEMENTS)),
  /** Share of visitors asked, 0–1 (default 1); sticky per visitor. */
  sample: opt(within(0, 1)),
  /** Days before the same visitor may see this survey again (default 0). */
  recontactDays: opt(count(0)),
  /** A context key such as `orderId`: never two surveys about the same value. */
  oncePer: opt(text),
  priority: opt(oneOf(PRIORITIES)),
  url: opt(urlRuleSchema),
  on: opt(behaviourSchema),
  /**
   * Ask later: the moment is kept on the device and asked on the first eligible visit after
   * this delay; dropped (`skipped: expired`) if none comes within `maxWaitDays` (default 30).
   */
  after: opt(object({ days: opt(count(0)), hours: opt(count(0)), maxWaitDays: opt(within(0, 365)) })),
  device: opt(oneOf(['desktop', 'mobile'])),
  /** Language tags or prefixes (`en`, `de-CH`) of `navigator.language` this survey is for. */
  locales: opt(textList<string[]>()),
});

/** The whole config; `surveys` are validated one by one so a bad survey spoils nothing else. */
export const configSchema = object({
  /** Where answers are POSTed. Relative URLs resolve against the page. */
  endpoint: text,
  /** Extra request headers, or a function returning them (a fresh auth token per request). */
  headers: opt(headersRule),
  /** `json` (default: `{"answers": […]}`) or `cloudevents` (structured batch). */
  format: opt(oneOf(FORMATS)),
  /** JS only: `(answers) => ({body, headers?, url?})` for endpoints with their own shape. */
  transform: opt(fn),
  delivery: opt(object({ /** Answers per request (default 20; requests also stay under 60 KiB). */ batchSize: opt(count(1, 500)) })),
  queue: opt(
    object({
      /** Answers kept on the device, oldest dropped first (default 500). */
      maxItems: opt(count(1)),
      /** Days an answer may wait for delivery (default 7). */
      maxAgeDays: opt(within(0, Infinity)),
    }),
  ),
  /** The page's language for the card and `Answer.locale` (default: `<html lang>`, then the browser's). */
  locale: opt(str()),
  theme: opt(themeSchema),
  fatigue: opt(object({ minDaysBetweenSurveys: opt(count(0)), maxPerSession: opt(count(0)) })),
  /**
   * GTM/GA4 event name → moment, e.g. `{"purchase": "purchase"}`, or with the event fields to
   * keep as context: `{"purchase": {"moment": "purchase", "context": ["transaction_id", "value"]}}`.
   * Without a list only `transaction_id` is kept: an event's other fields may be personal data.
   */
  dataLayer: opt(dataLayerRule),
  /** Push `moments_shown`, `moments_answered` and `moments_dismissed` into `window.dataLayer` for GA4 (default false). */
  dataLayerOut: opt(flag),
  /** `pending`: nothing is shown or stored until `consent(true)` (default `granted`). */
  consent: opt(oneOf(CONSENT_MODES)),
  /** Treat a Global Privacy Control signal as consent withheld (default false). */
  respectGpc: opt(flag),
  /** Send the page's query string and fragment in `Answer.url` (default false: origin + path). */
  fullUrl: opt(flag),
  /** Lifecycle events the queue delivers with the answers: any of `triggered`, `skipped`, `shown`, `dismissed`. */
  report: opt(textList<ReportKind[]>(false, REPORT_KINDS)),
  debug: opt(flag),
  surveys: anyList,
});

/** A validated question. */
export type Question = Infer<typeof questionSchema>;
/** `nps` (0–10), `csat` (1–5), `ces` (1–7), `rating` (stars), `emoji`, `thumbs`, `choice`, `text`. */
export type QuestionType = Question['type'];
/** The optional open question after the score. */
export type FollowUp = Infer<typeof followUpSchema>;
/** The card's look. */
export type SurveyTheme = Infer<typeof themeSchema>;
/** A page rule on `location.pathname`. */
export type UrlRule = Infer<typeof urlRuleSchema>;
/** Behaviour triggers of a survey. */
export type Behaviour = Infer<typeof behaviourSchema>;
/** Where the card appears. */
export type Placement = (typeof PLACEMENTS)[number];
/** `critical` moments are asked ahead of `encounter` ones. */
export type Priority = (typeof PRIORITIES)[number];
/** A validated survey. */
export type Survey = Infer<typeof surveySchema>;
/** A validated config: every survey in it passed its own schema. */
export type MomentsConfig = Omit<Infer<typeof configSchema>, 'surveys'> & { surveys: Survey[] };
/** What a host page hands over before validation. */
export type MomentsConfigInput = Record<string, unknown>;
