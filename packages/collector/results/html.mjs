// SPDX-License-Identifier: MIT
/** Escapes text for HTML element content and quoted attributes: answers are untrusted input. */
export function escapeHtml(value) {
  return String(value).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
