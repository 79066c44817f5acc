import { describe, expect, it } from "vitest";

import { buildArticle, toNewArticle } from "../../src/ingest/build-article.js";
import { extractArticle } from "../../src/ingest/extract/extract-article.js";
import type { ExtractedArticle } from "../../src/ingest/extract/extract-article.js";
import type { FeedItem } from "../../src/ingest/feeds/feed-item.js";

const now = new Date("2026-03-02T09:00:00.000Z");
const context = { now, summaryMaxChars: 400, feedDefaultTopic: null, rules: [] };
const description = "<p>North Korean leader Kim Jong Un will soon visit Russia to meet President Vladimir Putin, the two countries confirmed.</p>";

const PAGE_BODY =
  "SEOUL – North Korean leader Kim Jong Un will soon visit Russia to meet President Vladimir Putin, the two countries confirmed on Monday.\n\n" +
  "Mr Kim will travel by special train to Vladivostok, South Korean broadcaster YTN reported.";

const item = (overrides: Partial<FeedItem> = {}): FeedItem => ({
  guid: null,
  link: "https://news.example.com/asia/kim-russia",
  title: "Kim to visit Russia",
  descriptionHtml: description,
  contentHtml: null,
  publishedAt: null,
  author: null,
  categories: [],
  imageUrl: null,
  ...overrides,
});

const page = (overrides: Partial<ExtractedArticle> = {}): ExtractedArticle => ({
  headline: "Kim to visit Russia for summit with Putin",
  canonicalUrl: null,
  publishedAt: null,
  modifiedAt: null,
  section: null,
  author: null,
  language: null,
  imageUrl: null,
  description: null,
  siteName: null,
  body: PAGE_BODY,
  ...overrides,
});

describe("building a clean article from a feed item and its page", () => {
  it("drops a publication date more than a day ahead, and keeps one later today", () => {
    const far = buildArticle({ item: item({ publishedAt: new Date("2026-03-04T09:00:00Z") }), pageUrl: "https://news.example.com/asia/kim-russia" }, context);
    expect(far?.publishedAt).toBeNull();
    const soon = buildArticle({ item: item({ publishedAt: new Date("2026-03-02T20:00:00Z") }), pageUrl: "https://news.example.com/asia/kim-russia" }, context);
    expect(soon?.publishedAt).toEqual(new Date("2026-03-02T20:00:00Z"));
  });

  it("stores under the page's canonical URL on the same site, keeping the feed's link as another URL", () => {
    const article = buildArticle(
      { item: item(), page: page({ canonicalUrl: "https://www.news.example.com/asia/kim-to-visit-russia", publishedAt: new Date("2026-03-02T06:00:00Z") }), pageUrl: "https://news.example.com/asia/kim-russia?utm_source=rss" },
      context,
    );
    expect(article).toMatchObject({
      canonicalUrl: "https://www.news.example.com/asia/kim-to-visit-russia",
      otherUrls: ["https://news.example.com/asia/kim-russia"],
      headline: "Kim to visit Russia",
      publishedAt: new Date("2026-03-02T06:00:00Z"),
      body: PAGE_BODY,
      topics: ["asia"],
    });
  });

  it("uses the page's headline when the item has none, and gives up without any", () => {
    expect(buildArticle({ page: page(), pageUrl: "https://news.example.com/a" }, context)?.headline).toBe("Kim to visit Russia for summit with Putin");
    expect(buildArticle({ item: item({ title: "" }), page: page({ headline: "" }), pageUrl: "https://news.example.com/a" }, context)).toBeNull();
    expect(buildArticle({ item: item(), pageUrl: "mailto:desk@example.com" }, context)).toBeNull();
  });

  it("names the source by the page's og:site_name, else the feed's title, else the host name", () => {
    const html =
      '<html><head><meta property="og:site_name" content="Korea &amp; World Times"><meta property="og:title" content="Kim to visit Russia"></head>' +
      `<body><article><h1>Kim to visit Russia</h1><p>${PAGE_BODY}</p></article></body></html>`;
    const fromPage = buildArticle({ item: item(), page: extractArticle(html, "https://news.example.com/asia/kim-russia"), pageUrl: "https://news.example.com/asia/kim-russia" }, context);
    expect(fromPage?.siteName).toBe("Korea & World Times");
    const store = (clean: typeof fromPage, feedTitle: string | null) => toNewArticle(clean!, { now, source: "feed", autoPost: true, feedTitle }).sourceName;
    expect(store(fromPage, "Korea News – Asia")).toBe("Korea & World Times");
    const fromFeed = buildArticle({ item: item(), pageUrl: "https://www.news.example.com/asia/kim-russia" }, context);
    expect(store(fromFeed, "Korea News – Asia")).toBe("Korea News – Asia");
    expect(store(fromFeed, null)).toBe("news.example.com");
  });
});
