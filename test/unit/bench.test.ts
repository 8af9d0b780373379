// SPDX-License-Identifier: MIT
// @vitest-environment node
// The bench's arithmetic (bench/lib): the figures docs/benchmarks.md quotes are computed as documented.
import { describe, expect, it } from 'vitest';
import { markdownTable, median, ratio } from '../../bench/lib/results.mjs';
import { laterWork, longestTaskAfter, mainThreadFigures, scriptEvaluation, type TraceEvent } from '../../bench/lib/trace.mjs';

const MAIN = { pid: 1, tid: 7 };
const mark: TraceEvent = { name: 'bench:start', cat: 'blink.user_timing', ph: 'R', ...MAIN, ts: 1_000 };
const task = (ts: number, durMs: number, thread = MAIN): TraceEvent => ({
  name: 'RunTask',
  cat: 'disabled-by-default-devtools.timeline',
  ph: 'X',
  ...thread,
  ts,
  dur: durMs * 1000,
});
const evaluate = (name: string, durMs: number, url?: string): TraceEvent => ({
  name,
  cat: 'devtools.timeline',
  ph: 'X',
  ...MAIN,
  ts: 2_000,
  dur: durMs * 1000,
  args: name === 'v8.compileModule' ? { fileName: url } : { data: { url } },
});

describe('mainThreadFigures', () => {
  it('sums the tasks and finds the longest when they run on the marked thread after the mark', () => {
    const events = [mark, task(500, 40), task(1_500, 3), task(2_500, 7), task(3_000, 90, { pid: 1, tid: 8 })];
    const figures = mainThreadFigures(events, 'bench:start', []);
    expect(figures.busy).toBe(10);
    expect(figures.longestTask).toBe(7);
  });

  it('counts evaluation only for scripts whose URL names the SDK', () => {
    const events = [
      mark,
      evaluate('EvaluateScript', 2, 'http://127.0.0.1:1/moments/moments.js'),
      evaluate('EvaluateScript', 5, 'http://127.0.0.1:1/bench/harness.js'),
      evaluate('v8.compileModule', 1, 'http://127.0.0.1:1/moments/moments-ui.js'),
      evaluate('v8.evaluateModule', 0.5),
    ];
    expect(mainThreadFigures(events, 'bench:start', ['/moments/']).evaluation).toBe(3.5);
  });

  it('throws when the trace has no start mark', () => {
    expect(() => mainThreadFigures([task(1_500, 3)], 'bench:start', [])).toThrow(/no "bench:start" mark/);
  });
});

describe('scriptEvaluation and laterWork (a page view without a moment)', () => {
  const at = (name: string, ts: number, durMs: number, url?: string): TraceEvent => ({
    name,
    cat: 'devtools.timeline',
    ph: 'X',
    ...MAIN,
    ts,
    dur: durMs * 1000,
    ...(url ? { args: { data: { url } } } : {}),
  });
  const url = 'http://127.0.0.1:1/moments/moments.js';
  const events = [
    task(10_000, 6),
    at('EvaluateScript', 10_100, 4, url),
    task(20_000, 2),
    at('FunctionCall', 20_100, 1, url),
    task(30_000, 9),
    at('FunctionCall', 30_100, 8, 'http://127.0.0.1:1/bench/harness.js'),
    task(40_000, 3),
    at('FunctionCall', 40_200, 2, url),
  ];

  it("reads the script's EvaluateScript and the task that ran it", () => {
    const evaluation = scriptEvaluation(events, '/moments/moments.js');
    expect(evaluation?.ms).toBe(4);
    expect(evaluation?.task?.ts).toBe(10_000);
    expect(scriptEvaluation(events, '/vendor/posthog/array.js')).toBeUndefined();
  });

  it("counts only the later tasks in which the SDK's code ran", () => {
    const evaluation = scriptEvaluation(events, '/moments/moments.js')!;
    const later = laterWork(events, evaluation.event, '/moments/', evaluation.task!.ts + evaluation.task!.dur!);
    expect(later).toEqual({ count: 2, totalMs: 5, longestMs: 3, names: ['FunctionCall'] });
  });

  it('finds the longest task after the mark', () => {
    expect(longestTaskAfter([mark, task(500, 40), task(1_500, 3), task(2_500, 7)], 'bench:start')).toBe(7);
  });
});

describe('median', () => {
  it('takes the middle value when the count is odd, the mean of the two middle ones when even', () => {
    expect(median([9, 1, 5])).toBe(5);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBeNaN();
  });
});

describe('ratio', () => {
  it('formats value / base, and a dash when the base is zero or missing', () => {
    expect(ratio(171_157, 20_081)).toBe('8.5×');
    expect(ratio(122_168, 4_036)).toBe('30×');
    expect(ratio(5, 0)).toBe('—');
    expect(ratio(Number.NaN, 3)).toBe('—');
  });
});

describe('markdownTable', () => {
  it('right-aligns the columns whose cells are all numbers', () => {
    const table = markdownTable(
      ['SDK', 'gzip B'],
      [
        ['Moments', 4036],
        ['PostHog', 122168],
      ],
    );
    expect(table.split('\n')).toEqual(['| SDK     | gzip B |', '|---------|-------:|', '| Moments |   4036 |', '| PostHog | 122168 |']);
  });
});
