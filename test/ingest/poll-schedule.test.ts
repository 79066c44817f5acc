import { describe, expect, it } from "vitest";

import { parseMaxAge } from "../../src/ingest/fetch/parse-max-age.js";
import { planNextFetch } from "../../src/ingest/poll-schedule.js";

const NOW = new Date("2026-03-02T12:00:00.000Z");
const minutesAgo = (m: number) => new Date(NOW.getTime() - m * 60_000);
const waitMinutes = (input: Partial<Parameters<typeof planNextFetch>[0]>) =>
  (planNextFetch({ fetchedAt: NOW, lastNewStoryAt: null, primedAt: minutesAgo(24 * 60), maxAgeSeconds: null, ...input }).getTime() - NOW.getTime()) / 60_000;

describe("when a feed is fetched next", () => {
  it("waits a tenth of its quiet time, between a minute and an hour", () => {
    expect(waitMinutes({ lastNewStoryAt: NOW })).toBe(1);
    expect(waitMinutes({ lastNewStoryAt: minutesAgo(9) })).toBe(1);
    expect(waitMinutes({ lastNewStoryAt: minutesAgo(120) })).toBe(12);
    expect(waitMinutes({ lastNewStoryAt: minutesAgo(10 * 60) })).toBe(60);
    expect(waitMinutes({ lastNewStoryAt: minutesAgo(3 * 24 * 60) })).toBe(60);
  });

  it("counts a feed that never brought a new story from its first fetch (a new feed: every minute)", () => {
    expect(waitMinutes({ primedAt: minutesAgo(300) })).toBe(30);
    expect(waitMinutes({ primedAt: null })).toBe(1);
  });

  it("never sooner than Cache-Control max-age, and never later than the hour for it", () => {
    expect(waitMinutes({ lastNewStoryAt: NOW, maxAgeSeconds: 600 })).toBe(10);
    expect(waitMinutes({ lastNewStoryAt: minutesAgo(300), maxAgeSeconds: 60 })).toBe(30);
    expect(waitMinutes({ lastNewStoryAt: NOW, maxAgeSeconds: 86_400 })).toBe(60);
  });
});

describe("Cache-Control max-age", () => {
  it("reads max-age, and nothing when the answer must not be reused", () => {
    expect(parseMaxAge("public, max-age=300")).toBe(300);
    expect(parseMaxAge('max-age="120"')).toBe(120);
    expect(parseMaxAge("s-maxage=600")).toBeNull();
    expect(parseMaxAge("no-store, max-age=300")).toBeNull();
    expect(parseMaxAge("max-age=soon")).toBeNull();
    expect(parseMaxAge(null)).toBeNull();
  });
});
