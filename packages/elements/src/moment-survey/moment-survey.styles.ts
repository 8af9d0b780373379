// SPDX-License-Identifier: MIT
import { css } from 'lit';

// Adopted as a constructable stylesheet by Lit: no <style> text, so a strict CSP (no
// 'unsafe-inline') still applies it. The card is `position: fixed`: it never shifts the page.
// Written tersely on purpose: these bytes ship in the chunk every shown survey loads.
// `--_*` are internal: each reads the public `--moments-*` property, then a default per scheme.
// Colours meet WCAG AA in both schemes: text ≥ 4.5:1, borders and focus ring ≥ 3:1.
export const styles = css`
  :host {
    --_a: var(--moments-accent, #3b68e0);
    --_on: var(--moments-on-accent, #fff);
    --_b: var(--moments-bg, #fff);
    --_f: var(--moments-fg, #1d2330);
    --_m: var(--moments-muted, #545b6a);
    --_l: #7d8595;
    --_r: var(--_a);
    --_rad: var(--moments-radius, 12px);
    position: fixed;
    bottom: calc(16px + var(--_kb, 0px));
    inset-inline-end: 16px;
    z-index: 2147483000;
    display: block;
    width: min(360px, calc(100vw - 32px));
    font: 15px/1.4 var(--moments-font, system-ui, sans-serif);
    color: var(--_f);
    text-align: start;
  }
  @media (prefers-color-scheme: dark) {
    :host(:not([scheme='light'])) {
      --_b: var(--moments-bg, #1b1f27);
      --_f: var(--moments-fg, #eef1f6);
      --_m: var(--moments-muted, #b3bac7);
      --_l: #8a92a3;
      --_r: #9db8ff;
    }
  }
  :host([scheme='dark']) {
    --_b: var(--moments-bg, #1b1f27);
    --_f: var(--moments-fg, #eef1f6);
    --_m: var(--moments-muted, #b3bac7);
    --_l: #8a92a3;
    --_r: #9db8ff;
  }
  :host([placement='bottom-left']) {
    inset-inline: 16px auto;
  }
  :host([placement='center']) {
    inset: 0;
    margin: auto;
    height: fit-content;
  }
  :host([placement='inline']) {
    position: static;
    width: auto;
    max-width: 480px;
    z-index: auto;
  }
  :host([away='flip']) {
    inset-inline: 16px auto;
  }
  :host([away='flip'][placement='bottom-left']) {
    inset-inline: auto 16px;
  }
  [part='card']:modal {
    position: fixed;
    inset: 0;
    margin: auto;
    width: min(360px, calc(100vw - 8px));
    max-width: none;
    height: fit-content;
    color: inherit;
  }
  dialog::backdrop {
    background: rgb(0 0 0 / 45%);
  }
  [part='card'] {
    position: relative;
    box-sizing: border-box;
    max-height: calc(100dvh - 32px);
    overflow: auto;
    padding: 16px 20px 18px;
    background: var(--_b);
    border: 1px solid rgb(128 128 128 / 35%);
    border-radius: var(--_rad);
    box-shadow: 0 8px 28px rgb(0 0 0 / 18%);
  }
  [part='question'] {
    display: block;
    margin: 0 0 12px;
    margin-inline-end: 32px;
    font-weight: 600;
  }
  button,
  textarea {
    font: inherit;
    color: inherit;
  }
  [part='close'] {
    position: absolute;
    top: 8px;
    inset-inline-end: 8px;
    width: 32px;
    height: 32px;
    border: 0;
    border-radius: 50%;
    background: none;
    color: var(--_m);
    font-size: 20px;
    cursor: pointer;
  }
  [part='scale'] {
    display: grid;
    grid-auto-flow: column;
    grid-auto-columns: 1fr;
    gap: 4px;
  }
  [part='choices'] {
    display: grid;
    gap: 6px;
  }
  [part='option'] {
    min-width: 24px;
    min-height: 36px;
    padding: 0 2px;
    border: 1px solid var(--_l);
    border-radius: 6px;
    background: var(--_b);
    cursor: pointer;
  }
  [part='choices'] [part='option'] {
    padding: 6px 12px;
    text-align: start;
  }
  [part='option'] span {
    font-size: 1.4em;
    line-height: 1;
  }
  [part='option']:hover,
  [aria-checked='true'],
  [part='submit'] {
    background: var(--_a);
    border-color: var(--_x, var(--_a));
    color: var(--_on);
  }
  :focus-visible {
    outline: 3px solid var(--_r);
    outline-offset: 2px;
  }
  [part='labels'],
  [part='footer'] {
    display: flex;
    justify-content: space-between;
    align-items: center;
    gap: 8px;
    margin-top: 6px;
    color: var(--_m);
    font-size: 0.8em;
  }
  [part='field'] {
    display: block;
    box-sizing: border-box;
    width: 100%;
    min-height: 72px;
    padding: 8px;
    border: 1px solid var(--_l);
    border-radius: 6px;
    background: var(--_b);
    resize: vertical;
  }
  [part='submit'] {
    min-height: 36px;
    padding: 0 16px;
    border: 1px solid var(--_x, var(--_a));
    border-radius: 6px;
    font-size: 1.25em;
    font-weight: 600;
    cursor: pointer;
  }
  [part='submit']:disabled {
    opacity: 0.5;
    cursor: default;
  }
  [part='status'] {
    margin: 0;
    margin-inline-end: 32px;
    font-weight: 600;
  }
  .sr {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
  @media (max-width: 480px) {
    :host(:not([placement='inline'])) {
      inset: auto 0 var(--_kb, 0px);
      width: auto;
    }
    :host(:not([placement='inline'])) [part='card'] {
      border-radius: var(--_rad) var(--_rad) 0 0;
    }
  }
  @media (max-width: 360px) {
    [part='card'] {
      padding-inline: 8px;
    }
    [part='scale'] {
      gap: 2px;
    }
  }
  [part='tab'],
  :host([away~='tab']) [part='card'] {
    display: none;
  }
  :host([away~='tab']) {
    inset-block: auto calc(16px + var(--_kb, 0px));
    inset-inline: auto 16px;
    width: auto;
  }
  :host([away~='tab'][away~='flip']) {
    inset-inline: 16px auto;
  }
  :host([away~='tab']) [part='tab'] {
    display: block;
    min-height: 40px;
    padding: 0 16px;
    border: 1px solid var(--_l);
    border-radius: 20px;
    background: var(--_b);
    box-shadow: 0 4px 14px rgb(0 0 0 / 18%);
    font-weight: 600;
    cursor: pointer;
  }
  @media (prefers-reduced-motion: no-preference) {
    [part='card'] {
      animation: moments-in 160ms ease-out;
    }
  }
  @keyframes moments-in {
    from {
      opacity: 0;
      transform: translateY(8px);
    }
  }
  @media (forced-colors: active) {
    [aria-checked='true'] {
      forced-color-adjust: none;
      background: Highlight;
      color: HighlightText;
    }
    [part='submit']:disabled {
      color: GrayText;
      border-color: GrayText;
    }
  }
`;
