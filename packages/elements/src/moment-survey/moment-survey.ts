// SPDX-License-Identifier: MIT
import type { AnswerValue } from '@moments/core';
import { html, LitElement, nothing, type PropertyValues } from 'lit';
import { getLanguage, isRtl } from '../locale.js';
import { en, type Strings } from '../locales/en.js';
import type { SurveyTheme, SurveyTranslation, UiSurvey } from '../survey-types.js';
import { styles } from './moment-survey.styles.js';
import { wantsFollowUp } from './follow-up.js';
import { deepActive, keepClear } from './keep-clear.js';
import { getChoices, getEndLabels, MAX_LENGTH, moveFocus, renderChoices, renderField } from './question-views.js';

/** Fired when the shopper has answered (after the follow-up, if one was asked). */
export type MomentsAnswerEvent = CustomEvent<{ value: AnswerValue; comment?: string }>;
/** Fired when the shopper closes the card without answering. */
export type MomentsDismissEvent = CustomEvent<void>;

/** Which step the card shows. */
export type SurveyPhase = 'question' | 'follow-up' | 'thanks';

/** Delay before the live region announces a new card, in ms: a region filled in the same frame it appears in is not read by every screen reader. */
export const ANNOUNCE_DELAY_MS = 150;

const THEME_PROPS = ['accent', 'radius', 'font'] as const;

/**
 * One survey card: the question, then the optional follow-up, then the thanks message. It only
 * renders and reports; the caller (see `showSurvey`) stores the answer and sets `phase` to
 * `thanks`. Config strings are rendered as text, never as HTML.
 *
 * @event moments:answer - `{value, comment?}` once the shopper has answered
 * @event moments:dismiss - the shopper closed the card (× or Escape); in the follow-up step,
 *   `moments:answer` with the picked value (no comment) comes first
 * @csspart card - the card: a non-modal dialog, or a modal `<dialog>` for `center` with `theme.backdrop`
 * @csspart tab - the small tab the card shrinks to when it would cover the page's focused element
 * @csspart question - the question (or follow-up prompt) text
 * @csspart close - the × button
 * @csspart scale - the row of score, star, face or thumb buttons
 * @csspart choices - the column of options of a `choice` question
 * @csspart option - one answer button
 * @csspart labels - the end labels under a scale
 * @csspart field - the comment box
 * @csspart footer - the row with the counter and the send button
 * @csspart counter - the character counter
 * @csspart submit - the send button
 * @csspart status - the live region; shows the thanks message
 * @cssproperty --moments-accent - accent colour (selected answer, send button, focus ring)
 * @cssproperty --moments-on-accent - text on the accent colour (default white)
 * @cssproperty --moments-bg - card background
 * @cssproperty --moments-fg - text colour
 * @cssproperty --moments-muted - secondary text (labels, counter, ×)
 * @cssproperty --moments-radius - corner radius of the card
 * @cssproperty --moments-font - font family
 */
export class MomentSurvey extends LitElement {
  static override styles = styles;
  static override properties = {
    survey: { attribute: false },
    strings: { attribute: false },
    theme: { attribute: false },
    locale: {},
    phase: { reflect: true },
    placement: { reflect: true },
    _value: { state: true },
    _text: { state: true },
    _said: { state: true },
  };

  /** The survey to show; nothing renders without one. */
  declare survey: UiSurvey | undefined;
  /** Built-in UI strings (default English; `showSurvey` loads the shopper's). */
  declare strings: Strings;
  /** Brand look; overrides the host page's `--moments-*` properties it sets. */
  declare theme: SurveyTheme | undefined;
  /** The shopper's locale tag, e.g. `de` or `pt-br`: picks the survey's translation and the direction. */
  declare locale: string;
  declare phase: SurveyPhase;
  /** `bottom-right` (default), `bottom-left`, `center` or `inline`. */
  declare placement: string | undefined;
  declare private _value: AnswerValue | undefined;
  declare private _text: string;
  declare private _said: string;
  private _sent = false;
  /** Where focus was before the shopper moved into the card: it goes back there afterwards. */
  private _return: HTMLElement | undefined;
  private _timer: ReturnType<typeof setTimeout> | undefined;
  private _focusIn = false;

