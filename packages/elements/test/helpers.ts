// SPDX-License-Identifier: MIT
import type { UiSurvey } from '../src/index.js';
import { defineMomentSurvey, type MomentSurvey } from '../src/index.js';

/** A survey of the given question; the rest is filler. */
export function makeSurvey(question: Partial<UiSurvey['question']> = {}, extra: Partial<UiSurvey> = {}): UiSurvey {
  return { id: 's1', moment: 'purchase', question: { type: 'nps', text: 'How likely?', ...question }, ...extra } as UiSurvey;
}

/** Appends a `<moment-survey>` with these properties and waits for its first render. */
export async function mount(survey: UiSurvey, props: Partial<MomentSurvey> = {}): Promise<MomentSurvey> {
  defineMomentSurvey();
  const el = document.createElement('moment-survey');
  Object.assign(el, { survey, ...props });
  document.body.append(el);
  await el.updateComplete;
  return el;
}

export function shadow(el: Element): ShadowRoot {
  return el.shadowRoot!;
}

export function radios(el: Element): HTMLButtonElement[] {
  return [...shadow(el).querySelectorAll<HTMLButtonElement>('[role="radio"]')];
}

/** The accessible name a button gets: its aria-label, else its text. */
export function nameOf(el: Element): string {
  return el.getAttribute('aria-label') ?? el.textContent!.trim();
}

/** Collects the `moments:answer` details an element fires. */
export function answersOf(el: Element): Array<{ value: unknown; comment?: string }> {
  const seen: Array<{ value: unknown; comment?: string }> = [];
  el.addEventListener('moments:answer', (e) => seen.push((e as CustomEvent).detail));
  return seen;
}

export function key(target: Element, name: string): void {
  target.dispatchEvent(new KeyboardEvent('keydown', { key: name, bubbles: true, composed: true }));
}

export function type(textarea: HTMLTextAreaElement, value: string): void {
  textarea.value = value;
  textarea.dispatchEvent(new Event('input', { bubbles: true }));
}
