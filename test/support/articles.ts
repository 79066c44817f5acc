import type { NewArticle } from "../../src/db/articles.js";

/** Story number `n` as ingestion would store it (https://news.example.com/story-n), with overrides. */
export function storyArticle(n: number, overrides: Partial<NewArticle> = {}): NewArticle {
  return {
    url: `https://news.example.com/story-${n}`,
    guid: null,
    feedId: null,
    headline: `Story ${n}`,
    summary: `Summary of story ${n}.`,
    body: "",
    section: null,
    author: null,
    language: null,
    imageUrl: null,
    publishedAt: null,
    modifiedAt: null,
    sortAt: new Date(),
    headlineKey: `story ${n}`,
    autoPost: true,
    source: "feed",
    topics: [],
    otherUrls: [],
    ...overrides,
  };
}
