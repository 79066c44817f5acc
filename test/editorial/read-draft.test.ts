import { describe, expect, it } from "vitest";

import { readHeadline, readLink, readSummary, readTopics, readWhen } from "../../src/editorial/read-draft.js";
import { createFluentTranslator } from "../../src/i18n/fluent-translator.js";

const t = createFluentTranslator("en");

const NOW = new Date("2026-11-30T10:00:00Z");

describe("the answers of /compose", () => {
  it("keeps a headline on one line and refuses an empty or overlong one", () => {
    expect(readHeadline(t, "  Ferries\nreturn  ")).toEqual({ ok: true, value: "Ferries return" });
    expect(readHeadline(t, "   ")).toEqual({ ok: false, error: "The headline cannot be empty." });
    expect(readHeadline(t, "x".repeat(301))).toEqual({ ok: false, error: "A headline may be at most 300 characters; this one has 301." });
  });

  it("takes - for no summary", () => {
    expect(readSummary(t, "-")).toEqual({ ok: true, value: "" });
    expect(readSummary(t, " Text. ")).toEqual({ ok: true, value: "Text." });
  });

  it("takes only http(s) links, normalised", () => {
    expect(readLink(t, "https://News.example.com/a?utm_source=x")).toEqual({ ok: true, value: "https://news.example.com/a" });
    expect(readLink(t, "news.example.com/a")).toEqual({ ok: false, error: "“news.example.com/a” is not a web link: send the full address, starting with https://." });
  });

  it("turns topic names into slugs, once each", () => {
    expect(readTopics(t, "Asia, North Korea, asia")).toEqual({ ok: true, value: ["asia", "north-korea"] });
    expect(readTopics(t, "-")).toEqual({ ok: true, value: [] });
    expect(readTopics(t, ", ,")).toEqual({ ok: false, error: "Give at least one topic, or - for none." });
  });

  it("reads now, next and times", () => {
    expect(readWhen(t, "Now", NOW, "Europe/London")).toEqual({ ok: true, value: "now" });
    expect(readWhen(t, "next", NOW, "Europe/London")).toEqual({ ok: true, value: null });
    expect(readWhen(t, "18:30", NOW, "Europe/London")).toEqual({ ok: true, value: Date.parse("2026-11-30T18:30:00Z") });
    expect(readWhen(t, "08:00", NOW, "Europe/London")).toEqual({ ok: false, error: "Mon 30 Nov 08:00 is in the past." });
  });
});
