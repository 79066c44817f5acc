import { describe, expect, it } from "vitest";

import { latestSlotAtOrBefore, nextSlotAfter, parsePostSlots, slotToServe } from "../../src/publish/post-slots.js";
import { pickBestStory, storyScore } from "../../src/publish/story-score.js";

const NOW = new Date("2026-12-06T12:00:00Z");
const hoursAgo = (h: number) => new Date(NOW.getTime() - h * 3_600_000);

describe("the selection score", () => {
  it("weighs sites, the feed's priority and freshness as documented", () => {
    expect(storyScore({ sites: 1, priority: 3, sortAt: NOW }, NOW)).toBe(1);
    expect(storyScore({ sites: 3, priority: 3, sortAt: NOW }, NOW)).toBe(2);
    expect(storyScore({ sites: 9, priority: 3, sortAt: NOW }, NOW)).toBe(3);
    expect(storyScore({ sites: 1, priority: 5, sortAt: NOW }, NOW)).toBeCloseTo(5 / 3);
    expect(storyScore({ sites: 1, priority: 3, sortAt: hoursAgo(6) }, NOW)).toBeCloseTo(0.5);
    expect(storyScore({ sites: 1, priority: 3, sortAt: hoursAgo(12) }, NOW)).toBeCloseTo(0.25);
  });

  it("picks a story five sites carry over a fresher one only one site has, until it ages", () => {
    const big = { id: 1, sites: 5, priority: 3, sortAt: hoursAgo(6) };
    const fresh = { id: 2, sites: 1, priority: 3, sortAt: NOW };
    expect(pickBestStory([fresh, big], NOW)?.id).toBe(1);
    expect(pickBestStory([fresh, { ...big, sortAt: hoursAgo(13) }], NOW)?.id).toBe(2);
    expect(pickBestStory([], NOW)).toBeNull();
  });

  it("breaks ties by the older story, then the lower id", () => {
    const a = { id: 7, sites: 1, priority: 3, sortAt: NOW };
    const b = { id: 3, sites: 1, priority: 3, sortAt: NOW };
    expect(pickBestStory([a, b], NOW)?.id).toBe(3);
  });
});

describe("POST_SLOTS", () => {
  it("reads times of day, sorted, and refuses anything else naming POST_SLOTS", () => {
    expect(parsePostSlots("21:00, 07:30,12:00,7:30")).toEqual({ ok: true, minutes: [450, 720, 1260] });
    expect(parsePostSlots("7am")).toEqual({ ok: false, error: 'POST_SLOTS must be times like 07:30,12:00,18:00 (24-hour, in TIMEZONE); "7am" is not one' });
    expect(parsePostSlots(" , ")).toEqual({ ok: false, error: "POST_SLOTS must list at least one time, like 07:30,12:00,18:00" });
  });

  it("finds the latest and the next slot in the newsroom's time zone", () => {
    const slots = [450, 720, 1260]; // 07:30, 12:00, 21:00
    const london = "Europe/London";
    expect(latestSlotAtOrBefore(new Date("2026-12-06T12:00:00Z"), slots, london)).toEqual(new Date("2026-12-06T12:00:00Z"));
    expect(latestSlotAtOrBefore(new Date("2026-12-06T06:00:00Z"), slots, london)).toEqual(new Date("2026-12-05T21:00:00Z"));
    expect(nextSlotAfter(new Date("2026-12-06T21:00:00Z"), slots, london)).toEqual(new Date("2026-12-07T07:30:00Z"));
    // Summer time: 07:30 in London is 06:30 UTC.
    expect(nextSlotAfter(new Date("2026-07-01T05:00:00Z"), slots, london)).toEqual(new Date("2026-07-01T06:30:00Z"));
  });

  it("serves each slot once, and lets a slot missed by more than the grace pass", () => {
    const slots = [720];
    const base = { slots, timezone: "UTC", graceMs: 30 * 60_000 };
    expect(slotToServe({ ...base, now: new Date("2026-12-06T12:00:20Z"), lastServed: null })).toEqual(new Date("2026-12-06T12:00:00Z"));
    expect(slotToServe({ ...base, now: new Date("2026-12-06T12:01:00Z"), lastServed: new Date("2026-12-06T12:00:00Z") })).toBeNull();
    expect(slotToServe({ ...base, now: new Date("2026-12-06T12:45:00Z"), lastServed: new Date("2026-12-05T12:00:00Z") })).toBeNull();
  });
});
