import { describe, expect, it } from "vitest";

import { digestSlot } from "../../../src/publish/alerts/digest-slot.js";

describe("the digest slot", () => {
  it("is the hour and day in the newsroom's time zone, not UTC", () => {
    expect(digestSlot(new Date("2026-11-28T23:30:00Z"), "Europe/Berlin")).toEqual({ hour: 0, digestKey: "2026-11-29", dateLabel: "Sun 29 Nov" });
    expect(digestSlot(new Date("2026-11-28T07:10:00Z"), "America/New_York")).toEqual({ hour: 2, digestKey: "2026-11-28", dateLabel: "Sat 28 Nov" });
  });

  it("follows daylight saving time", () => {
    expect(digestSlot(new Date("2026-07-01T06:00:00Z"), "Europe/London").hour).toBe(7);
    expect(digestSlot(new Date("2026-12-01T06:00:00Z"), "Europe/London").hour).toBe(6);
  });
});
