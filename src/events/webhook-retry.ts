/**
 * When a failed delivery is tried again. Pure: the random draw is an argument, so the schedule
 * can be tested exactly.
 */

/** After the first attempt fails: 10 s, 30 s, 2 min, 10 min, 30 min, 1 h, 3 h, 6 h, 12 h (≈ 23 h in all), then give up. */
export const DEFAULT_RETRY_DELAYS_MS: readonly number[] = [10_000, 30_000, 120_000, 600_000, 1_800_000, 3_600_000, 10_800_000, 21_600_000, 43_200_000];

/** Each delay is spread by ±20 %, so receivers that failed together are not retried together. */
export const JITTER = 0.2;

export type RetryDecision = { retry: true; delayMs: number } | { retry: false };

/**
 * After `attempts` failed attempts (1 after the first), the wait before the next one, or that
 * there is none: one attempt plus one per delay in the schedule.
 * @param random a draw from [0, 1): 0.5 gives the delay as listed.
 */
export function nextRetry(attempts: number, delaysMs: readonly number[], random: number): RetryDecision {
  const base = delaysMs[attempts - 1];
  if (attempts < 1 || base === undefined) return { retry: false };
  const spread = 1 + JITTER * (2 * random - 1);
  return { retry: true, delayMs: Math.max(1, Math.round(base * spread)) };
}

/** How many attempts a delivery gets before it is marked failed. */
export function maxAttempts(delaysMs: readonly number[]): number {
  return delaysMs.length + 1;
}
