// SPDX-License-Identifier: MIT
// One moment's section of the results page: funnel, change, survey cards, comments, words, breakdowns.
import { escapeHtml as esc } from './html.mjs';
import { fmt, pct } from './format.mjs';
import { isUnhappy } from './metrics.mjs';
import { histogramSvg, trendSvg } from './svg.mjs';

/** The `<section>` of one moment of `summarise()`'s model. */
export function momentSection(m) {
  const change = m.change
    ? `<p class="change ${m.change.direction}" data-change="${m.change.direction}"><strong>${m.change.direction === 'worse' ? 'Got worse' : 'Got better'}:</strong> unhappy ${pct(m.change.previousShare)} in the previous period, ${pct(m.change.share)} now (p=${fmt(m.change.p, 3)}).</p>`
    : '';
  return `<section class="moment" data-moment-results="${esc(m.moment)}" aria-labelledby="${esc(anchor(m.moment))}"><h2 id="${esc(anchor(m.moment))}">Moment: ${esc(m.moment)}${m.priority === 'critical' ? ' <span class="tag critical">critical</span>' : ''}</h2>
${change}<dl class="funnel"><dt>Occurrences</dt><dd data-field="occurrences">${m.occurrences}${m.occurrencesBasis === 'triggered' ? '' : ` <span class="muted">(counted from ${m.occurrencesBasis}; report <code>triggered</code> for the true count)</span>`}</dd>
<dt>Shown</dt><dd data-field="shown">${m.shown}</dd><dt>Answered</dt><dd data-field="answers">${m.answers}</dd>
${m.skipped ? `<dt>Skipped</dt><dd data-field="skipped">${m.skipped} <span class="muted">(${esc(skipReasons(m.skippedReasons))})</span></dd>` : ''}<dt>Unhappy</dt><dd data-field="unhappy">${m.unhappy ? `${pct(m.unhappy.share)} <span class="muted">(95 % CI ${pct(m.unhappy.low)}–${pct(m.unhappy.high)}; ${m.unhappy.count} of ${m.unhappy.n})</span>` : '–'}</dd></dl>
<div class="cards">${m.surveys.map(surveyCard).join('')}</div>
${comments(m)}${words(m)}${breakdowns(m)}</section>`;
}

/** `fatigue 3, consent 2`: the reasons surveys were skipped, most frequent first. */
const skipReasons = (reasons) =>
  Object.entries(reasons)
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .map(([reason, n]) => `${reason} ${n}`)
    .join(', ');

const anchor = (moment) => `moment-${moment.replace(/[^\w-]/g, '_')}`;

function surveyCard(s) {
  const m = s.metric;
  const unit = m?.unit ?? '';
  const rate = s.responseRate
    ? `${pct(s.responseRate.value)} <span class="muted">(${pct(s.responseRate.low)}–${pct(s.responseRate.high)}; ${s.answers} of ${s.shown} shown)</span>`
    : '<span class="muted">– (no <code>shown</code> events reported)</span>';
  const headline = m
    ? `<p class="metric"><span class="value">${esc(m.label)} ${fmt(m.value, m.digits)}${unit}</span> <span class="muted">95 % CI ${fmt(m.low, m.digits)} to ${fmt(m.high, m.digits)}${unit} · n=${m.n}</span></p>`
    : '';
  const mean = m?.mean ? `<p class="muted">Mean ${fmt(m.mean.value, 2)} (95 % CI ${fmt(m.mean.low, 2)}–${fmt(m.mean.high, 2)})</p>` : '';
  const options = m?.options
    ? `<table class="options"><caption>Share per option</caption><tbody>${m.options.map((o) => `<tr><th scope="row">${esc(o.option)}</th><td>${fmt(o.value)} %</td><td class="muted">${fmt(o.low)}–${fmt(o.high)} %</td><td>${o.count}</td></tr>`).join('')}</tbody></table>`
    : '';
  let charts = '';
  if (s.scale) {
    const [min, max] = s.scale;
    const tone = (v) =>
      isUnhappy(s.type, v, { scale: max, faces: max })
        ? 'bad'
        : s.type === 'nps'
          ? v >= 9
            ? 'good'
            : 'mid'
          : v >= max - 1
            ? 'good'
            : 'mid';
    charts =
      histogramSvg(new Map(s.histogram), { min, max, tone, label: `${s.surveyId}: answers per score` }) +
      trendSvg(s.trend, { range: s.range, unit, label: `${s.surveyId}: ${m?.label ?? s.type} per day with 95 % interval` });
  }
  return `<article class="card" data-survey="${esc(s.surveyId)}"><h3>${esc(s.surveyId)} <small>(${esc(s.type)})</small></h3>${headline}${mean}
<dl><dt>Responses</dt><dd>${s.answers}</dd><dt>Response rate</dt><dd>${rate}</dd></dl>${options}
${charts}</article>`;
}

function comments(m) {
  if (!m.comments.length) return '';
  const items = m.comments
    .map(
      (c) =>
        `<li><blockquote>${esc(c.comment)}</blockquote><small class="muted">${esc(c.surveyId)} = ${esc(JSON.stringify(c.value))} · ${esc(c.answeredAt)} · <code>${esc(JSON.stringify(c.context ?? {}))}</code></small></li>`,
    )
    .join('');
  return `<h3>Latest unhappy comments</h3><ul class="comments">${items}</ul>`;
}

function words(m) {
  if (!m.words.length) return '';
  const items = m.words
    .map(
      (w) =>
        `<li data-word="${esc(w.word)}">${esc(w.word)} <small class="muted">z=${fmt(w.z, 1)} · ${w.unhappy} unhappy, ${w.happy} happy</small></li>`,
    )
    .join('');
  return `<h3>Words of unhappy comments</h3><ul class="words">${items}</ul>`;
}

function breakdowns(m) {
  const shown = m.breakdowns.filter((b) => b.groups.length > 0);
  const hidden = m.breakdowns.reduce((sum, b) => sum + b.hidden, 0);
  if (!shown.length) return hidden ? `<p class="muted">Breakdowns: every group has fewer than 20 answers so far.</p>` : '';
  const tables = shown
    .map(
      (b) =>
        `<table class="breakdown" data-breakdown="${esc(b.key)}"><caption>Unhappy by ${esc(b.key)}${b.hidden ? ` <small class="muted">(${b.hidden} groups under 20 answers hidden)</small>` : ''}</caption><tbody>${b.groups
          .map(
            (g) =>
              `<tr><th scope="row">${esc(g.value)}</th><td>${pct(g.share)}</td><td class="muted">${pct(g.low)}–${pct(g.high)}</td><td>n=${g.n}</td></tr>`,
          )
          .join('')}</tbody></table>`,
    )
    .join('');
  return `<h3>Breakdowns</h3>${tables}`;
}
