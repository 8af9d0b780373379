// SPDX-License-Identifier: MIT
import { describe, expect, it } from 'vitest';
import { createRateLimiter } from '@moments/collector';

describe('createRateLimiter', () => {
  it('passes a burst, then asks for the seconds until the next token', () => {
    const limiter = createRateLimiter({ rate: 0.5, burst: 2 }); // one token every 2 s
    expect([limiter.take('a', 0), limiter.take('a', 0), limiter.take('a', 0)]).toEqual([0, 0, 2]);
  });

  it('refills at the configured rate as time passes', () => {
    const limiter = createRateLimiter({ rate: 10, burst: 1 });
    expect(limiter.take('a', 1_000)).toBe(0);
    expect(limiter.take('a', 1_050)).toBe(1); // half a token: wait (rounded up to whole seconds)
    expect(limiter.take('a', 1_100)).toBe(0); // 100 ms at 10/s is one token
  });

  it('keeps a separate bucket per client', () => {
    const limiter = createRateLimiter({ rate: 1, burst: 1 });
    expect([limiter.take('a', 0), limiter.take('b', 0), limiter.take('a', 0)]).toEqual([0, 0, 1]);
  });

  it('never limits when the rate is 0 (benchmarks)', () => {
    const limiter = createRateLimiter({ rate: 0, burst: 0 });
    expect(Array.from({ length: 50 }, () => limiter.take('a', 0)).every((wait) => wait === 0)).toBe(true);
  });
});
