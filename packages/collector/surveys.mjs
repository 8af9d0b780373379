// SPDX-License-Identifier: MIT
// What the collector has been told about: the surveys of the storefront's Moments config
// (`--surveys file.json` or the config's URL). Known surveys give the scale of a rating, the
// options of a choice and each moment's priority; moments nobody declared are still stored, but
// kept out of the results page after a cap so a flood of invented names cannot bury it.
import { readFile } from 'node:fs/promises';

/** The eight question types of DESIGN.md. */
export const QUESTION_TYPES = ['nps', 'csat', 'ces', 'rating', 'emoji', 'thumbs', 'choice', 'text'];

/**
 * Builds a registry from a config's `surveys` (or a list of surveys). Each survey may also name
 * `unhappy` options (for a `choice` question: which choices count as unhappy).
 */
export function createRegistry(surveys = []) {
  const bySurvey = new Map();
  const moments = new Map(); // moment → priority ('critical' wins)
  for (const survey of surveys) {
    if (!survey || typeof survey.id !== 'string' || !survey.question) continue;
    const list = Array.isArray(survey.moment) ? survey.moment : [survey.moment];
    const priority = survey.priority === 'critical' ? 'critical' : 'encounter';
    bySurvey.set(survey.id, { ...survey.question, id: survey.id, moments: list, priority, unhappy: survey.unhappy });
    for (const moment of list)
      if (typeof moment === 'string') moments.set(moment, moments.get(moment) === 'critical' ? 'critical' : priority);
  }
  return {
    /** The survey's question settings (`type`, `scale`, `faces`, `options`, …) or undefined. */
    survey: (id) => bySurvey.get(id),
    /** Whether any known survey asks at `moment`. */
    knows: (moment) => moments.has(moment),
    /** `critical` | `encounter` for a known moment, else undefined. */
    priorityOf: (moment) => moments.get(moment),
    size: bySurvey.size,
  };
}

/** Reads a Moments config (`{surveys: […]}`) or a bare list of surveys from a file path or an http(s) URL. */
export async function loadRegistry(source) {
  if (!source) return createRegistry();
  let text;
  if (/^https?:\/\//i.test(source)) {
    const response = await fetch(source, { signal: AbortSignal.timeout(10_000) });
    if (!response.ok) throw new Error(`could not load surveys from ${source}: HTTP ${response.status}`);
    text = await response.text();
  } else text = await readFile(source, 'utf8');
  let json;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new Error(`surveys in ${source} are not valid JSON: ${error.message}`, { cause: error });
  }
  const surveys = Array.isArray(json) ? json : json?.surveys;
  if (!Array.isArray(surveys)) throw new Error(`expected a Moments config with "surveys" (or a list of surveys) in ${source}`);
  return createRegistry(surveys);
}
