/** Topics and the editors' keyword rules for them. */
import type { Db } from "./client.js";
import { isUniqueViolation } from "./prisma-errors.js";
import { NO_READ_CACHE, type ReadCache } from "./read-cache.js";

export interface TopicRecord {
  id: number;
  slug: string;
  name: string;
  /** Created or adopted by editors, rather than taken from a feed. */
  createdByEditor: boolean;
}

/** A topic as editors manage it: how much hangs on it. */
export interface TopicSummary extends TopicRecord {
  articles: number;
  subscribers: number;
  phrases: string[];
}

/** The topics readers may see and pick: every topic, or only the editors' (TOPICS_OPEN=false). */
export interface ReaderTopics {
  list: () => Promise<TopicRecord[]>;
  findBySlug: (slug: string) => Promise<TopicRecord | null>;
}

/** What became of a topic editors named: new, taken over from the feeds, or theirs already. */
export type AdoptedTopic = { topic: TopicRecord; was: "new" | "from-feeds" | "editors" };

/** What a merge moved from one topic to the other. */
export interface MergeCounts {
  /** Articles that now carry the kept topic (those that had both are counted too). */
  articles: number;
  /** Readers who followed only the merged topic and now follow the kept one. */
  subscribersMoved: number;
  /** Readers who followed both. */
  subscribersAlready: number;
  keywords: number;
  feeds: number;
}

/** What a removal took with it. */
export interface RemoveCounts {
  articles: number;
  subscribers: number;
  feeds: number;
}

/** Raised when a rename would give a topic a slug another topic has. */
export class TopicSlugTakenError extends Error {
  constructor(readonly slug: string) {
    super(`there is already a topic ${slug}`);
  }
}

const topicSelect = { id: true, slug: true, name: true, createdByEditor: true } as const;

export type TopicsRepository = ReturnType<typeof createTopicsRepository>;

