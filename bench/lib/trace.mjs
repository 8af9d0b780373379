// SPDX-License-Identifier: MIT
// Records a Chromium trace (CDP `Tracing`, devtools.timeline categories) around an action and
// reads main-thread figures from it: total task time, the longest task, script evaluation.
const CATEGORIES = ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8', 'blink.user_timing'];

/** Runs `action()` while tracing; resolves with `{value, events}` (the action's result, the trace events). */
export async function traceDuring(cdp, action) {
  const events = [];
  const onData = ({ value }) => events.push(...value);
  cdp.on('Tracing.dataCollected', onData);
  await cdp.send('Tracing.start', { transferMode: 'ReportEvents', traceConfig: { includedCategories: CATEGORIES } });
  let value;
  try {
    value = await action();
  } finally {
    const complete = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
    await cdp.send('Tracing.end');
    await complete;
    cdp.off('Tracing.dataCollected', onData);
  }
  return { value, events };
}

/**
 * Main-thread figures after the user-timing mark `startMark`, on the thread that recorded it
 * (the page's renderer main thread), in ms: `busy` = sum of all tasks, `longestTask`, and
 * `evaluation` = compiling and running the top level of the scripts whose URL contains one of
 * `urlParts` (classic scripts: EvaluateScript; modules: v8.compileModule + v8.evaluateModule).
 */
export function mainThreadFigures(events, startMark, urlParts) {
  const mark = events.find((e) => e.name === startMark && e.cat.includes('blink.user_timing'));
  if (!mark) throw new Error(`trace has no "${startMark}" mark`);
  const onMain = (e) => e.pid === mark.pid && e.tid === mark.tid && e.ph === 'X' && e.ts >= mark.ts;
  const ours = (e) => {
    const url = e.args?.data?.url ?? e.args?.fileName ?? '';
    return urlParts.some((part) => url.includes(part));
  };
  let busy = 0;
  let longestTask = 0;
  let evaluation = 0;
  for (const e of events) {
    if (!onMain(e)) continue;
    const duration = (e.dur ?? 0) / 1000;
    if (e.name === 'RunTask') {
      busy += duration;
      longestTask = Math.max(longestTask, duration);
    } else if ((e.name === 'EvaluateScript' || e.name === 'v8.compileModule') && ours(e)) evaluation += duration;
    // evaluateModule names no URL; only the SDK's own modules are evaluated after the mark.
    else if (e.name === 'v8.evaluateModule') evaluation += duration;
  }
  return { busy, longestTask, evaluation };
}
