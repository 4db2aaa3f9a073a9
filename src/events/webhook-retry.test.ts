import { describe, expect, it } from 'vitest';
import { DEFAULT_RETRY_DELAYS_MS, maxAttempts, nextRetry } from './webhook-retry.js';

describe('webhook retry schedule', () => {
  it('waits the listed delay after each failed attempt when the draw is in the middle', () => {
    expect(DEFAULT_RETRY_DELAYS_MS.map((_, i) => nextRetry(i + 1, DEFAULT_RETRY_DELAYS_MS, 0.5))).toEqual(
      DEFAULT_RETRY_DELAYS_MS.map((delayMs) => ({ retry: true, delayMs })),
    );
  });

  it('starts at 10 s and grows, spanning about a day before giving up', () => {
    expect(DEFAULT_RETRY_DELAYS_MS[0]).toBe(10_000);
    for (let i = 1; i < DEFAULT_RETRY_DELAYS_MS.length; i++) expect(DEFAULT_RETRY_DELAYS_MS[i]!).toBeGreaterThan(DEFAULT_RETRY_DELAYS_MS[i - 1]!);
    const total = DEFAULT_RETRY_DELAYS_MS.reduce((a, b) => a + b, 0);
    expect(total).toBeGreaterThan(20 * 3_600_000);
    expect(total).toBeLessThanOrEqual(24 * 3_600_000);
  });

  it('spreads each delay by at most ±20 %', () => {
    expect(nextRetry(1, [1_000], 0)).toEqual({ retry: true, delayMs: 800 });
    expect(nextRetry(1, [1_000], 0.999_999)).toEqual({ retry: true, delayMs: 1_200 });
    expect(nextRetry(1, [1_000], 0.25)).toEqual({ retry: true, delayMs: 900 });
  });

  it('gives up after one attempt per delay plus the first', () => {
    const delays = [5, 10, 20];
    expect(maxAttempts(delays)).toBe(4);
    expect(nextRetry(3, delays, 0.5)).toEqual({ retry: true, delayMs: 20 });
    expect(nextRetry(4, delays, 0.5)).toEqual({ retry: false });
    expect(nextRetry(1, [], 0.5)).toEqual({ retry: false });
  });

  it('never schedules a zero wait, even for millisecond schedules in tests', () => {
    expect(nextRetry(1, [1], 0)).toEqual({ retry: true, delayMs: 1 });
  });
});
