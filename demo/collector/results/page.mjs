// SPDX-License-Identifier: MIT
// The results page: plain server-rendered HTML + inline SVG + one same-origin stylesheet. No
// script, so it works under `default-src 'self'` and with JavaScript off.
import { escapeHtml as esc } from './html.mjs';
import { histogramSvg, rankingSvg, trendSvg } from './svg.mjs';

const SCALES = { nps: [0, 10], csat: [1, 5], ces: [1, 7] };
const fmt = (v, digits = 0) => (Number.isFinite(v) ? v.toFixed(digits) : '–');

/** Renders the whole page from `summarise()`'s model, the latest answers and the current query. */
export function renderResultsPage({ summary, latest, includeSample, endpoint }) {
  const { surveys, ranking, counts } = summary;
  const query = includeSample ? '' : '?sample=0';
  const byMoment = group(surveys); // Map.groupBy needs Node 21
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Moments · results per moment of truth</title><link rel="stylesheet" href="/results.css"></head>
<body><header><strong>Moments</strong> · results per moment of truth</header><main>
${sampleBanner(counts, includeSample)}
<p class="muted">${counts.answers} answers and ${counts.events} lifecycle events stored · endpoint <code>${esc(endpoint)}</code> ·
export <a href="/export.csv${query}">CSV</a> · <a href="/export.json${query}">JSON</a></p>
<section aria-labelledby="hurt"><h2 id="hurt">Moments that hurt most</h2>
${ranking.length ? `${rankingSvg(ranking)}${rankingTable(ranking)}` : '<p>No scored answers yet.</p>'}</section>
<div class="moments">${[...byMoment.entries()].map(([moment, list]) => momentSection(moment, list)).join('\n')}</div>
${latestTable(latest)}
<footer class="muted">Intervals are 95 %: NPS by the normal approximation on the promoter/passive/detractor variable,
CSAT (share of 4–5 on 1–5) and response rates by the Wilson score interval, CES (1–7, 7 = very easy) by mean ± 1.96·s/√n.
Unhappy: NPS 0–6, CSAT 1–2, CES 1–3; moments are ranked by the lower bound of their unhappy share.</footer>
</main></body></html>`;
}

function sampleBanner(counts, includeSample) {
  if (!counts.sample) return '';
  return includeSample
    ? `<p class="banner" role="note"><strong>Sample data:</strong> ${counts.sample} answers were seeded because the database was empty, so this page is never blank. <a href="?sample=0">Show real answers only</a></p>`
    : `<p class="banner" role="note">Showing real answers only (${counts.sample} sample answers hidden). <a href="?">Include sample data</a></p>`;
}

function rankingTable(ranking) {
  const rows = ranking
    .map(
      (m, i) =>
        `<tr><td>${i + 1}</td><td>${esc(m.moment)}</td><td>${fmt(m.share.value * 100)} %</td><td>${fmt(m.share.low * 100)}–${fmt(m.share.high * 100)} %</td><td>${m.unhappy} of ${m.scored}</td><td>${esc(m.surveys.join(', '))}</td></tr>`,
    )
    .join('');
  return `<table class="ranking"><thead><tr><th>#</th><th>moment</th><th>unhappy</th><th>95 % CI</th><th>answers</th><th>surveys</th></tr></thead><tbody>${rows}</tbody></table>`;
}

function momentSection(moment, surveys) {
  return `<section class="moment" data-moment-results="${esc(moment)}" aria-label="${esc(`moment ${moment}`)}"><h2>Moment: ${esc(moment)}</h2><div class="cards">${surveys.map(surveyCard).join('')}</div></section>`;
}

function surveyCard(s) {
  const m = s.metric;
  const [min, max] = SCALES[s.type] ?? [0, 10];
  const tone = (v) => (m?.unhappy(v) ? 'bad' : s.type === 'nps' ? (v >= 9 ? 'good' : 'mid') : v >= max - 1 ? 'good' : 'mid');
  const rate = s.responseRate
    ? `${fmt(s.responseRate.value * 100)} % <span class="muted">(${fmt(s.responseRate.low * 100)}–${fmt(s.responseRate.high * 100)} %; ${s.answers} of ${s.shown} shown)</span>`
    : '<span class="muted">– (no <code>shown</code> events reported)</span>';
  const headline = m
    ? `<p class="metric"><span class="value">${m.label} ${fmt(m.value, s.type === 'ces' ? 2 : 0)}${m.unit}</span> <span class="muted">95 % CI ${fmt(m.low, s.type === 'ces' ? 2 : 0)} to ${fmt(m.high, s.type === 'ces' ? 2 : 0)}${m.unit} · n=${m.n}</span></p>`
    : `<p class="metric muted">${esc(s.type)}: no score summary for this question type</p>`;
  return `<article class="card" data-survey="${esc(s.surveyId)}"><h3>${esc(s.surveyId)} <small>(${esc(s.type ?? '?')})</small></h3>${headline}
<dl><dt>Responses</dt><dd>${s.answers}</dd><dt>Response rate</dt><dd>${rate}</dd></dl>
${m ? histogramSvg(s.histogram, { min, max, tone, label: `${s.surveyId}: answers per score` }) : ''}
${m ? trendSvg(s.trend, { range: m.range, unit: m.unit, label: `${s.surveyId}: ${m.label} per day with 95 % interval` }) : ''}</article>`;
}

function latestTable(latest) {
  const rows = latest
    .map(
      (a) =>
        `<tr><td>${esc(a.answeredAt)}</td><td>${esc(a.moment)}</td><td>${esc(a.surveyId)}</td><td class="score">${esc(JSON.stringify(a.value))}</td><td><code>${esc(JSON.stringify(a.context ?? {}))}</code></td><td>${a.sample ? '<span class="tag">sample</span>' : ''}</td></tr>`,
    )
    .join('');
  return `<section aria-labelledby="latest"><h2 id="latest">Latest answers</h2><table class="latest"><thead><tr><th>answered at</th><th>moment</th><th>survey</th><th>value</th><th>context</th><th></th></tr></thead><tbody>${rows}</tbody></table></section>`;
}

function group(list) {
  const map = new Map();
  for (const s of list) map.set(s.moment, [...(map.get(s.moment) ?? []), s]);
  return map;
}
