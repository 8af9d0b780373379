// SPDX-License-Identifier: MIT
import { parseConfig, type MomentsConfig, type Survey } from '@moments/core';
import { choicesOf } from './choices.js';

/** The survey to ask at a moment, with the config it came from; or why there is none. */
export type SurveyLookup = { ok: true; config: MomentsConfig; survey: Survey } | { ok: false; reason: string };

/**
 * Loads the storefront's own Moments config (the JSON file `moments.js` reads, named by the
 * extension's `config_url` setting), validates it with `parseConfig` of `@moments/core`, and
 * picks the first survey for `moment` whose question the order pages can ask. Never throws.
 */
export async function loadSurvey(configUrl: string | undefined, moment: string, fetchJson = getJson): Promise<SurveyLookup> {
  if (!configUrl) return { ok: false, reason: 'the extension setting config_url is empty' };
  let input: unknown;
  try {
    input = await fetchJson(configUrl);
  } catch (error) {
    return { ok: false, reason: `could not load ${configUrl} (${(error as Error).message})` };
  }
  const parsed = parseConfig(input);
  if (!parsed.ok) return { ok: false, reason: `invalid config: ${parsed.issues.map((i) => `${i.path}: ${i.message}`).join('; ')}` };
  const asksAt = (survey: Survey) => (Array.isArray(survey.moment) ? survey.moment : [survey.moment]).includes(moment);
  const survey = parsed.config.surveys.find((s) => asksAt(s) && choicesOf(s.question).length > 0);
  if (!survey) return { ok: false, reason: `no survey in the config asks at "${moment}" with a question the order pages can show` };
  return { ok: true, config: parsed.config, survey };
}

async function getJson(url: string): Promise<unknown> {
  const response = await fetch(url, { credentials: 'omit' });
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  return response.json();
}
