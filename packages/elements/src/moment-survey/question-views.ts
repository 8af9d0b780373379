// SPDX-License-Identifier: MIT
// The question views. Seven of the eight types are one view: a radio group of choices (a
// number, a star, a face, a thumb or an option), so one renderer and one keyboard handler serve
// nps, csat, ces, rating, emoji, thumbs and choice; `text` and the follow-up share the field.
import type { AnswerValue } from '@moments/core';
import { html, nothing, type TemplateResult } from 'lit';
import { format, plural } from '../locale.js';
import type { Strings } from '../locales/en.js';
import type { SurveyTranslation, UiQuestion } from '../survey-types.js';

/** One answer a shopper can pick: its stored value, its accessible name and what it shows. */
export interface Choice {
  value: AnswerValue;
  label: string;
  glyph?: string;
}

// Unicode 6.0 faces: older phones and system fonts without the Unicode 7 🙁 🙂 still draw them.
const FACES = ['😞', '😕', '😐', '😊', '😄'];
/** Default longest free-text answer, in characters. */
export const MAX_LENGTH = 500;

/** Which numbers a scale type offers: [first, last]. */
export function rangeOf(question: UiQuestion): [number, number] {
  if (question.type === 'nps') return [0, 10];
  if (question.type === 'ces') return [1, 7];
  if (question.type === 'rating') return [1, question.scale ?? 5];
  if (question.type === 'emoji') return [1, question.faces ?? 5];
  return [1, 5];
}

/** The choices of a question, in order; empty for `text`. */
export function getChoices(question: UiQuestion, strings: Strings, tr?: SurveyTranslation): Choice[] {
  if (question.type === 'text') return [];
  if (question.type === 'choice') return (question.options ?? []).map((value, i) => ({ value, label: tr?.options?.[i] ?? value }));
  if (question.type === 'thumbs') {
    return [
      { value: true, label: strings.yes, glyph: '👍' },
      { value: false, label: strings.no, glyph: '👎' },
    ];
  }
  const [first, last] = rangeOf(question);
  const count = last - first + 1;
  return Array.from({ length: count }, (_, i) => {
    const n = first + i;
    if (question.type === 'rating') return { value: n, label: format(strings.of, n, last), glyph: '★' };
    // Three faces are the sad, neutral and happy ones of the five.
    if (question.type === 'emoji') return { value: n, label: format(strings.of, n, last), glyph: FACES[count === 3 ? i * 2 : i]! };
    return { value: n, label: String(n) };
  });
}

/** The labels under both ends of a scale: the config's, else the locale's defaults, else none. */
export function getEndLabels(question: UiQuestion, strings: Strings, tr?: SurveyTranslation): [string, string] | undefined {
  const type = question.type;
  const fallback = type === 'nps' || type === 'csat' || type === 'ces' ? strings[type] : undefined;
  const low = tr?.lowLabel ?? question.lowLabel ?? fallback?.[0];
  const high = tr?.highLabel ?? question.highLabel ?? fallback?.[1];
  return low || high ? [low ?? '', high ?? ''] : undefined;
}

/** What `renderChoices` needs. */
export interface ChoicesOptions {
  choices: Choice[];
  /** `scale` lays choices out in one row, `choices` in a column. */
  layout: 'scale' | 'choices';
  labels: [string, string] | undefined;
  selected: AnswerValue | undefined;
  pick: (value: AnswerValue) => void;
  onKeydown: (event: KeyboardEvent) => void;
}

/** A radio group labelled by the question (`#q`), described by its end labels (`#l`). */
export function renderChoices({ choices, layout, labels, selected, pick, onKeydown }: ChoicesOptions): TemplateResult {
  const focusable = Math.max(
    0,
    choices.findIndex((c) => c.value === selected),
  );
  return html`<div part=${layout} role="radiogroup" aria-labelledby="q" aria-describedby=${labels ? 'l' : nothing} @keydown=${onKeydown}>
      ${choices.map(
        (c, i) =>
          html`<button
            part="option"
            type="button"
            role="radio"
            aria-checked=${c.value === selected}
            tabindex=${i === focusable ? 0 : -1}
            aria-label=${c.glyph ? c.label : nothing}
            @click=${() => pick(c.value)}
          >
            ${c.glyph ? html`<span aria-hidden="true">${c.glyph}</span>` : c.label}
          </button>`,
      )}
    </div>
    ${labels ? html`<div part="labels" id="l"><span>${labels[0]}</span><span>${labels[1]}</span></div>` : nothing}`;
}

/** What `renderField` needs. */
export interface FieldOptions {
  label: string;
  text: string;
  maxLength: number;
  /** The hint inside the empty box (`question.placeholder`, `followUp.placeholder`). */
  placeholder?: string | undefined;
  /** False keeps the send button disabled while the field is empty (a `text` question). */
  optional: boolean;
  strings: Strings;
  /** The card's locale: picks the counter's plural form. */
  locale: string;
  onInput: (event: Event) => void;
  submit: () => void;
}

/** A labelled comment box with a character counter and a send button. */
export function renderField({
  label,
  text,
  maxLength,
  placeholder,
  optional,
  strings,
  locale,
  onInput,
  submit,
}: FieldOptions): TemplateResult {
  return html`<label part="question" id="q" for="f">${label}</label>
    <textarea
      part="field"
      id="f"
      rows="3"
      maxlength=${maxLength}
      placeholder=${placeholder ?? nothing}
      aria-describedby="n"
      @input=${onInput}
    ></textarea>
    <div part="footer">
      <span part="counter" id="n">${format(plural(strings.count, maxLength, locale), text.length, maxLength)}</span>
      <button part="submit" type="button" ?disabled=${!optional && !text.trim()} @click=${submit}>${strings.send}</button>
    </div>`;
}

const STEPS: Record<string, number> = { ArrowRight: 1, ArrowDown: 1, ArrowLeft: -1, ArrowUp: -1 };

/**
 * Roving focus in a radio group (the ARIA radio-group pattern): arrows move focus, mirrored
 * left/right in RTL, Home/End jump; Space or Enter picks. Moving never picks, because a
 * scale submits on selection and an arrow key must not send an answer.
 */
export function moveFocus(event: KeyboardEvent, rtl: boolean): void {
  const group = event.currentTarget as HTMLElement;
  const radios = [...group.querySelectorAll<HTMLElement>('[role="radio"]')];
  const current = radios.indexOf(event.target as HTMLElement);
  let step = STEPS[event.key];
  if (step && rtl && /Left|Right/.test(event.key)) step = -step;
  let next: number | undefined;
  if (step) next = (current + step + radios.length) % radios.length;
  else if (event.key === 'Home') next = 0;
  else if (event.key === 'End') next = radios.length - 1;
  if (next === undefined || current < 0) return;
  event.preventDefault();
  radios.forEach((radio, i) => (radio.tabIndex = i === next ? 0 : -1));
  radios[next]!.focus();
}
