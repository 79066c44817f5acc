import { describe, expect, it } from "vitest";

import { DEFAULT_POPULARITY_WEIGHTS, popularityScore, rankByPopularity } from "../../src/readers/popularity-score.js";

const NOW = new Date("2026-11-28T12:00:00Z");
const hoursAgo = (h: number) => new Date(NOW.getTime() - h * 3_600_000);

describe("popularityScore", () => {
  it("is (reactions·2 + clicks) / (age in hours + 2)^1.5 with the default weights", () => {
    expect(DEFAULT_POPULARITY_WEIGHTS).toEqual({ reaction: 2, click: 1, gravity: 1.5, ageOffsetHours: 2 });
    expect(popularityScore({ reactions: 3, clicks: 2, postedAt: hoursAgo(2) }, NOW)).toBeCloseTo(8 / 8, 10);
    expect(popularityScore({ reactions: 0, clicks: 9, postedAt: hoursAgo(7) }, NOW)).toBeCloseTo(9 / 27, 10);
  });

  it("is zero without engagement, however fresh", () => {
    expect(popularityScore({ reactions: 0, clicks: 0, postedAt: NOW }, NOW)).toBe(0);
  });

  it("decays with age: the same engagement is worth less later", () => {
    const fresh = popularityScore({ reactions: 5, clicks: 5, postedAt: hoursAgo(1) }, NOW);
    const day = popularityScore({ reactions: 5, clicks: 5, postedAt: hoursAgo(24) }, NOW);
    expect(day).toBeLessThan(fresh / 10);
  });

  it("treats a post dated in the future (clock skew) as brand new, not infinitely popular", () => {
    expect(popularityScore({ reactions: 1, clicks: 0, postedAt: hoursAgo(-5) }, NOW)).toBeCloseTo(2 / 2 ** 1.5, 10);
  });

  it("ignores negative counters", () => {
    expect(popularityScore({ reactions: -4, clicks: 2, postedAt: hoursAgo(2) }, NOW)).toBeCloseTo(2 / 8, 10);
  });
});

describe("rankByPopularity", () => {
  it("orders by score, leaves out stories without engagement, and keeps at most `limit`", () => {
    const items = [
      { name: "old favourite", reactions: 30, clicks: 0, postedAt: hoursAgo(30) },
      { name: "nothing", reactions: 0, clicks: 0, postedAt: hoursAgo(0.1) },
      { name: "fresh", reactions: 0, clicks: 3, postedAt: hoursAgo(0.2) },
      { name: "morning", reactions: 5, clicks: 0, postedAt: hoursAgo(3) },
      { name: "small", reactions: 1, clicks: 0, postedAt: hoursAgo(1) },
    ];
    expect(rankByPopularity(items, NOW, 10).map((i) => i.name)).toEqual(["fresh", "morning", "small", "old favourite"]);
    expect(rankByPopularity(items, NOW, 2).map((i) => i.name)).toEqual(["fresh", "morning"]);
  });

  it("breaks ties by the newer post, then by the order given", () => {
    const same = { reactions: 1, clicks: 0, postedAt: hoursAgo(1) };
    const items = [
      { name: "a", ...same },
      { name: "b", ...same },
      { name: "c", reactions: 0, clicks: 2, postedAt: hoursAgo(1) },
    ];
    expect(rankByPopularity(items, NOW, 3).map((i) => i.name)).toEqual(["a", "b", "c"]);
  });
});
