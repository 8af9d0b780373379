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

/** The main-thread `RunTask` events of the renderer thread that ran `event`, in time order. */
function tasksOf(events, event) {
  return events
    .filter((e) => e.name === 'RunTask' && e.ph === 'X' && e.pid === event.pid && e.tid === event.tid)
    .sort((a, b) => a.ts - b.ts);
}

const urlOf = (e) => e.args?.data?.url ?? e.args?.fileName ?? '';

/**
 * The top-level evaluation of the classic script whose URL contains `urlPart`: the wall time of
 * its `EvaluateScript` event (compile, run, and the microtasks it queued), in ms, with the task
 * that ran it; `undefined` when the trace has none.
 */
export function scriptEvaluation(events, urlPart) {
  const evaluation = events.find((e) => e.name === 'EvaluateScript' && e.ph === 'X' && urlOf(e).includes(urlPart));
  if (!evaluation) return undefined;
  const task = tasksOf(events, evaluation).find((t) => t.ts <= evaluation.ts && t.ts + t.dur >= evaluation.ts + evaluation.dur);
  return { ms: evaluation.dur / 1000, event: evaluation, task };
}

/**
 * The main-thread tasks after `afterTs` (µs) in which code from a URL containing `urlPart` ran
 * (a function call, a script or module compiled or evaluated, a timer or idle callback of it):
 * `{count, totalMs, longestMs, names}`, `names` being the kinds of work seen (FunctionCall, …).
 */
export function laterWork(events, anchor, urlPart, afterTs) {
  const onThread = events.filter((e) => e.ph === 'X' && e.pid === anchor.pid && e.tid === anchor.tid);
  const ours = onThread.filter((e) => e.ts > afterTs && e.name !== 'RunTask' && urlOf(e).includes(urlPart));
  const tasks = tasksOf(events, anchor).filter((t) => t.ts > afterTs && ours.some((e) => e.ts >= t.ts && e.ts <= t.ts + t.dur));
  const names = [...new Set(ours.map((e) => e.name))];
  const durations = tasks.map((t) => t.dur / 1000);
  return {
    count: tasks.length,
    totalMs: durations.reduce((a, b) => a + b, 0),
    longestMs: durations.length ? Math.max(...durations) : 0,
    names,
  };
}

/** The longest main-thread task after the user-timing mark `startMark`, in ms. */
export function longestTaskAfter(events, startMark) {
  const mark = events.find((e) => e.name === startMark && e.cat.includes('blink.user_timing'));
  if (!mark) throw new Error(`trace has no "${startMark}" mark`);
  return tasksOf(events, mark)
    .filter((t) => t.ts >= mark.ts)
    .reduce((longest, t) => Math.max(longest, t.dur / 1000), 0);
}
