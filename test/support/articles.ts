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

/**
 * Stories that outlived the 24-hour auto-post window, as "not posted" counts them: two that
 * count (published 30 and 40 hours before `now`), and three that do not — one an editor removed,
 * one held for review, one never meant for automatic posting — plus one still waiting in the window.
 */
export async function seedNotPostedStories(
  db: { prisma: { article: { updateMany(args: { where: { url: string }; data: Record<string, unknown> }): Promise<unknown> } } },
  articles: { storeBatch(articles: NewArticle[]): Promise<unknown> },
  now: Date,
): Promise<void> {
  const hoursAgo = (h: number) => new Date(now.getTime() - h * 3_600_000);
  await articles.storeBatch([
    storyArticle(901, { headline: "Aged out one", sortAt: hoursAgo(30), publishedAt: hoursAgo(30) }),
    storyArticle(902, { headline: "Aged out two", sortAt: hoursAgo(40), publishedAt: hoursAgo(40) }),
    storyArticle(903, { headline: "Removed", sortAt: hoursAgo(30) }),
    storyArticle(904, { headline: "Held", sortAt: hoursAgo(30) }),
    storyArticle(905, { headline: "First fetch", sortAt: hoursAgo(30), autoPost: false }),
    storyArticle(906, { headline: "Still waiting", sortAt: hoursAgo(2) }),
  ]);
  await db.prisma.article.updateMany({ where: { url: "https://news.example.com/story-903" }, data: { removedAt: now, removedReason: "killed" } });
  await db.prisma.article.updateMany({ where: { url: "https://news.example.com/story-904" }, data: { holdReason: "the page answered 404" } });
}
