// SPDX-License-Identifier: MIT
import type { AnswerValue } from '@moments/core';
import type { FollowUp, UiQuestion } from '../survey-types.js';
import { rangeOf } from './question-views.js';

/**
 * Whether the follow-up is asked after `value`: after the listed `values` when given, else by
 * `when` — `low` / `high` are NPS detractors (0–6) / promoters (9–10), a thumbs down / up, and
 * on other scales the lower / upper half (the middle of an odd scale is neither). `always`
 * (default), and every `choice` or `text` answer, asks.
 */
export function wantsFollowUp(followUp: FollowUp, question: UiQuestion, value: AnswerValue): boolean {
  if (followUp.values) return followUp.values.includes(value);
  const when = followUp.when ?? 'always';
  if (when === 'always') return true;
  if (typeof value === 'boolean') return when === 'high' ? value : !value;
  if (typeof value !== 'number') return true;
  const [first, last] = rangeOf(question);
  if (question.type === 'nps') return when === 'low' ? value <= 6 : value >= 9;
  const middle = (first + last) / 2;
  return when === 'low' ? value < middle : value > middle;
}
