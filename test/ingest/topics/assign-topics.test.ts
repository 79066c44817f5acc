import { describe, expect, it } from "vitest";

import { type TopicSources, assignTopics } from "../../../src/ingest/topics/assign-topics.js";

function sources(overrides: Partial<TopicSources>): TopicSources {
  return {
    feedDefaultTopic: null,
    categories: [],
    section: null,
    url: "https://example.com/story-1",
    text: "",
    rules: [],
    ...overrides,
  };
}

describe("assignTopics", () => {
  it("orders topics by trust: feed default, categories, section, URL, rules", () => {
    expect(
      assignTopics({
        feedDefaultTopic: "Asia",
        categories: ["North Korea", "Diplomacy"],
        section: "World",
        url: "https://example.com/world/europe/2023/09/10/kim-to-visit-russia",
        text: "Kim Jong Un will meet Vladimir Putin in Vladivostok.",
        rules: [{ slug: "russia", phrases: ["Putin", "Kremlin"] }],
      }),
    ).toEqual(["asia", "north-korea", "diplomacy", "world", "europe", "russia"]);
  });

  it("gives each topic once, however many sources name it", () => {
    expect(
      assignTopics(
        sources({
          feedDefaultTopic: "asia",
          categories: ["Asia", "ASIA ", "Asia/Pacific"],
          section: "asia",
          url: "https://example.com/asia/story",
          rules: [{ slug: "asia", phrases: ["Seoul"] }],
          text: "Seoul",
        }),
      ),
    ).toEqual(["asia", "asia-pacific"]);
  });

  it("drops generic labels and bare numbers feeds put in their categories", () => {
    expect(assignTopics(sources({ categories: ["News", "Uncategorized", "Top Stories", "2024", "Climate"] }))).toEqual([
      "climate",
    ]);
  });

  it("keeps a feed default topic even when it looks generic, because an editor chose it", () => {
    expect(assignTopics(sources({ feedDefaultTopic: "News" }))).toEqual(["news"]);
  });

  it("stops at eight topics", () => {
    const categories = Array.from({ length: 12 }, (_, i) => `Topic ${String.fromCharCode(97 + i)}`);
    const topics = assignTopics(sources({ categories, rules: [{ slug: "late", phrases: ["x"] }], text: "x" }));
    expect(topics).toHaveLength(8);
    expect(topics).not.toContain("late");
  });

  describe("URL sections", () => {
    const fromUrl = (url: string): string[] => assignTopics(sources({ url }));

    it("reads the first one or two section-like segments", () => {
      expect(fromUrl("https://example.com/asia/kim-to-visit-russia")).toEqual(["asia"]);
      expect(fromUrl("https://example.com/world/europe/kim-to-visit-russia")).toEqual(["world", "europe"]);
      expect(fromUrl("https://example.com/world/middle-east/iran/story-123")).toEqual(["world", "middle-east"]);
    });

    it("skips /news/, /amp/, language and edition codes", () => {
      expect(fromUrl("https://example.com/en/news/world/story")).toEqual(["world"]);
      expect(fromUrl("https://example.com/amp/en-gb/business/story")).toEqual(["business"]);
      expect(fromUrl("https://example.com/uk/politics/story")).toEqual(["politics"]);
    });

    it("stops at dates and ids", () => {
      expect(fromUrl("https://example.com/2023/09/10/world/story")).toEqual([]);
      expect(fromUrl("https://example.com/a1b2c3/world/story")).toEqual([]);
      expect(fromUrl("https://example.com/sport/12345/football/story")).toEqual(["sport"]);
    });

    it("never takes the article's own slug or file name for a section", () => {
      expect(fromUrl("https://example.com/kim-visits-russia")).toEqual([]);
      expect(fromUrl("https://example.com/climate/")).toEqual([]);
      expect(fromUrl("https://example.com/science/index.html")).toEqual(["science"]);
      expect(fromUrl("https://example.com/2024/05/heatwave-grips-europe/")).toEqual([]);
    });

    it("does not take a long headline slug in the middle of the path for a section", () => {
      expect(fromUrl("https://example.com/live/kim-to-visit-russia-for-summit/update-3")).toEqual([]);
    });

    it("reads percent-encoded sections in other scripts", () => {
      expect(fromUrl("https://example.ru/%D0%BC%D0%B8%D1%80/story-1")).toEqual(["мир"]);
    });

    it("ignores a URL it cannot parse", () => {
      expect(fromUrl("not a url")).toEqual([]);
    });
  });

  describe("keyword rules", () => {
    const rules = [
      { slug: "asia", phrases: ["Asia"] },
      { slug: "us-politics", phrases: ["U.S. Congress", "White House"] },
      { slug: "covid", phrases: ["covid-19"] },
    ];

    it("match whole words, case-insensitively", () => {
      expect(assignTopics(sources({ text: "The white house said on Monday...", rules }))).toEqual(["us-politics"]);
      expect(assignTopics(sources({ text: "Asian markets fell.", rules }))).toEqual([]);
      expect(assignTopics(sources({ text: "New COVID-19 variant found in Asia", rules }))).toEqual(["asia", "covid"]);
    });

    it("treat phrases as text, not patterns", () => {
      expect(assignTopics(sources({ text: "U_S_ Congress", rules }))).toEqual([]);
      expect(assignTopics(sources({ text: "U.S. Congress votes", rules }))).toEqual(["us-politics"]);
    });
  });

  describe("with the topics closed to the editors' (TOPICS_OPEN=false)", () => {
    const editors = new Set(["football", "asia", "news"]);
    const rules = [
      { slug: "football", phrases: ["Premier League", "soccer"] },
      { slug: "elections", phrases: ["ballot"] },
    ];

    it("maps categories, sections and URL sections onto the editors' topics through their rules, creating none", () => {
      expect(
        assignTopics(
          sources({
            feedDefaultTopic: "Sport",
            categories: ["Premier League", "Transfers", "Asia"],
            section: "Soccer",
            url: "https://example.com/sport/football/2026/11/30/cup-final",
            rules,
            closedTo: editors,
          }),
        ),
      ).toEqual(["football", "asia"]);
    });

    it("keeps an editors' topic even when it looks generic, and never a rule's topic editors did not make", () => {
      expect(assignTopics(sources({ categories: ["News"], text: "The ballot closes at ten.", rules, closedTo: editors }))).toEqual(["news"]);
      expect(assignTopics(sources({ categories: ["Transfers"], closedTo: new Set() }))).toEqual([]);
    });
  });
});
