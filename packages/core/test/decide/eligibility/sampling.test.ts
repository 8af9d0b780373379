// SPDX-License-Identifier: MIT
// Sticky sampling as docs/config.md promises it: at `sample: 0.5` about half the visitors are
// asked, and each visitor gets the same decision on every visit.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createMemoryStateStorage } from '../../../src/eager/storage/stateStorage.js';
import { nps, settle, setup } from '../../helpers.js';

beforeEach(() => void vi.useFakeTimers());
afterEach(() => void vi.useRealTimers());

const VISITORS = 40;
const VISITS = 5;

/** One visit (a fresh client on the visitor's stored state): whether the survey was shown. */
async function visit(storage: ReturnType<typeof createMemoryStateStorage>): Promise<boolean> {
  const h = setup({ surveys: [nps({ sample: 0.5 })] }, { stateStorage: storage });
  h.runtime.trigger('purchase');
  await settle();
  expect(h.shown.length + h.skipped.length).toBe(1);
  if (h.skipped.length) expect(h.skipped[0]!.reason).toBe('sampled-out');
  h.runtime.destroy();
  return h.shown.length === 1;
}

describe('sample', () => {
  it('gives each visitor the same decision on every visit at sample 0.5, and asks about half of them', async () => {
    const firstDecisions: boolean[] = [];
    for (let i = 0; i < VISITORS; i++) {
      const storage = createMemoryStateStorage();
      await storage.write({ visitorId: `visitor-${i}` });
      const decisions: boolean[] = [];
      for (let v = 0; v < VISITS; v++) decisions.push(await visit(storage));
      expect(new Set(decisions).size, `visitor-${i}: ${decisions.join(', ')}`).toBe(1);
      firstDecisions.push(decisions[0]!);
    }
    const asked = firstDecisions.filter(Boolean).length;
    expect(asked).toBeGreaterThanOrEqual(VISITORS * 0.25);
    expect(asked).toBeLessThanOrEqual(VISITORS * 0.75);
  });
});
