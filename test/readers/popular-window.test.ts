import { describe, expect, it } from "vitest";

import { createPopularWindows, parsePopularPeriod, popularWindowStart } from "../../src/readers/popular-window.js";

describe("parsePopularPeriod", () => {
  it("defaults to today and accepts today or week in any case", () => {
    expect(parsePopularPeriod("")).toBe("today");
    expect(parsePopularPeriod("  Today ")).toBe("today");
    expect(parsePopularPeriod("WEEK")).toBe("week");
  });

  it("refuses anything else", () => {
    expect(parsePopularPeriod("yesterday")).toBeNull();
    expect(parsePopularPeriod("week please")).toBeNull();
  });
});

describe("popularWindowStart", () => {
  it("starts today at local midnight in the newsroom's time zone", () => {
    // 01:30 in New York on 28 November is 06:30 UTC; local midnight is 05:00 UTC.
    expect(popularWindowStart("today", new Date("2026-11-28T06:30:00Z"), "America/New_York")).toEqual(new Date("2026-11-28T05:00:00Z"));
    // 23:30 UTC on the 27th is already the 28th in Tokyo.
    expect(popularWindowStart("today", new Date("2026-11-27T23:30:00Z"), "Asia/Tokyo")).toEqual(new Date("2026-11-27T15:00:00Z"));
  });

  it("covers seven calendar days for the week, across a daylight-saving change", () => {
    // London moved from BST to GMT on 25 October 2026.
    expect(popularWindowStart("week", new Date("2026-10-28T12:00:00Z"), "Europe/London")).toEqual(new Date("2026-10-21T23:00:00Z"));
  });
});

describe("createPopularWindows", () => {
  it("gives the same starts as popularWindowStart, moving on at local midnight", () => {
    const windowStart = createPopularWindows("Europe/London");
    expect(windowStart("today", new Date("2026-10-28T23:59:59Z"))).toEqual(new Date("2026-10-28T00:00:00Z"));
    expect(windowStart("week", new Date("2026-10-28T23:59:59Z"))).toEqual(new Date("2026-10-21T23:00:00Z"));
    expect(windowStart("today", new Date("2026-10-29T00:00:00Z"))).toEqual(new Date("2026-10-29T00:00:00Z"));
    expect(windowStart("week", new Date("2026-10-29T00:00:00Z"))).toEqual(new Date("2026-10-22T23:00:00Z"));
    // A clock set back (tests, a corrected system clock) is answered for its own day.
    expect(windowStart("today", new Date("2026-10-20T12:00:00Z"))).toEqual(new Date("2026-10-19T23:00:00Z"));
  });
});
