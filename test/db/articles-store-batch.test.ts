/**
 * A feed's new articles are stored together: all of them or none, each URL once (as an article
 * or an alias), with their topics and review posts, in the order given.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";

import { createArticlesRepository, type ArticlesRepository, type NewArticle } from "../../src/db/articles.js";
import type { Database } from "../../src/db/client.js";
import { storyArticle } from "../support/articles.js";
import { createTestDatabase, TEST_PROVIDERS, type TestDatabase } from "../support/database.js";

describe.each(TEST_PROVIDERS)("storing a feed's batch on %s", (provider) => {
  let database: TestDatabase;
  let db: Database;
  let articles: ArticlesRepository;

  beforeEach(async () => {
    database = await createTestDatabase(provider);
    db = await database.open();
    articles = createArticlesRepository(db.prisma);
  });
  afterEach(async () => {
    await db.close();
    await database.drop();
  });

  const stored = () => db.prisma.article.findMany({ orderBy: { id: "asc" }, select: { url: true, topics: { select: { topic: { select: { slug: true } } } } } });

  it("stores nothing of a batch that fails part-way, and says why", async () => {
    const batch = Array.from({ length: 150 }, (_, i) => storyArticle(i + 1, { topics: [{ slug: "world", name: "World" }] }));
    // The 120th cannot be stored (no headline), after the first hundred were written.
    batch[119] = { ...batch[119], headline: null } as unknown as NewArticle;
    await expect(articles.storeBatch(batch)).rejects.toThrow(/headline/);
    expect(await db.prisma.article.count()).toBe(0);
    expect(await db.prisma.topic.count()).toBe(0);
    expect(await db.prisma.articleAlias.count()).toBe(0);
  });

  it("stores a URL repeated in one batch once, the first wins, and its aliases once", async () => {
    const created = await articles.storeBatch([
        storyArticle(1, { otherUrls: ["https://amp.news.example.com/story-1"], topics: [{ slug: "world", name: "World" }, { slug: "world", name: "World" }] }),
        storyArticle(1, { headline: "Story 1 again", topics: [{ slug: "asia", name: "Asia" }] }),
        storyArticle(2, { otherUrls: ["https://amp.news.example.com/story-1", "https://news.example.com/story-1"], topics: [{ slug: "world", name: "World" }] }),
    ]);
    expect(created.map((c) => c.url)).toEqual(["https://news.example.com/story-1", "https://news.example.com/story-2"]);
    expect(await stored()).toEqual([
      { url: "https://news.example.com/story-1", topics: [{ topic: { slug: "world" } }] },
      { url: "https://news.example.com/story-2", topics: [{ topic: { slug: "world" } }] },
    ]);
    expect(await db.prisma.articleAlias.findMany({ select: { url: true, articleId: true } })).toEqual([
      { url: "https://amp.news.example.com/story-1", articleId: created[0]?.id },
    ]);
    expect((await articles.storedByUrl(["https://amp.news.example.com/story-1"])).get("https://amp.news.example.com/story-1")).toEqual({
      id: created[0]?.id,
      url: "https://news.example.com/story-1",
    });
  });

  it("skips a URL stored meanwhile, and gives review stories their review post", async () => {
    const [first] = await articles.storeBatch([storyArticle(1)]);
    const created = await articles.storeBatch([storyArticle(1), storyArticle(2, { review: true }), storyArticle(3)], [{ url: "https://other.example.org/story-1", articleId: first?.id ?? 0 }]);
    expect(created.map((c) => c.url)).toEqual(["https://news.example.com/story-2", "https://news.example.com/story-3"]);
    expect(await db.prisma.channelPost.findMany({ select: { articleId: true, status: true, origin: true } })).toEqual([
      { articleId: created[0]?.id, status: "review", origin: "auto" },
    ]);
    expect(await articles.knownUrls(["https://other.example.org/story-1", "https://news.example.com/story-4"])).toEqual(new Set(["https://other.example.org/story-1"]));
  });
});
