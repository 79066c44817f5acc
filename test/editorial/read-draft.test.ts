import { describe, expect, it } from "vitest";

import { readHeadline, readLink, readSummary, readTopics, readWhen } from "../../src/editorial/read-draft.js";

const NOW = new Date("2026-11-30T10:00:00Z");

describe("the answers of /compose", () => {
  it("keeps a headline on one line and refuses an empty or overlong one", () => {
    expect(readHeadline("  Ferries\nreturn  ")).toEqual({ ok: true, value: "Ferries return" });
    expect(readHeadline("   ")).toEqual({ ok: false, error: "The headline cannot be empty." });
    expect(readHeadline("x".repeat(301))).toEqual({ ok: false, error: "A headline may be at most 300 characters; this one has 301." });
  });

  it("takes - for no summary", () => {
    expect(readSummary("-")).toEqual({ ok: true, value: "" });
    expect(readSummary(" Text. ")).toEqual({ ok: true, value: "Text." });
  });

  it("takes only http(s) links, normalised", () => {
    expect(readLink("https://News.example.com/a?utm_source=x")).toEqual({ ok: true, value: "https://news.example.com/a" });
    expect(readLink("news.example.com/a")).toEqual({ ok: false, error: "“news.example.com/a” is not a web link: send the full address, starting with https://." });
  });

  it("turns topic names into slugs, once each", () => {
    expect(readTopics("Asia, North Korea, asia")).toEqual({ ok: true, value: ["asia", "north-korea"] });
    expect(readTopics("-")).toEqual({ ok: true, value: [] });
    expect(readTopics(", ,")).toEqual({ ok: false, error: "Give at least one topic, or - for none." });
  });

  it("reads now, next and times", () => {
    expect(readWhen("Now", NOW, "Europe/London")).toEqual({ ok: true, value: "now" });
    expect(readWhen("next", NOW, "Europe/London")).toEqual({ ok: true, value: null });
    expect(readWhen("18:30", NOW, "Europe/London")).toEqual({ ok: true, value: Date.parse("2026-11-30T18:30:00Z") });
    expect(readWhen("08:00", NOW, "Europe/London")).toEqual({ ok: false, error: "Mon 30 Nov 08:00 is in the past." });
  });
});
