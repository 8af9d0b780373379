// SPDX-License-Identifier: MIT
import { css } from 'lit';

// Adopted as a constructable stylesheet by Lit: no <style> text, so strict CSP (no
// 'unsafe-inline') still applies it. Fixed position: the card never shifts the page's layout.
export const styles = css`
  :host {
    --moments-accent: #2f5bd3;
    --moments-bg: #ffffff;
    --moments-fg: #1d2330;
    --moments-muted: #555d6e;
    --moments-radius: 12px;
    --moments-font: system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif;
    position: fixed;
    inset: auto 16px 16px auto;
    z-index: 2147483000;
    display: block;
    width: min(360px, calc(100vw - 32px));
    font: 15px/1.4 var(--moments-font);
    color: var(--moments-fg);
  }
  [part='card'] {
    position: relative;
    box-sizing: border-box;
    padding: 16px 20px 18px;
    background: var(--moments-bg);
    border-radius: var(--moments-radius);
    box-shadow: 0 8px 28px rgb(0 0 0 / 18%);
    border: 1px solid rgb(0 0 0 / 8%);
  }
  [part='question'] {
    margin: 0 32px 12px 0;
    font-size: 1em;
    font-weight: 600;
  }
  [part='close'] {
    position: absolute;
    top: 8px;
    right: 8px;
    width: 32px;
    height: 32px;
    border: 0;
    border-radius: 50%;
    background: transparent;
    color: var(--moments-muted);
    font-size: 20px;
    line-height: 1;
    cursor: pointer;
  }
  [part='scale'] {
    display: grid;
    grid-template-columns: repeat(11, 1fr);
    gap: 4px;
  }
  [part~='option'] {
    min-width: 24px;
    min-height: 32px;
    padding: 0;
    border: 1px solid #8a92a3;
    border-radius: 6px;
    background: var(--moments-bg);
    color: var(--moments-fg);
    font: inherit;
    cursor: pointer;
  }
  [part~='option']:hover,
  [part~='option'][aria-checked='true'] {
    background: var(--moments-accent);
    border-color: var(--moments-accent);
    color: #fff;
  }
  button:focus-visible {
    outline: 3px solid var(--moments-accent);
    outline-offset: 2px;
  }
  [part='labels'] {
    display: flex;
    justify-content: space-between;
    margin-top: 6px;
    color: var(--moments-muted);
    font-size: 0.8em;
  }
  [part='thanks'] {
    margin: 0;
    font-weight: 600;
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
`;
