// SPDX-License-Identifier: MIT
// WCAG contrast of the brand accent, measured on the rendered card (the accent may come from
// `theme.accent` or the page's `--moments-accent`, in any CSS colour syntax, in either scheme).

type Rgb = number[];

const BLACK: Rgb = [0, 0, 0];
const WHITE: Rgb = [255, 255, 255];

/** Channels of a computed `rgb()`/`rgba()` colour; undefined for other syntaxes (then no check). */
const parse = (color: string): Rgb | undefined =>
  color.startsWith('rgb')
    ? color
        .match(/[\d.]+/g)!
        .slice(0, 3)
        .map(Number)
    : undefined;

const luminance = (rgb: Rgb): number => {
  const [r, g, b] = rgb.map((c) => (c / 255 <= 0.04045 ? c / 255 / 12.92 : ((c / 255 + 0.055) / 1.055) ** 2.4));
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
};

/** WCAG contrast ratio of two colours, 1 to 21. */
export function contrastRatio(a: Rgb, b: Rgb): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (light! + 0.05) / (dark! + 0.05);
}

/**
 * Keeps a rendered card AA whatever its accent: text on the accent turns black or white when
 * its contrast is under 4.5:1, and an accent under 3:1 against the card gives the focus ring
 * and the borders of accent-filled controls the text colour. Returns a message to report
 * when the accent itself is under 3:1, else undefined.
 */
export function fixContrast(host: HTMLElement): string | undefined {
  const card = host.shadowRoot?.querySelector<HTMLElement>('[part="card"]');
  if (!card) return undefined;
  for (const prop of ['--_on', '--_r', '--_x']) host.style.removeProperty(prop);
  const css = getComputedStyle(card);
  // A custom property computes to its raw text: resolve it through a real colour property.
  const resolve = (value: string): Rgb | undefined => {
    card.style.outlineColor = value;
    const rgb = parse(css.outlineColor);
    card.style.outlineColor = '';
    return rgb;
  };
  const accent = resolve('var(--_a)');
  const on = resolve('var(--_on)');
  const bg = parse(css.backgroundColor);
  if (!accent || !on || !bg) return undefined;
  if (contrastRatio(accent, on) < 4.5)
    host.style.setProperty('--_on', contrastRatio(accent, BLACK) > contrastRatio(accent, WHITE) ? '#000' : '#fff');
  const ratio = contrastRatio(accent, bg);
  if (ratio >= 3) return undefined;
  // The ring is the accent in the light scheme: it needs the same help.
  host.style.setProperty('--_r', css.color);
  host.style.setProperty('--_x', css.color);
  return `accent has ${ratio.toFixed(2)}:1 contrast against the card (under 3:1): outlines use the text colour`;
}
