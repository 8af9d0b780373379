// SPDX-License-Identifier: MIT
// The results page: plain server-rendered HTML + inline SVG + one same-origin stylesheet. No
// script, so it works under `default-src 'self'` and with JavaScript off; prints on paper too.
import { escapeHtml as esc } from './html.mjs';
import { isUnhappy } from './metrics.mjs';
import { momentSection } from './momentSection.mjs';
import { fmt, pct } from './format.mjs';
import { rankingSvg } from './svg.mjs';

/** Renders the whole page from `summarise()`'s model, the latest answers and the current query. */
export function renderResultsPage({ summary, latest, counts, includeSample, endpoint, query = '' }) {
  const ranked = summary.moments.filter((m) => m.unhappy);
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Moments · results per moment of truth</title><link rel="stylesheet" href="/results.css"></head>
<body><header><strong>Moments</strong> · results per moment of truth</header><main>
${sampleBanner(counts, includeSample)}
${periodForm(summary, includeSample)}
<p class="muted">${counts.answers} answers and ${counts.events} lifecycle events stored · endpoint <code>${esc(endpoint)}</code> ·
export <a href="/export.csv${query}">CSV</a> · <a href="/export.json${query}">JSON</a> · <a href="/api/results${query}">JSON API</a></p>
<section aria-labelledby="hurt"><h2 id="hurt">Moments that hurt most</h2>
${summary.moments.length ? `${ranked.length ? rankingSvg(ranked) : ''}${rankingTable(summary.moments)}` : '<p>No answers in this period yet.</p>'}
${summary.hiddenMoments ? `<p class="muted" data-hidden-moments="${summary.hiddenMoments}">${summary.hiddenMoments} more moments that no survey declares are not shown (the busiest ${summary.moments.filter((m) => !m.known).length} are). Give the collector your surveys (<code>--surveys</code>) to always show yours.</p>` : ''}</section>
<div class="moments">${summary.moments.map(momentSection).join('\n')}</div>
${latestTable(latest)}
<footer class="muted">Period ${esc(summary.from.slice(0, 10))} to ${esc(summary.to.slice(0, 10))} (${fmt(summary.days, 0)} days), compared with the ${fmt(summary.days, 0)} days before.
Intervals are 95 %: NPS by the normal approximation on the promoter/passive/detractor variable; shares (CSAT, top two, thumbs up, choices,
unhappy, response rates) by the Wilson score interval; means (CES, ratings, emoji) by mean ± 1.96·s/√n.
Unhappy: NPS 0–6, CSAT 1–2, CES 1–3, rating and emoji the lowest 40 % of the scale, thumbs down, and the choices a survey marks unhappy.
Pain per week is the unhappy share's lower bound × occurrences per week (occurrences: <code>triggered</code> events, else <code>shown</code>, else answers).
A change is flagged when the unhappy share differs from the previous period with p &lt; 0.05 (two-proportion z-test, at least 30 answers in each).
Distinctive words: weighted log-odds with an informative Dirichlet prior (Monroe et al. 2008), z ≥ 1.96. Breakdown groups under 20 answers are hidden.</footer>
</main></body></html>`;
}

function periodForm(summary, includeSample) {
  return `<form class="period" method="get" action="/"><label>From <input type="date" name="from" value="${esc(summary.from.slice(0, 10))}"></label>
<label>To <input type="date" name="to" value="${esc(new Date(Date.parse(summary.to) - 1).toISOString().slice(0, 10))}"></label>${includeSample ? '' : '<input type="hidden" name="sample" value="0">'}<button type="submit">Show</button></form>`;
}

function sampleBanner(counts, includeSample) {
  if (!counts.sample) return '';
  return includeSample
    ? `<p class="banner" role="note"><strong>Sample data:</strong> ${counts.sample} answers were seeded because the database was empty, so this page is never blank. <a href="?sample=0">Show real answers only</a></p>`
    : `<p class="banner" role="note">Showing real answers only (${counts.sample} sample answers hidden). <a href="?">Include sample data</a></p>`;
}

function changeText(change) {
  if (!change) return '<span class="muted">no significant change</span>';
  return `<span class="change ${change.direction}">${change.direction === 'worse' ? '▲ worse' : '▼ better'}: ${pct(change.previousShare)} → ${pct(change.share)} (p=${fmt(change.p, 3)})</span>`;
}

function rankingTable(moments) {
  const rows = moments
    .map(
      (m, i) =>
        `<tr data-moment="${esc(m.moment)}"><td>${i + 1}</td><th scope="row">${esc(m.moment)}${m.priority === 'critical' ? ' <span class="tag critical">critical</span>' : ''}</th>` +
        `<td data-field="occurrences">${m.occurrences}${m.occurrencesBasis === 'triggered' ? '' : ` <small class="muted">(${m.occurrencesBasis})</small>`}</td><td data-field="shown">${m.shown}</td><td data-field="answers">${m.answers}</td>` +
        `<td data-field="unhappy">${m.unhappy ? pct(m.unhappy.share) : '–'}</td><td data-field="interval">${m.unhappy ? `${pct(m.unhappy.low)}–${pct(m.unhappy.high)}` : '–'}</td>` +
        `<td data-field="pain">${m.painPerWeek === null ? '–' : fmt(m.painPerWeek, 1)}</td><td data-field="change">${changeText(m.change)}</td></tr>`,
    )
    .join('');
  return `<table class="ranking"><caption>Ranked by unhappy customers per week</caption><thead><tr><th scope="col">#</th><th scope="col">moment</th><th scope="col">occurrences</th><th scope="col">shown</th><th scope="col">answered</th><th scope="col">unhappy</th><th scope="col">95 % CI</th><th scope="col">unhappy per week</th><th scope="col">change</th></tr></thead><tbody>${rows}</tbody></table>`;
}

function latestTable(latest) {
  const rows = latest
    .map(
      (a) =>
        `<tr${isUnhappy(a.question?.type, a.value) ? ' class="unhappy"' : ''}><td>${esc(a.answeredAt)}</td><td>${esc(a.moment)}</td><td>${esc(a.surveyId)}</td><td class="score">${esc(JSON.stringify(a.value))}</td><td><code>${esc(JSON.stringify(a.context ?? {}))}</code></td><td>${a.sample ? '<span class="tag">sample</span>' : ''}</td></tr>`,
    )
    .join('');
  return `<section aria-labelledby="latest"><h2 id="latest">Latest answers</h2><table class="latest"><thead><tr><th scope="col">answered at</th><th scope="col">moment</th><th scope="col">survey</th><th scope="col">value</th><th scope="col">context</th><th scope="col"><span class="visually-hidden">sample</span></th></tr></thead><tbody>${rows}</tbody></table></section>`;
}
