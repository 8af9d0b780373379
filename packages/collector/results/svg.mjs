// SPDX-License-Identifier: MIT
// Inline SVG charts, rendered on the server. Colours are presentation attributes, not `style`,
// so the page works under `Content-Security-Policy: default-src 'self'` with no script at all.
import { escapeHtml as esc } from './html.mjs';

const COLOURS = { bad: '#c2410c', mid: '#a3a3a3', good: '#15803d', line: '#2f5bd3', band: '#c7d5f5', axis: '#9ca3af' };
const fmt = (v, digits = 0) => (Number.isFinite(v) ? v.toFixed(digits) : '–');

/**
 * Bar chart of a score histogram (`Map<value, count>`) over `[min, max]`; bars are coloured by
 * `tone(value)` → `bad` | `mid` | `good`. Each bar has a `<title>` for hover and screen readers.
 */
export function histogramSvg(histogram, { min, max, tone, label }) {
  const width = 320;
  const height = 120;
  const values = Array.from({ length: max - min + 1 }, (_, i) => min + i);
  const top = Math.max(1, ...values.map((v) => histogram.get(v) ?? 0));
  const slot = width / values.length;
  const bars = values
    .map((v, i) => {
      const n = histogram.get(v) ?? 0;
      const h = Math.round((n / top) * (height - 24));
      const x = Math.round(i * slot + 2);
      return (
        `<g><title>${esc(`${v}: ${n}`)}</title><rect x="${x}" y="${height - 16 - h}" width="${Math.max(2, Math.round(slot - 4))}" height="${h}" fill="${COLOURS[tone(v)]}"/>` +
        `<text x="${x + slot / 2 - 2}" y="${height - 3}" font-size="10" text-anchor="middle" fill="#374151">${v}</text></g>`
      );
    })
    .join('');
  return `<svg class="chart" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-label="${esc(label)}">${bars}</svg>`;
}

/**
 * Line chart of a daily metric with its 95 % interval as a band. `points` are `{day, value, low,
 * high, n}`; the y axis spans `range`. With fewer than two days it says so instead of drawing.
 */
export function trendSvg(points, { range: [lo, hi], label, unit = '' }) {
  const width = 320;
  const height = 120;
  const pad = { left: 34, right: 6, top: 8, bottom: 18 };
  if (points.length < 2) return `<p class="muted">Trend: needs answers on two or more days.</p>`;
  const x = (i) => pad.left + (i / (points.length - 1)) * (width - pad.left - pad.right);
  const y = (v) => pad.top + (1 - (Math.min(hi, Math.max(lo, v)) - lo) / (hi - lo)) * (height - pad.top - pad.bottom);
  const band = [
    ...points.map((p, i) => `${x(i).toFixed(1)},${y(p.high).toFixed(1)}`),
    ...points.map((p, i) => `${x(i).toFixed(1)},${y(p.low).toFixed(1)}`).reverse(),
  ].join(' ');
  const line = points.map((p, i) => `${x(i).toFixed(1)},${y(p.value).toFixed(1)}`).join(' ');
  const dots = points
    .map(
      (p, i) =>
        `<circle cx="${x(i).toFixed(1)}" cy="${y(p.value).toFixed(1)}" r="2.5" fill="${COLOURS.line}"><title>${esc(`${p.day}: ${fmt(p.value, 1)}${unit} (95 % CI ${fmt(p.low, 1)}–${fmt(p.high, 1)}, n=${p.n})`)}</title></circle>`,
    )
    .join('');
  const axis =
    `<line x1="${pad.left}" y1="${height - pad.bottom}" x2="${width - pad.right}" y2="${height - pad.bottom}" stroke="${COLOURS.axis}"/>` +
    `<text x="${pad.left - 4}" y="${pad.top + 8}" font-size="10" text-anchor="end" fill="#374151">${hi}</text>` +
    `<text x="${pad.left - 4}" y="${height - pad.bottom}" font-size="10" text-anchor="end" fill="#374151">${lo}</text>` +
    `<text x="${pad.left}" y="${height - 4}" font-size="10" fill="#374151">${esc(points[0].day)}</text>` +
    `<text x="${width - pad.right}" y="${height - 4}" font-size="10" text-anchor="end" fill="#374151">${esc(points.at(-1).day)}</text>`;
  return (
    `<svg class="chart" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-label="${esc(label)}">` +
    `<polygon points="${band}" fill="${COLOURS.band}"/><polyline points="${line}" fill="none" stroke="${COLOURS.line}" stroke-width="2"/>${dots}${axis}</svg>`
  );
}

/**
 * Horizontal bars of each moment's unhappy share (0–100 %) with a whisker for its 95 % interval:
 * the "moments that hurt most" chart. `rows` are `summarise`'s moments that have an unhappy share.
 */
export function rankingSvg(rows) {
  const width = 560;
  const row = 30;
  const left = 130;
  const height = rows.length * row + 20;
  const x = (share) => left + share * (width - left - 60);
  const bars = rows
    .map((m, i) => {
      const y = i * row + 6;
      const { share: value, low, high, n } = m.unhappy;
      return (
        `<g><title>${esc(`${m.moment}: ${fmt(value * 100)} % unhappy (95 % CI ${fmt(low * 100)}–${fmt(high * 100)} %, n=${n})`)}</title>` +
        `<text x="${left - 8}" y="${y + 15}" font-size="13" text-anchor="end" fill="#1d2330">${esc(m.moment)}</text>` +
        `<rect x="${left}" y="${y + 3}" width="${Math.max(1, x(value) - left).toFixed(1)}" height="16" fill="${COLOURS.bad}"/>` +
        `<line x1="${x(low).toFixed(1)}" y1="${y + 11}" x2="${x(high).toFixed(1)}" y2="${y + 11}" stroke="#1d2330" stroke-width="1.5"/>` +
        `<text x="${(x(high) + 6).toFixed(1)}" y="${y + 15}" font-size="12" fill="#1d2330">${fmt(value * 100)} %</text></g>`
      );
    })
    .join('');
  const axis =
    `<line x1="${left}" y1="${height - 12}" x2="${x(1)}" y2="${height - 12}" stroke="${COLOURS.axis}"/>` +
    `<text x="${left}" y="${height - 1}" font-size="10" fill="#374151">0 %</text><text x="${x(1)}" y="${height - 1}" font-size="10" text-anchor="end" fill="#374151">100 %</text>`;
  return `<svg class="chart" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-label="Share of unhappy answers per moment, with 95 % confidence intervals">${bars}${axis}</svg>`;
}