  constructor() {
    super();
    this.strings = en;
    this.locale = 'en';
    this.phase = 'question';
    this._text = '';
    this._said = '';
    // Escape while an IME composes (Japanese, Chinese) cancels the composition, not the survey.
    this.addEventListener('keydown', (e) => e.key === 'Escape' && !e.isComposing && this._dismiss());
    this.addEventListener('focusin', (e) => {
      const from = e.relatedTarget;
      if (from instanceof HTMLElement && from !== this && !this.contains(from)) this._return = from;
    });
  }

  override connectedCallback(): void {
    super.connectedCallback();
    window.visualViewport?.addEventListener('resize', this._fit);
    document.addEventListener('focusin', this._guard, true);
    document.addEventListener('focusout', this._guard, true);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.visualViewport?.removeEventListener('resize', this._fit);
    document.removeEventListener('focusin', this._guard, true);
    document.removeEventListener('focusout', this._guard, true);
    clearTimeout(this._timer);
    // A modal card leaves with the thanks still focused: the page is no longer inert, go back.
    if (this._modal) this._return?.focus();
  }

  /** `center` with `theme.backdrop`: a modal dialog (focus in and kept there, the page inert). */
  private get _modal(): boolean {
    return this.placement === 'center' && this.hasAttribute('backdrop');
  }

