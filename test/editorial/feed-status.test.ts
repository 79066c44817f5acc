import { describe, expect, it } from "vitest";

import { feedLine } from "../../src/editorial/feed-status.js";
import { createFluentTranslator } from "../../src/i18n/fluent-translator.js";

import type { FeedRecord } from "../../src/db/feeds.js";

const t = createFluentTranslator("en");

const NOW = new Date("2026-03-02T12:00:00Z");

const base: FeedRecord = {
  id: 3,
  url: "https://news.example.com/rss.xml?edition=intl",
  title: null,
  defaultTopic: null,
  fullPage: false,
  priority: 3,
  review: false,
  etag: null,
  lastModified: null,
  lastFetchedAt: null,
  lastSuccessAt: null,
  lastError: null,
  consecutiveFailures: 0,
  nextFetchAt: null,
  lastNewStoryAt: null,
  primedAt: null,
  pausedAt: null,
  pausedReason: null,
  createdAt: new Date("2026-03-01T00:00:00Z"),
};

describe("a feed's line in `feeds list` and /feeds, times as the newsroom reads them", () => {
  it("names a new feed with its full URL, topic and full-page mode", () => {
    expect(feedLine(t, { ...base, defaultTopic: "asia", fullPage: true }, "UTC", NOW)).toBe("#3 https://news.example.com/rss.xml?edition=intl [asia] (full page) — new (not fetched yet)");
  });

  it("says ok with the last success", () => {
    expect(feedLine(t, { ...base, lastSuccessAt: new Date("2026-03-02T09:00:00Z") }, "Europe/Berlin", NOW)).toBe(
      "#3 https://news.example.com/rss.xml?edition=intl — ok, last ok Mon 2 Mar 10:00",
    );
  });

  it("gives the error, the failure count and the next try", () => {
    expect(feedLine(t, { ...base, lastError: "answered 500", consecutiveFailures: 2, nextFetchAt: new Date("2026-03-02T09:10:00Z") }, "UTC", NOW)).toBe(
      "#3 https://news.example.com/rss.xml?edition=intl — error (answered 500; 2 failures in a row; next try Mon 2 Mar 09:10)",
    );
  });

  it("says since when and why a feed is paused, and that a resumed feed waits for its next fetch", () => {
    const paused = { ...base, lastError: "answered 410 Gone", consecutiveFailures: 1, pausedAt: new Date("2026-03-02T09:00:00Z"), pausedReason: "the feed answered 410 Gone: it was removed" };
    expect(feedLine(t, paused, "UTC", NOW)).toBe("#3 https://news.example.com/rss.xml?edition=intl — paused since Mon 2 Mar 09:00 (the feed answered 410 Gone: it was removed)");
    expect(feedLine(t, { ...paused, pausedAt: null, pausedReason: null, consecutiveFailures: 0 }, "UTC", NOW)).toBe(
      "#3 https://news.example.com/rss.xml?edition=intl — resumed, not fetched since (last error: answered 410 Gone)",
    );
  });
});
