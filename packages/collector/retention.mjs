// SPDX-License-Identifier: MIT
// `--retain-days N`: answers and events older than N days are deleted at start and then daily.
// The log says how many rows went, never what they held.
const DAY = 86_400_000;

/** Deletes rows older than `days` now and every `everyMs` (a day); returns `{runOnce, stop}`. */
export function startRetention({ store, days, log = {}, everyMs = DAY, now = () => Date.now() }) {
  async function runOnce() {
    try {
      const before = new Date(now() - days * DAY).toISOString();
      const deleted = await store.deleteBefore(before);
      log.info?.(`retention: deleted ${deleted.answers} answers and ${deleted.events} events older than ${days} days`);
      return deleted;
    } catch (error) {
      log.error?.(`retention: ${error.message}`);
      return undefined;
    }
  }
  const timer = setInterval(runOnce, everyMs);
  timer.unref();
  const first = runOnce();
  return { first, runOnce, stop: () => clearInterval(timer) };
}