  /** The survey's translation for the locale: exact tag first (`pt-BR`, any case), then its language (`pt`). */
  private get _tr(): SurveyTranslation | undefined {
    const entries = Object.entries(this.survey?.translations ?? {});
    const find = (tag: string) => entries.find(([key]) => key.toLowerCase() === tag)?.[1];
    return find(this.locale.toLowerCase()) ?? find(getLanguage(this.locale));
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('locale')) {
      this.lang = this.locale;
      this.dir = isRtl(this.locale) ? 'rtl' : 'ltr';
    }
    if (changed.has('theme')) this._applyTheme();
    if (changed.has('survey')) {
      Object.assign(this, { phase: 'question', _value: undefined, _text: '', _said: '', _sent: false });
      clearTimeout(this._timer);
      const text = this._tr?.text ?? this.survey?.question.text;
      if (text) this._timer = setTimeout(() => (this._said = `${this.strings.survey}: ${text}`), ANNOUNCE_DELAY_MS);
    }
    // Read before render removes the focused answer button.
    this._focusIn = !!this.shadowRoot?.activeElement;
    if (changed.has('phase') && this.phase === 'thanks') {
      clearTimeout(this._timer);
      this._said = this._tr?.thanks ?? this.survey?.thanks ?? this.strings.thanks;
      // A modal keeps focus (the page behind is inert) until it closes: see disconnectedCallback.
      if (!this._modal) this._restoreFocus();
    }
  }

  protected override updated(changed: PropertyValues<this>): void {
    const dialog = this.renderRoot.querySelector('dialog');
    if (dialog && !dialog.open) {
      this._return = deepActive() as HTMLElement;
      dialog.showModal();
      this._first().focus();
    } else if (changed.has('survey')) this._guard();
    // The shopper just picked an answer inside the card: take them on to the comment box, or to
    // × in a modal's thanks (the answer buttons are gone and the page behind is inert).
    const next = this.phase === 'follow-up' || (this.phase === 'thanks' && this._modal);
    if (changed.has('phase') && this._focusIn && next) this._first().focus();
  }

  /** The control to focus in the card: the question's (or comment box), else ×. */
  private _first(): HTMLElement {
    return this.renderRoot.querySelector<HTMLElement>('[tabindex="0"],textarea') ?? this.renderRoot.querySelector('button')!;
  }

  protected override render() {
    const survey = this.survey;
    if (!survey) return nothing;
    const thanks = this.phase === 'thanks';
    const label = thanks ? 's' : 'q';
    const body = html`<button part="close" type="button" aria-label=${this.strings.close} @click=${this._dismiss}>×</button>${
        thanks ? nothing : this.phase === 'follow-up' ? this._renderFollowUp() : this._renderQuestion()
      }
      <p part="status" id="s" role="status" class=${thanks ? '' : 'sr'}>${this._said}</p>`;
    const card = this._modal
      ? html`<dialog part="card" aria-labelledby=${label}>${body}</dialog>`
      : html`<div part="card" role="dialog" aria-labelledby=${label}>${body}</div>`;
    return html`${card}<button part="tab" type="button" @click=${this._expand}>${this.strings.survey}</button>`;
  }

  private _renderQuestion() {
    const { question } = this.survey!;
    const tr = this._tr;
    const text = tr?.text ?? question.text;
    if (question.type === 'text') {
      return renderField({
        ...this._field(text, question.maxLength, question.placeholder),
        optional: false,
        submit: () => this._send(this._text.trim()),
      });
    }
    return html`<p part="question" id="q">${text}</p>
      ${renderChoices({
        choices: getChoices(question, this.strings, tr),
        layout: question.type === 'choice' ? 'choices' : 'scale',
        labels: getEndLabels(question, this.strings, tr),
        selected: this._value,
        pick: this._pick,
        onKeydown: (event) => moveFocus(event, this.dir === 'rtl'),
      })}`;
  }

  private _renderFollowUp() {
    const followUp = this.survey!.followUp ?? {};
    const label = this._tr?.followUp ?? followUp.text ?? this.strings.more;
    return renderField({
      ...this._field(label, followUp.maxLength, followUp.placeholder),
      optional: true,
      submit: () => this._send(this._value!, this._text.trim()),
    });
  }

  private _field(label: string, maxLength = MAX_LENGTH, placeholder?: string) {
    const onInput = (event: Event) => (this._text = (event.target as HTMLTextAreaElement).value);
    return { label, text: this._text, maxLength, placeholder, strings: this.strings, locale: this.locale, onInput };
  }

  private _pick = (value: AnswerValue): void => {
    if (this._sent) return;
    this._value = value;
    const survey = this.survey;
    if (survey?.followUp && wantsFollowUp(survey.followUp, survey.question, value)) this.phase = 'follow-up';
    else this._send(value);
  };

  /** Reports the answer once; the card ignores further picks while core stores it. */
  private _send(value: AnswerValue, comment?: string): void {
    if (this._sent) return;
    this._sent = true;
    const detail = comment ? { value, comment } : { value };
    this.dispatchEvent(new CustomEvent('moments:answer', { detail, bubbles: true, composed: true }));
  }

  private _dismiss = (): void => {
    this._restoreFocus();
    // Closing the comment box still keeps the score the shopper picked: it was their answer.
    if (this.phase === 'follow-up') this._send(this._value!);
    this.dispatchEvent(new CustomEvent('moments:dismiss', { bubbles: true, composed: true }));
  };

  /** Focus leaves the card only if it is in it, and goes back where the shopper came from. */
  private _restoreFocus(): void {
    const inside = this.shadowRoot?.activeElement as HTMLElement | null | undefined;
    if (!inside) return;
    // The page behind a modal is inert until the dialog closes: nothing there could take focus.
    this.renderRoot.querySelector('dialog')?.close();
    if (this._return?.isConnected) this._return.focus();
    else inside.blur();
  }

  private _applyTheme(): void {
    const theme = this.theme ?? {};
    for (const key of THEME_PROPS) {
      const value = theme[key];
      if (value) this.style.setProperty(`--moments-${key}`, value);
      else this.style.removeProperty(`--moments-${key}`);
    }
    this.toggleAttribute('backdrop', theme.backdrop === true);
    if (theme.scheme === 'light' || theme.scheme === 'dark') this.setAttribute('scheme', theme.scheme);
    else this.removeAttribute('scheme');
  }

  /**
   * Focus moved on the page (or left it): out of the way of the focused element if the card
   * covers it, back in place once it does not. Focus inside the card leaves it where it is.
   */
  private _guard = (event?: FocusEvent): void => {
    if (this.placement === 'inline' || this._modal || !this.survey) return;
    const path = event?.composedPath() ?? [];
    if (path.includes(this)) return;
    // Focus moving on (focusout with a relatedTarget) is handled by the focusin that follows.
    if (event?.type === 'focusout') {
      if (!event.relatedTarget) keepClear(this, null);
    } else keepClear(this, (path[0] as Element | undefined) ?? deepActive());
  };

  /** The tab was pressed: the card comes back, with focus on its first control. */
  private _expand = (): void => {
    this.removeAttribute('away');
    this._first().focus();
  };

  /** Keeps a bottom card above the on-screen keyboard, which shrinks only the visual viewport. */
  private _fit = (): void => {
    const vv = window.visualViewport;
    if (vv) this.style.setProperty('--_kb', `${Math.max(0, innerHeight - vv.height - vv.offsetTop)}px`);
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'moment-survey': MomentSurvey;
  }
}
