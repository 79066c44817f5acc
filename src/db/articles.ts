/** The articles table, with its URL aliases and topic links. */
import type { Db } from "./client.js";
import { inBatches } from "./in-batches.js";

/** An article ready to store (already clean, normalised and tagged). */
export interface NewArticle {
  url: string;
  guid: string | null;
  feedId: number | null;
  headline: string;
  summary: string;
  body: string;
  section: string | null;
  author: string | null;
  language: string | null;
  imageUrl: string | null;
  /** A photo an editor attached (a Telegram file_id); it wins over imageUrl. */
  editorImage?: string | null;
  /** The source's name for posts (og:site_name, else the feed's title, else the host name). */
  sourceName?: string | null;
  publishedAt: Date | null;
  modifiedAt: Date | null;
  sortAt: Date;
  headlineKey: string;
  autoPost: boolean;
  source: "feed" | "page" | "editor";
  topics: { slug: string; name: string }[];
  /** Other URLs of this article (e.g. the feed's link when the page names another canonical URL). */
  otherUrls: string[];
}

/** What readers and the publisher need of a stored article. */
export interface ArticleView {
  id: number;
  url: string;
  headline: string;
  summary: string;
  imageUrl: string | null;
  section: string | null;
  publishedAt: Date | null;
  sortAt: Date;
  topics: string[];
}

const viewSelect = {
  id: true,
  url: true,
  headline: true,
  summary: true,
  imageUrl: true,
  section: true,
  publishedAt: true,
  sortAt: true,
  topics: { select: { topic: { select: { slug: true } } }, orderBy: { topicId: "asc" } },
} as const;

type ViewRow = Omit<ArticleView, "topics"> & { topics: { topic: { slug: string } }[] };

function toView(row: ViewRow): ArticleView {
  return { ...row, topics: row.topics.map((t) => t.topic.slug) };
}

/**
 * A feed's items are stored in one transaction; a large feed on a busy machine
 * needs longer than Prisma's 5-second default, and a second writer may hold SQLite.
 */
const STORE_TRANSACTION = { maxWait: 30_000, timeout: 120_000 };

export type ArticlesRepository = ReturnType<typeof createArticlesRepository>;

export function createArticlesRepository(prisma: Db) {
  return {
    /** Of the given URLs, those already stored as an article URL or an alias. */
    async knownUrls(urls: string[]): Promise<Set<string>> {
      if (urls.length === 0) return new Set();
      const [articles, aliases] = await Promise.all([
        prisma.article.findMany({ where: { url: { in: urls } }, select: { url: true } }),
        prisma.articleAlias.findMany({ where: { url: { in: urls } }, select: { url: true } }),
      ]);
      return new Set([...articles.map((a) => a.url), ...aliases.map((a) => a.url)]);
    },

    /** Headline keys of articles seen since `since`, to recognise the same story under another URL. */
    recentHeadlines(since: Date): Promise<{ id: number; headlineKey: string; publishedAt: Date | null }[]> {
      return prisma.article.findMany({
        where: { sortAt: { gte: since }, headlineKey: { not: "" } },
        select: { id: true, headlineKey: true, publishedAt: true },
      });
    },

    /**
     * Stores new articles and aliases in one transaction, so a publish tick never
     * sees half of a feed's items. URLs stored meanwhile are skipped, not duplicated.
     * Returns the articles created.
     */
    async storeBatch(
      articles: NewArticle[],
      knownAliases: { url: string; articleId: number }[] = [],
    ): Promise<{ id: number; url: string }[]> {
      return prisma.$transaction(async (tx) => {
        const aliases = [...knownAliases];
        const created: { id: number; url: string }[] = [];
        const topicIds = new Map<string, number>();
        for (const article of articles) {
          const taken =
            (await tx.article.findUnique({ where: { url: article.url }, select: { id: true } })) ??
            (await tx.articleAlias.findUnique({ where: { url: article.url }, select: { articleId: true } }));
          if (taken) continue;
          const { topics, otherUrls, ...data } = article;
          const row = await tx.article.create({ data, select: { id: true } });
          for (const url of otherUrls) aliases.push({ url, articleId: row.id });
          for (const topic of topics) {
            let topicId = topicIds.get(topic.slug);
            if (topicId === undefined) {
              const stored = await tx.topic.upsert({
                where: { slug: topic.slug },
                create: { slug: topic.slug, name: topic.name },
                update: {},
                select: { id: true },
              });
              topicId = stored.id;
              topicIds.set(topic.slug, topicId);
            }
            await tx.articleTopic.create({ data: { articleId: row.id, topicId } });
          }
          created.push({ id: row.id, url: article.url });
        }
        for (const alias of aliases) {
          const taken =
            (await tx.articleAlias.findUnique({ where: { url: alias.url } })) ??
            (await tx.article.findUnique({ where: { url: alias.url }, select: { id: true } }));
          if (!taken) await tx.articleAlias.create({ data: alias });
        }
        return created;
      }, STORE_TRANSACTION);
    },

    get(id: number): Promise<ArticleView | null> {
      return prisma.article.findUnique({ where: { id }, select: viewSelect }).then((row) => (row ? toView(row) : null));
    },

    findByUrl(url: string): Promise<ArticleView | null> {
      return prisma.article
        .findFirst({ where: { OR: [{ url }, { aliases: { some: { url } } }] }, select: viewSelect })
        .then((row) => (row ? toView(row) : null));
    },

    /** The newest articles, optionally of one topic. */
    async latest(options: { limit: number; topicSlug?: string | null }): Promise<ArticleView[]> {
      const rows = await prisma.article.findMany({
        where: options.topicSlug ? { topics: { some: { topic: { slug: options.topicSlug } } } } : {},
        orderBy: [{ sortAt: "desc" }, { id: "desc" }],
        take: options.limit,
        select: viewSelect,
      });
      return rows.map(toView);
    },

    /** The oldest article published since `since` that may be posted automatically and has no post yet. */
    async nextToPost(since: Date): Promise<ArticleView | null> {
      const row = await prisma.article.findFirst({
        where: { autoPost: true, post: { is: null }, sortAt: { gte: since } },
        orderBy: [{ sortAt: "asc" }, { id: "asc" }],
        select: viewSelect,
      });
      return row ? toView(row) : null;
    },

    /**
     * Retention: empties the body of articles stored before `cutoff`. Everything else
     * stays — URL and aliases (dedupe, links, /r/<id>), headline and headlineKey (same
     * story), summary (posts, /latest, /search), image, topics, sortAt. Returns how many.
     */
    blankBodiesStoredBefore(cutoff: Date): Promise<number> {
      return inBatches(
        async (limit) =>
          (await prisma.article.findMany({ where: { createdAt: { lt: cutoff }, body: { not: "" } }, select: { id: true }, take: limit })).map((a) => a.id),
        async (ids) => (await prisma.article.updateMany({ where: { id: { in: ids } }, data: { body: "" } })).count,
      );
    },

    /** Corrects an article's headline or summary (editors' edits). */
    async update(id: number, data: { headline?: string; summary?: string; editorImage?: string }): Promise<void> {
      await prisma.article.update({ where: { id }, data });
    },
  };
}
