import { describe, expect, it } from "vitest";

import { backoffDelayMs, judgeFeedFailure } from "../../src/ingest/feed-health.js";
import type { FeedFailure } from "../../src/ingest/feeds/feed-failure.js";

const now = new Date("2026-03-02T09:00:00.000Z");
const MINUTE = 60_000;
const failed = (detail: string): FeedFailure => ({ code: "fetch-failed", failure: { code: "timeout", url: "https://x.example/rss", detail } });

describe("feed health after a failure", () => {
  it("backs off 5 minutes, then doubles, up to 6 hours", () => {
    expect([1, 2, 3, 4, 7, 8, 50].map((n) => backoffDelayMs(n) / MINUTE)).toEqual([5, 10, 20, 40, 320, 360, 360]);
  });

  it("keeps a failing feed running until the last allowed failure, then pauses it with the reason", () => {
    const second = judgeFeedFailure({ failuresBefore: 1, status: 500, failure: failed("x answered 500"), maxFailures: 3, now });
    expect(second).toEqual({ nextFetchAt: new Date(now.getTime() + 10 * MINUTE), pauseReason: null });
    const third = judgeFeedFailure({ failuresBefore: 2, status: null, failure: failed("x did not answer within 300 ms"), maxFailures: 3, now });
    expect(third.pauseReason).toEqual({ code: "failing", failures: 3, last: failed("x did not answer within 300 ms") });
  });

  it("pauses a feed that answers 410 Gone at its first failure", () => {
    expect(judgeFeedFailure({ failuresBefore: 0, status: 410, failure: failed("x answered 410 Gone"), maxFailures: 10, now }).pauseReason).toEqual({ code: "gone" });
  });

  it("waits as long as the server's Retry-After asks when that is longer than the back-off", () => {
    const judge = (retryAfterMs: number) => judgeFeedFailure({ failuresBefore: 0, status: 429, failure: failed("x answered 429"), maxFailures: 10, now, retryAfterMs }).nextFetchAt;
    expect(judge(2 * 60 * MINUTE)).toEqual(new Date(now.getTime() + 120 * MINUTE));
    expect(judge(MINUTE)).toEqual(new Date(now.getTime() + 5 * MINUTE));
  });
});
