// SPDX-License-Identifier: MIT
import type { AnswerValue, Question } from '@moments/core';

/** One answer button. */
export interface Choice {
  value: AnswerValue;
  label: string;
}

/**
 * The answers a question offers on the order pages, in order; empty for the types the
 * extension does not ask there (`text`: Polaris' text area is a later step).
 */
export function choicesOf(question: Question): Choice[] {
  const range = (first: number, last: number) =>
    Array.from({ length: last - first + 1 }, (_, i) => ({ value: first + i, label: String(first + i) }));
  switch (question.type) {
    case 'nps':
      return range(0, 10);
    case 'ces':
      return range(1, 7);
    case 'rating':
      return range(1, question.scale ?? 5);
    case 'emoji':
      return range(1, question.faces ?? 5);
    case 'csat':
      return range(1, 5);
    case 'thumbs':
      return [
        { value: true, label: 'Yes' },
        { value: false, label: 'No' },
      ];
    case 'choice':
      return (question.options ?? []).map((option) => ({ value: option, label: option }));
    default:
      return [];
  }
}