/** `cache` keeps the topics readers see (the database's read cache; none by default). */
export function createTopicsRepository(prisma: Db, cache: ReadCache = NO_READ_CACHE) {
  const readerTopics = (editorsOnly: boolean): ReaderTopics => {
    const where = editorsOnly ? { createdByEditor: true } : {};
    const list = () => cache.get(`topics:${editorsOnly}`, () => prisma.topic.findMany({ where, orderBy: { slug: "asc" }, select: topicSelect }));
    return {
      list,
      findBySlug: async (slug) => (await list()).find((topic) => topic.slug === slug) ?? null,
    };
  };
  const every = readerTopics(false);

  return {
    /** Every topic, alphabetically by slug. */
    list: every.list,

    /** The topic with this slug, or null. */
    findBySlug: every.findBySlug,

    /** The topics shown to readers: all of them, or only the editors' when `editorsOnly`. */
    shownToReaders: (editorsOnly: boolean): ReaderTopics => (editorsOnly ? readerTopics(true) : every),

    /** Every topic with its article and subscriber counts and keyword phrases, alphabetically. */
    async summaries(): Promise<TopicSummary[]> {
      const rows = await prisma.topic.findMany({
        orderBy: { slug: "asc" },
        select: {
          ...topicSelect,
          keywords: { select: { phrase: true }, orderBy: { id: "asc" } },
          _count: { select: { articles: true, subscriptions: true } },
        },
      });
      return rows.map(({ keywords, _count, ...topic }) => ({
        ...topic,
        articles: _count.articles,
        subscribers: _count.subscriptions,
        phrases: keywords.map((k) => k.phrase),
      }));
    },

    /** Slugs of the editors' topics. */
    async editorSlugs(): Promise<string[]> {
      const rows = await prisma.topic.findMany({ where: { createdByEditor: true }, select: { slug: true }, orderBy: { slug: "asc" } });
      return rows.map((r) => r.slug);
    },

    /** Creates the topic if it is new; returns it either way. */
    ensure(slug: string, name: string): Promise<TopicRecord> {
      return prisma.topic.upsert({
        where: { slug },
        create: { slug, name },
        update: {},
        select: topicSelect,
      });
    },

    /**
     * Makes the topic an editors' topic: created when new (named `name`), marked when a feed
     * brought it (its name kept). Says which it was.
     */
    adopt(slug: string, name: string): Promise<AdoptedTopic> {
      return prisma.$transaction(async (tx) => {
        const existing = await tx.topic.findUnique({ where: { slug }, select: topicSelect });
        if (existing?.createdByEditor) return { topic: existing, was: "editors" as const };
        if (existing) {
          const topic = await tx.topic.update({ where: { id: existing.id }, data: { createdByEditor: true }, select: topicSelect });
          return { topic, was: "from-feeds" as const };
        }
        const topic = await tx.topic.create({ data: { slug, name, createdByEditor: true }, select: topicSelect });
        return { topic, was: "new" as const };
      });
    },

    /**
     * Gives a topic a new slug and name; its articles, readers and keywords stay with it, and
     * feeds that gave the old slug give the new one. Throws {@link TopicSlugTakenError} when
     * another topic has the slug. Null when there is no topic `slug`.
     */
    async rename(slug: string, to: { slug: string; name: string }): Promise<{ before: TopicRecord; after: TopicRecord; feeds: number } | null> {
      try {
        return await prisma.$transaction(async (tx) => {
          const before = await tx.topic.findUnique({ where: { slug }, select: topicSelect });
          if (!before) return null;
          const after = await tx.topic.update({
            where: { id: before.id },
            data: { slug: to.slug, name: to.name, createdByEditor: true },
            select: topicSelect,
          });
          const feeds = to.slug === slug ? 0 : (await tx.feed.updateMany({ where: { defaultTopic: slug }, data: { defaultTopic: to.slug } })).count;
          return { before, after, feeds };
        });
      } catch (error) {
        if (isUniqueViolation(error)) throw new TopicSlugTakenError(to.slug);
        throw error;
      }
    },

    /**
     * Merges topic `from` into topic `into` in one transaction: its articles, readers, keyword
     * phrases and feeds move over (nothing is doubled), then `from` is deleted. The kept topic
     * is the editors' when either was. Null when either topic is missing.
     */
    merge(from: string, into: string): Promise<{ from: TopicRecord; into: TopicRecord; moved: MergeCounts } | null> {
      return prisma.$transaction(async (tx) => {
        const [a, b] = await Promise.all([
          tx.topic.findUnique({ where: { slug: from }, select: topicSelect }),
          tx.topic.findUnique({ where: { slug: into }, select: topicSelect }),
        ]);
        if (!a || !b) return null;
        const articlesOfA = await tx.articleTopic.count({ where: { topicId: a.id } });
        await tx.articleTopic.updateMany({ where: { topicId: a.id, article: { topics: { none: { topicId: b.id } } } }, data: { topicId: b.id } });
        const subscribersOfA = await tx.subscription.count({ where: { topicId: a.id } });
        const moved = await tx.subscription.updateMany({
          where: { topicId: a.id, subscriber: { subscriptions: { none: { topicId: b.id } } } },
          data: { topicId: b.id },
        });
        const phrasesOfB = (await tx.topicKeyword.findMany({ where: { topicId: b.id }, select: { phrase: true } })).map((k) => k.phrase);
        const keywords = await tx.topicKeyword.updateMany({ where: { topicId: a.id, phrase: { notIn: phrasesOfB } }, data: { topicId: b.id } });
        const feeds = await tx.feed.updateMany({ where: { defaultTopic: a.slug }, data: { defaultTopic: b.slug } });
        // What did not move (articles and readers that had both) goes with the topic.
        await tx.topic.delete({ where: { id: a.id } });
        const kept = a.createdByEditor && !b.createdByEditor ? await tx.topic.update({ where: { id: b.id }, data: { createdByEditor: true }, select: topicSelect }) : b;
        return {
          from: a,
          into: kept,
          moved: {
            articles: articlesOfA,
            subscribersMoved: moved.count,
            subscribersAlready: subscribersOfA - moved.count,
            keywords: keywords.count,
            feeds: feeds.count,
          },
        };
      });
    },

    /**
     * Deletes a topic: its articles lose it, its readers stop following it, its keyword rules
     * go, and feeds that gave it give no topic. Null when there is no such topic.
     */
    remove(slug: string): Promise<{ topic: TopicRecord; counts: RemoveCounts } | null> {
      return prisma.$transaction(async (tx) => {
        const topic = await tx.topic.findUnique({ where: { slug }, select: topicSelect });
        if (!topic) return null;
        const [articles, subscribers] = await Promise.all([
          tx.articleTopic.count({ where: { topicId: topic.id } }),
          tx.subscription.count({ where: { topicId: topic.id } }),
        ]);
        const feeds = await tx.feed.updateMany({ where: { defaultTopic: slug }, data: { defaultTopic: null } });
        await tx.topic.delete({ where: { id: topic.id } });
        return { topic, counts: { articles, subscribers, feeds: feeds.count } };
      });
    },

    /** Keyword rules: each topic's phrases (only the editors' topics' when `editorsOnly`). */
    async rules(editorsOnly = false): Promise<{ slug: string; phrases: string[] }[]> {
      const topics = await prisma.topic.findMany({
        where: { keywords: { some: {} }, ...(editorsOnly ? { createdByEditor: true } : {}) },
        select: { slug: true, keywords: { select: { phrase: true }, orderBy: { id: "asc" } } },
        orderBy: { slug: "asc" },
      });
      return topics.map((t) => ({ slug: t.slug, phrases: t.keywords.map((k) => k.phrase) }));
    },

    async addKeyword(topicId: number, phrase: string): Promise<void> {
      // Adding a phrase that is already there is not an error (two editors, one double tap).
      try {
        await prisma.topicKeyword.create({ data: { topicId, phrase } });
      } catch (error) {
        if (!isUniqueViolation(error)) throw error;
      }
    },

    async removeKeyword(topicId: number, phrase: string): Promise<boolean> {
      const deleted = await prisma.topicKeyword.deleteMany({ where: { topicId, phrase } });
      return deleted.count > 0;
    },
  };
}
