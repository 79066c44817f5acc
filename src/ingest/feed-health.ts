/** What a failed fetch means for a feed: when to try again, and whether to pause it. Pure. */
import type { FeedFailure, FeedPause } from "./feeds/feed-failure.js";

const BASE_DELAY_MS = 5 * 60 * 1000;
const MAX_DELAY_MS = 6 * 60 * 60 * 1000;

/** Exponential back-off after `failures` consecutive failures: 5 min, 10, 20 … up to 6 h. */
export function backoffDelayMs(failures: number): number {
  return Math.min(MAX_DELAY_MS, BASE_DELAY_MS * 2 ** Math.max(0, failures - 1));
}

/**
 * Decides after a failure: the next try, and a pause reason when the feed is gone
 * (HTTP 410) or has failed `maxFailures` times in a row. A server's Retry-After (on 429
 * or 503) is a floor: the feed is never tried again sooner than it asked.
 */
export function judgeFeedFailure(input: {
  failuresBefore: number;
  status: number | null;
  failure: FeedFailure;
  maxFailures: number;
  now: Date;
  retryAfterMs?: number;
}): { nextFetchAt: Date; pauseReason: FeedPause | null } {
  const failures = input.failuresBefore + 1;
  let pauseReason: FeedPause | null = null;
  if (input.status === 410) pauseReason = { code: "gone" };
  else if (failures >= input.maxFailures) pauseReason = { code: "failing", failures, last: input.failure };
  const delayMs = Math.max(backoffDelayMs(failures), input.retryAfterMs ?? 0);
  return { nextFetchAt: new Date(input.now.getTime() + delayMs), pauseReason };
}
