// SPDX-License-Identifier: MIT
// The Answer as docs/config.md and DESIGN.md describe it: it carries the survey's priority.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Answer } from '../../src/types.js';
import { nps, settle, setup } from '../helpers.js';

beforeEach(() => void vi.useFakeTimers());
afterEach(() => void vi.useRealTimers());

async function answerOf(survey: ReturnType<typeof nps>): Promise<Answer> {
  const h = setup({ surveys: [survey] });
  const answers: Answer[] = [];
  h.runtime.on('answered', ({ answer }) => answers.push(answer));
  h.runtime.trigger('purchase');
  await settle();
  await h.shown[0]!.handlers.answer(8);
  return answers[0]!;
}

describe('Answer', () => {
  it("carries the survey's priority, encounter by default", async () => {
    expect((await answerOf(nps({ priority: 'critical' }))).priority).toBe('critical');
    expect((await answerOf(nps())).priority).toBe('encounter');
  });
});
