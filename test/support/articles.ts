import type { NewArticle } from "../../src/db/articles.js";

/** "Story number n", published n minutes before `now`, ready to post; `overrides` change any field. */
export function numberedStory(n: number, now: Date, overrides: Partial<NewArticle> = {}): NewArticle {
  return storyArticle(n, {
    headline: `Story number ${n}`,
    publishedAt: new Date(now.getTime() - n * 60_000),
    sortAt: new Date(now.getTime() - n * 60_000),
    ...overrides,
  });
}

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
