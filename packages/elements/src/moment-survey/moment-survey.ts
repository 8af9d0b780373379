// SPDX-License-Identifier: MIT
import type { AnswerValue, Survey } from '@moments/core';
import { html, LitElement, nothing, type PropertyValues } from 'lit';
import { styles } from './moment-survey.styles.js';

/** Fired when the shopper picks an answer. */
export type MomentsAnswerEvent = CustomEvent<{ value: AnswerValue }>;
/** Fired when the shopper closes the card without answering. */
export type MomentsDismissEvent = CustomEvent<void>;

/**
 * One survey card: the question, then the thanks message. It only renders and reports; the
 * caller (see `showSurvey`) stores the answer and switches `phase` to `thanks`.
 *
 * @event moments:answer - {value} the shopper picked
 * @event moments:dismiss - the shopper closed the card (× or Escape)
 * @csspart card - the card
 * @csspart question - the question text
 * @csspart close - the × button
 * @csspart scale - the group of score buttons
 * @csspart option - one score button
 * @csspart labels - the end labels under a scale
 * @csspart thanks - the thanks message
 * @cssproperty --moments-accent - accent colour (selected score, focus ring)
 * @cssproperty --moments-radius - corner radius of the card
 * @cssproperty --moments-font - font family
 */
export class MomentSurvey extends LitElement {
  static override styles = styles;
  static override properties = {
    survey: { attribute: false },
    phase: { reflect: true },
  };

  /** The survey to show (config strings are rendered as text, never as HTML). */
  declare survey: Survey | undefined;
  declare phase: 'question' | 'thanks';

  constructor() {
    super();
    this.phase = 'question';
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.addEventListener('keydown', this._onKeydown);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.removeEventListener('keydown', this._onKeydown);
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (changed.has('phase') && this.phase === 'thanks') {
      this.renderRoot.querySelector<HTMLElement>('[part="thanks"]')?.focus();
    }
  }

  protected override render() {
    const survey = this.survey;
    if (!survey) return nothing;
    const labelId = 'moments-q';
    return html`<div part="card" role="dialog" aria-labelledby=${labelId}>
      <button part="close" type="button" aria-label="Close" @click=${this._dismiss}>×</button>
      ${this.phase === 'thanks'
        ? html`<p part="thanks" id=${labelId} tabindex="-1" role="status">${survey.thanks ?? 'Thank you!'}</p>`
        : html`<p part="question" id=${labelId}>${survey.question.text}</p>
            ${this._renderScale(labelId)}`}
    </div>`;
  }

  private _renderScale(labelId: string) {
    const question = this.survey!.question;
    const scores = Array.from({ length: 11 }, (_, i) => i);
    return html`<div part="scale" role="radiogroup" aria-labelledby=${labelId} @keydown=${this._onArrow}>
        ${scores.map(
          (score) =>
            html`<button
              part="option"
              type="button"
              role="radio"
              aria-checked="false"
              tabindex=${score === 0 ? 0 : -1}
              @click=${() => this._answer(score)}
            >
              ${score}
            </button>`,
        )}
      </div>
      <div part="labels" aria-hidden="true">
        <span>${question.lowLabel ?? 'Not likely'}</span><span>${question.highLabel ?? 'Very likely'}</span>
      </div>`;
  }

  private _answer(value: AnswerValue): void {
    this.dispatchEvent(new CustomEvent('moments:answer', { detail: { value }, bubbles: true, composed: true }));
  }

  private _dismiss = (): void => {
    this.dispatchEvent(new CustomEvent('moments:dismiss', { bubbles: true, composed: true }));
  };

  private _onKeydown = (event: KeyboardEvent): void => {
    if (event.key === 'Escape') this._dismiss();
  };

  /** Roving focus across the radios, as the ARIA radio group pattern prescribes. */
  private _onArrow(event: KeyboardEvent): void {
    const step = { ArrowRight: 1, ArrowDown: 1, ArrowLeft: -1, ArrowUp: -1 }[event.key];
    if (!step) return;
    event.preventDefault();
    const radios = [...this.renderRoot.querySelectorAll<HTMLButtonElement>('[role="radio"]')];
    const current = radios.indexOf(event.target as HTMLButtonElement);
    const next = radios[(current + step + radios.length) % radios.length];
    radios.forEach((radio) => (radio.tabIndex = radio === next ? 0 : -1));
    next?.focus();
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'moment-survey': MomentSurvey;
  }
}
