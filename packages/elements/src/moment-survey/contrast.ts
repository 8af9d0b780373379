// SPDX-License-Identifier: MIT
// WCAG contrast of the brand accent, measured on the rendered card (the accent may come from
// `theme.accent` or the page's `--moments-accent`, in any CSS colour syntax, in either scheme).

/**
 * WCAG relative luminance + 0.05 of a computed `rgb()`/`rgba()` colour (so a contrast ratio is
 * a plain quotient); undefined for other syntaxes, which are then not checked.
 */
const luminance = (color: string): number | undefined => {
  if (!color.startsWith('rgb')) return undefined;
  const [r, g, b] = color.match(/[\d.]+/g)!.map((v) => {
    const c = Number(v) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b! + 0.05;
};

const ratio = (a: number, b: number): number => (a > b ? a / b : b / a);

/**
 * Keeps a rendered card AA whatever its accent: text on the accent turns black or white when
 * its contrast is under 4.5:1, and an accent under 3:1 against the card gives the focus ring
 * and the borders of accent-filled controls the text colour. Returns a message to report
 * when the accent itself is under 3:1, else undefined.
 */
export function fixContrast(host: HTMLElement): string | undefined {
  const card = host.shadowRoot?.querySelector<HTMLElement>('[part="card"]');
  if (!card) return undefined;
  const style = host.style;
  for (const prop of ['--_on', '--_r', '--_x']) style.removeProperty(prop);
  const css = getComputedStyle(card);
  // A custom property computes to its raw text: resolve it through a real colour property.
  const resolve = (value: string): number | undefined => {
    card.style.outlineColor = value;
    const l = luminance(css.outlineColor);
    card.style.outlineColor = '';
    return l;
  };
  const accent = resolve('var(--_a)');
  const on = resolve('var(--_on)');
  const bg = luminance(css.backgroundColor);
  if (!accent || !on || !bg) return undefined;
  // Black (0.05) reads better than white (1.05) once accent / 0.05 > 1.05 / accent.
  if (ratio(accent, on) < 4.5) style.setProperty('--_on', accent * accent > 0.0525 ? '#000' : '#fff');
  const contrast = ratio(accent, bg);
  if (contrast >= 3) return undefined;
  // The ring is the accent in the light scheme: it needs the same help.
  style.setProperty('--_r', css.color);
  style.setProperty('--_x', css.color);
  return `accent has ${contrast.toFixed(2)}:1 contrast against the card (under 3:1): outlines use the text colour`;
}
