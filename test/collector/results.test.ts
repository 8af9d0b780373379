// SPDX-License-Identifier: MIT
// The results page and exports, served by a collector on loopback.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RESULTS_CSP, sampleData, startCollector, type RunningCollector } from '@moments/collector';
import { makeAnswer, makeShown, post } from './fixtures.js';

let running: RunningCollector;
const page = async (query = '') => (await fetch(`${running.url}/${query}`)).text();

beforeAll(async () => {
  running = await startCollector({ seed: true });
});
afterAll(() => running.close());

/** The text of one moment's section of the page. */
function section(html: string, moment: string): string {
  const start = html.indexOf(`data-moment-results="${moment}"`);
  expect(start).toBeGreaterThan(-1);
  return html.slice(start, html.indexOf('</section>', start));
}

describe('seedIfEmpty', () => {
  it('seeds sample answers and shown events into an empty database, marked as sample', async () => {
    const counts = await running.store.counts();
    expect(running.seeded).toBeGreaterThan(50);
    expect(counts.sample).toBe(running.seeded);
    expect(counts.events).toBeGreaterThan(counts.answers);
    const html = await page();
    expect(html).toContain('<strong>Sample data:</strong>');
    expect(html).toMatch(/<span class="tag">sample<\/span>/);
  });

  it('builds the same sample every time (deterministic)', () => {
    expect(sampleData({ now: 0 })).toEqual(sampleData({ now: 0 }));
  });
});

describe('results page', () => {
  it('is plain HTML with SVG charts, no script, under a strict CSP', async () => {
    const response = await fetch(`${running.url}/`);
    const html = await response.text();
    expect(response.headers.get('content-security-policy')).toBe(RESULTS_CSP);
    expect(html).not.toMatch(/<script|\sstyle=|\son\w+=/i);
    expect(html).toContain('<svg');
    expect(html).toContain('Moments that hurt most');
  });

  it('shows each moment with its survey, metric, 95 % interval and response rate', async () => {
    const html = await page();
    for (const [moment, label] of [
      ['purchase', 'NPS'],
      ['delivery', 'CSAT'],
      ['support-close', 'CES'],
    ] as const) {
      const text = section(html, moment);
      expect(text).toContain(`${label} `);
      expect(text).toMatch(/95 % CI -?\d/);
      expect(text).toMatch(/Response rate<\/dt><dd>\d+ %/);
    }
  });

  it('counts real answers per moment and shows them without the sample when ?sample=0', async () => {
    await post(running.url, {
      answers: [
        makeAnswer({ moment: 'gift-wrap', surveyId: 'wrap-csat', question: { type: 'csat', text: 'Wrap?' }, value: 1 }),
        makeAnswer({ moment: 'gift-wrap', surveyId: 'wrap-csat', question: { type: 'csat', text: 'Wrap?' }, value: 5 }),
      ],
      events: [
        makeShown({ moment: 'gift-wrap', surveyId: 'wrap-csat' }),
        makeShown({ moment: 'gift-wrap', surveyId: 'wrap-csat' }),
        makeShown({ moment: 'gift-wrap', surveyId: 'wrap-csat' }),
        makeShown({ moment: 'gift-wrap', surveyId: 'wrap-csat' }),
      ],
    });
    const real = await page('?sample=0');
    expect(real).not.toContain('data-moment-results="purchase"');
    const wrap = section(real, 'gift-wrap');
    expect(wrap).toContain('CSAT 50%');
    expect(wrap).toContain('Responses</dt><dd>2</dd>');
    expect(wrap).toContain('50 % <span class="muted">(');
    expect(wrap).toContain('2 of 4 shown');
  });

  it('ranks moments by unhappy customers per week, most first', async () => {
    // 1,000 unhappy answers in 28 days: ~250 a week, more than the sample's worst moment.
    for (let i = 0; i < 2; i++) {
      const reply = await post(running.url, {
        answers: Array.from({ length: 500 }, () =>
          makeAnswer({ moment: 'returns', surveyId: 'returns-nps', value: 1, context: {}, comment: undefined }),
        ),
      });
      expect(reply.status).toBe(200);
    }
    const html = await page();
    const ranking = html.slice(html.indexOf('<table class="ranking">'), html.indexOf('</table>', html.indexOf('<table class="ranking">')));
    expect(ranking.match(/<tr data-moment="([^"]+)"><td>1<\/td>/)?.[1]).toBe('returns');
  });

  it('escapes answer text so a hostile moment name cannot inject markup', async () => {
    await post(running.url, { answers: [makeAnswer({ moment: '<img src=x onerror=alert(1)>' })] });
    const html = await page();
    expect(html).not.toContain('<img src=x');
    expect(html).toContain('&#60;img src=x onerror=alert(1)&#62;');
  });
});

describe('exports', () => {
  it('exports every answer as JSON and as CSV with a header, quoting and formula guards', async () => {
    const tricky = makeAnswer({ moment: 'support-close', comment: '=HYPERLINK("x"), "quoted"', context: { ticketId: 'T-1' } });
    await post(running.url, { answers: [tricky] });
    const json = (await (await fetch(`${running.url}/export.json?sample=0`)).json()) as { answers: { id: string; sample: boolean }[] };
    expect(json.answers.find((a) => a.id === tricky['id'])).toMatchObject({ comment: tricky['comment'], sample: false });
    expect(json.answers.every((a) => !a.sample)).toBe(true);
    const csvResponse = await fetch(`${running.url}/export.csv`);
    expect(csvResponse.headers.get('content-type')).toContain('text/csv');
    const lines = (await csvResponse.text()).trimEnd().split('\r\n');
    expect(lines[0]).toBe('id,answeredAt,moment,surveyId,questionType,value,comment,context,priority,visitorId,url,locale,device,sample');
    expect(lines).toHaveLength((await running.store.counts()).answers + 1);
    const line = lines.find((l) => l.startsWith(`${String(tricky['id'])},`))!;
    expect(line).toContain(`"'=HYPERLINK(""x""), ""quoted"""`);
    expect(line).toContain('"{""ticketId"":""T-1""}"');
  });
});
