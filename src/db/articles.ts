/** The articles table, with its URL aliases and topic links. */
import { Prisma } from "../generated/sqlite/client.js";
import type { Db } from "./client.js";
import { inBatches } from "./in-batches.js";
import { NO_READ_CACHE, type ReadCache } from "./read-cache.js";

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
  /** The headline as the feed gave it (feed items only): a later change is offered as a correction. */
  feedHeadline?: string | null;
  /** Why it is not posted automatically (a dead link), in plain words. */
  holdReason?: string | null;
  /** Waits for an editor's decision: stored with its post in status "review" (a review card). */
  review?: boolean;
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

/** A story waiting for an automatic post, with what the selection score weighs (src/publish/story-score.ts). */
export interface PostCandidate {
  id: number;
  sortAt: Date;
  /** Distinct sites (host names without "www.") carrying the story: its own URL's and its aliases'. */
  sites: number;
  /** Its feed's priority, 1-5 (3 without a feed). */
  priority: number;
}

/** A candidate with its link and headline. */
export interface ScoredArticle extends PostCandidate {
  url: string;
  headline: string;
}

/** At most this many waiting stories are scored per pick (the newest). */
const CANDIDATE_LIMIT = 500;

/** Meant for an automatic post and never posted: no post, not held, not removed. */
const notPostedWhere = { autoPost: true, post: { is: null }, holdReason: null, removedAt: null } as const;

/** How many distinct sites (host names without "www.") these URLs of one story are on; at least 1. */
export function countSites(urls: string[]): number {
  const hosts = new Set<string>();
  for (const url of urls) {
    if (URL.canParse(url)) hosts.add(new URL(url).hostname.replace(/^www\./, ""));
  }
  return Math.max(1, hosts.size);
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

/**
 * The condition every reader-facing list puts on articles (and the channel digest reuses): the
 * story was neither killed nor taken down from the channel. A plain column test, so it only
 * narrows the index range a query already walks.
 */
export const NOT_REMOVED = { removedAt: null } as const;

/** Why a story left every reader list: an editor killed it, or its channel post was deleted. */
export type RemovalReason = "killed" | "deleted";

/** A feed item seen again: the story stored under its URL, as the correction check needs it. */
export interface KnownFeedStory {
  id: number;
  headline: string;
  feedHeadline: string | null;
  post: { id: number; status: string } | null;
}

type ViewRow = Omit<ArticleView, "topics"> & { topics: { topic: { slug: string } }[] };

function toView(row: ViewRow): ArticleView {
  return { ...row, topics: row.topics.map((t) => t.topic.slug) };
}

/**
 * A feed's items are stored in one transaction; a large feed on a busy machine
 * needs longer than Prisma's 5-second default, and a second writer may hold SQLite.
 */
const STORE_TRANSACTION = { maxWait: 30_000, timeout: 120_000 };

/** Values per `IN (...)` list and rows per insert: well under both providers' bound-parameter limits. */
const IN_LIST_SIZE = 500;
/** Articles per insert: each row binds about twenty values. */
const CREATE_ROWS = 100;

function chunks<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

const unique = <T>(items: T[]): T[] => [...new Set(items)];

type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];

/** The ids of these topics by slug, creating the ones not stored yet (one query when all exist). */
async function topicIdsFor(tx: Tx, topics: { slug: string; name: string }[]): Promise<Map<string, number>> {
  const names = new Map(topics.map((t) => [t.slug, t.name]));
  const ids = new Map<string, number>();
  for (const slugs of chunks([...names.keys()], IN_LIST_SIZE)) {
    for (const row of await tx.topic.findMany({ where: { slug: { in: slugs } }, select: { id: true, slug: true } })) ids.set(row.slug, row.id);
  }
  for (const [slug, name] of names) {
    if (ids.has(slug)) continue;
    const stored = await tx.topic.upsert({ where: { slug }, create: { slug, name }, update: {}, select: { id: true } });
    ids.set(slug, stored.id);
  }
  return ids;
}

/**
 * Inserts articles in one multi-row INSERT … RETURNING (the same SQL on SQLite and PostgreSQL),
 * with the values Prisma's createMany would write (createdAt and updatedAt `now`): Prisma's
 * createManyAndReturn spends close to a millisecond of CPU per article, ten times the insert's own
 * cost, and a feed's articles are stored while the other feeds wait for their turn. Topic links
 * and aliases are inserted the same way.
 */
async function insertArticles(tx: Tx, rows: NewArticle[], now: Date): Promise<{ id: number | bigint; url: string }[]> {
  const values = rows.map(
    (a) =>
      Prisma.sql`(${a.url}, ${a.guid}, ${a.feedId}, ${a.headline}, ${a.summary}, ${a.body}, ${a.section}, ${a.author}, ${a.language}, ${a.imageUrl}, ${a.editorImage ?? null}, ${a.sourceName ?? null}, ${a.publishedAt}, ${a.modifiedAt}, ${a.sortAt}, ${a.headlineKey}, ${Prisma.raw(a.autoPost ? "TRUE" : "FALSE")}, ${a.source}, ${a.feedHeadline ?? null}, ${a.holdReason ?? null}, ${now}, ${now})`,
  );
  return tx.$queryRaw<{ id: number | bigint; url: string }[]>`
    INSERT INTO "Article" ("url", "guid", "feedId", "headline", "summary", "body", "section", "author", "language", "imageUrl", "editorImage", "sourceName", "publishedAt", "modifiedAt", "sortAt", "headlineKey", "autoPost", "source", "feedHeadline", "holdReason", "createdAt", "updatedAt")
    VALUES ${Prisma.join(values)}
    RETURNING "id", "url"`;
}

export type ArticlesRepository = ReturnType<typeof createArticlesRepository>;

/** `cache` keeps the readers' latest pages (the database's read cache; none by default). */
export function createArticlesRepository(prisma: Db, cache: ReadCache = NO_READ_CACHE) {
  /** Articles matching `where`, newest first, with what the selection score weighs. */
  const listScored = async (where: Prisma.ArticleWhereInput, limit: number): Promise<ScoredArticle[]> => {
    const rows = await prisma.article.findMany({
      where,
      orderBy: [{ sortAt: "desc" }, { id: "desc" }],
      take: limit,
      select: { id: true, url: true, headline: true, sortAt: true, feed: { select: { priority: true } }, aliases: { select: { url: true } } },
    });
    return rows.map((row) => ({
      id: row.id,
      url: row.url,
      headline: row.headline,
      sortAt: row.sortAt,
      priority: row.feed?.priority ?? 3,
      sites: countSites([row.url, ...row.aliases.map((a) => a.url)]),
    }));
  };
  /** The stored articles (id and own URL) these URLs are, or are aliases of, by URL: two indexed queries per 500 URLs. */
  const storedByUrl = async (urls: string[]): Promise<Map<string, { id: number; url: string }>> => {
    const found = new Map<string, { id: number; url: string }>();
    for (const list of chunks(unique(urls), IN_LIST_SIZE)) {
      const [direct, aliased] = await Promise.all([
        prisma.article.findMany({ where: { url: { in: list } }, select: { id: true, url: true } }),
        prisma.articleAlias.findMany({ where: { url: { in: list } }, select: { url: true, article: { select: { id: true, url: true } } } }),
      ]);
      for (const row of direct) found.set(row.url, row);
      for (const alias of aliased) if (!found.has(alias.url)) found.set(alias.url, alias.article);
    }
    return found;
  };

  const storeBatchIn = (articles: NewArticle[], knownAliases: { url: string; articleId: number }[]): Promise<{ id: number; url: string }[]> =>
    prisma.$transaction(async (tx) => {
      // One lookup for every URL the batch would take: stored meanwhile means skipped.
      const wanted = [...articles.map((a) => a.url), ...knownAliases.map((a) => a.url), ...articles.flatMap((a) => a.otherUrls)];
      const taken = new Set<string>();
      for (const urls of chunks(unique(wanted), IN_LIST_SIZE)) {
        const [direct, aliased] = await Promise.all([
          tx.article.findMany({ where: { url: { in: urls } }, select: { url: true } }),
          tx.articleAlias.findMany({ where: { url: { in: urls } }, select: { url: true } }),
        ]);
        for (const row of [...direct, ...aliased]) taken.add(row.url);
      }
      const fresh = articles.filter((article) => {
        if (taken.has(article.url)) return false;
        taken.add(article.url);
        return true;
      });
      const ids = new Map<string, number>();
      const now = new Date();
      for (const rows of chunks(fresh, CREATE_ROWS)) {
        for (const row of await insertArticles(tx, rows, now)) ids.set(row.url, Number(row.id));
      }
      const created = fresh.map((article) => ({ id: ids.get(article.url) as number, url: article.url }));
      // A story for review gets its post with it, so no publish tick sees it without one.
      const reviewed = fresh.filter((a) => a.review).map((a) => ({ articleId: ids.get(a.url) as number, status: "review", origin: "auto" }));
      if (reviewed.length > 0) await tx.channelPost.createMany({ data: reviewed });
      const topicIds = await topicIdsFor(tx, fresh.flatMap((a) => a.topics));
      const links = fresh.flatMap((a) => unique(a.topics.map((t) => t.slug)).map((slug) => ({ articleId: ids.get(a.url) as number, topicId: topicIds.get(slug) as number })));
      for (const rows of chunks(links, IN_LIST_SIZE)) {
        await tx.$executeRaw`INSERT INTO "ArticleTopic" ("articleId", "topicId") VALUES ${Prisma.join(rows.map((l) => Prisma.sql`(${l.articleId}, ${l.topicId})`))}`;
      }
      const aliases: { url: string; articleId: number }[] = [];
      const otherUrls = fresh.flatMap((a) => a.otherUrls.map((url) => ({ url, articleId: ids.get(a.url) as number })));
      for (const alias of [...knownAliases, ...otherUrls]) {
        if (taken.has(alias.url)) continue;
        taken.add(alias.url);
        aliases.push(alias);
      }
      for (const rows of chunks(aliases, IN_LIST_SIZE)) {
        await tx.$executeRaw`INSERT INTO "ArticleAlias" ("url", "articleId", "createdAt") VALUES ${Prisma.join(rows.map((a) => Prisma.sql`(${a.url}, ${a.articleId}, ${now})`))}`;
      }
      return created;
    }, STORE_TRANSACTION);

  return {
    /** Of the given URLs, those already stored as an article URL or an alias. */
    async knownUrls(urls: string[]): Promise<Set<string>> {
      return new Set((await storedByUrl(urls)).keys());
    },

    /** The stored articles (id and own URL) these URLs are, or are aliases of, by URL. */
    storedByUrl,

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
      try {
        return await storeBatchIn(articles, knownAliases);
      } finally {
        // The rows go in through raw inserts, which the client's write hook does not see.
        cache.invalidate();
      }
    },

    get(id: number): Promise<ArticleView | null> {
      return prisma.article.findUnique({ where: { id }, select: viewSelect }).then((row) => (row ? toView(row) : null));
    },

    findByUrl(url: string): Promise<ArticleView | null> {
      return prisma.article
        .findFirst({ where: { OR: [{ url }, { aliases: { some: { url } } }] }, select: viewSelect })
        .then((row) => (row ? toView(row) : null));
    },

    /** What the same-story check needs of one article. */
    storyOf(id: number): Promise<{ id: number; headlineKey: string; publishedAt: Date | null } | null> {
      return prisma.article.findUnique({ where: { id }, select: { id: true, headlineKey: true, publishedAt: true } });
    },

    /** Articles published (or first seen) between `from` and `to` whose post reached the channel, with that post. */
    async postedStories(range: { from: Date; to: Date }): Promise<
      { id: number; url: string; headline: string; headlineKey: string; publishedAt: Date | null; postId: number; sentAt: Date | null }[]
    > {
      const rows = await prisma.article.findMany({
        where: { sortAt: { gte: range.from, lte: range.to }, headlineKey: { not: "" }, post: { is: { status: { in: ["sent", "sending", "uncertain"] } } } },
        select: { id: true, url: true, headline: true, headlineKey: true, publishedAt: true, post: { select: { id: true, sentAt: true } } },
      });
      return rows.flatMap(({ post, ...a }) => (post ? [{ ...a, postId: post.id, sentAt: post.sentAt }] : []));
    },

    /** The newest articles readers may see (not removed), optionally of one topic. */
    latest(options: { limit: number; topicSlug?: string | null }): Promise<ArticleView[]> {
      const { limit, topicSlug } = options;
      return cache.get(`latest:${limit}:${topicSlug ?? ""}`, async () => {
        const rows = await prisma.article.findMany({
          where: topicSlug ? { ...NOT_REMOVED, topics: { some: { topic: { slug: topicSlug } } } } : NOT_REMOVED,
          orderBy: [{ sortAt: "desc" }, { id: "desc" }],
          take: limit,
          select: viewSelect,
        });
        return rows.map(toView);
      });
    },

    /**
     * Articles published since `since` that may be posted automatically and have no post yet,
     * with what the selection score weighs: the sites carrying the story (its own host and its
     * aliases' hosts) and its feed's priority. The newest `limit` only: older ones would lose anyway.
     */
    candidatesToPost(since: Date, limit = CANDIDATE_LIMIT): Promise<ScoredArticle[]> {
      return listScored({ ...notPostedWhere, sortAt: { gte: since } }, limit);
    },

    /**
     * Stories that were meant to be posted automatically but aged out of the auto-post window
     * unposted (published between `from` and `before`): the "not posted" count, and digest candidates.
     */
    countNotPosted(from: Date, before: Date): Promise<number> {
      return prisma.article.count({ where: { ...notPostedWhere, sortAt: { gte: from, lt: before } } });
    },

    /** Those stories themselves (for the channel digest), newest first. */
    listNotPosted(from: Date, before: Date, limit = CANDIDATE_LIMIT): Promise<ScoredArticle[]> {
      return listScored({ ...notPostedWhere, sortAt: { gte: from, lt: before } }, limit);
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
  
    /**
     * Takes a story out of every reader list, digest and alert (killed, or its post deleted).
     * False when it was removed already: the first removal and its reason stand.
     */
    async markRemoved(id: number, reason: RemovalReason, now: Date): Promise<boolean> {
      const updated = await prisma.article.updateMany({ where: { id, ...NOT_REMOVED }, data: { removedAt: now, removedReason: reason } });
      return updated.count === 1;
    },

    /** Whether (when and why) a story was removed; null when it was not (or does not exist). */
    async removal(id: number): Promise<{ at: Date; reason: string } | null> {
      const row = await prisma.article.findUnique({ where: { id }, select: { removedAt: true, removedReason: true } });
      return row?.removedAt ? { at: row.removedAt, reason: row.removedReason ?? "killed" } : null;
    },

    /** The stories stored under these URLs (or aliases), by URL, with their feed headline and post. */
    async knownFeedStories(urls: string[]): Promise<Map<string, KnownFeedStory>> {
      const found = new Map<string, KnownFeedStory>();
      if (urls.length === 0) return found;
      const select = { id: true, url: true, headline: true, feedHeadline: true, post: { select: { id: true, status: true } } } as const;
      const [direct, aliased] = await Promise.all([
        prisma.article.findMany({ where: { url: { in: urls } }, select }),
        prisma.articleAlias.findMany({ where: { url: { in: urls } }, select: { url: true, article: { select } } }),
      ]);
      for (const { url, ...story } of direct) found.set(url, story);
      for (const alias of aliased) {
        const { url: _url, ...story } = alias.article;
        if (!found.has(alias.url)) found.set(alias.url, story);
      }
      return found;
    },

    /**
     * Records the headline a feed now gives a story, if it still had `expected`: true for exactly
     * one caller, so two runs seeing the same change never both offer it.
     */
    async replaceFeedHeadline(id: number, expected: string | null, next: string): Promise<boolean> {
      const updated = await prisma.article.updateMany({ where: { id, feedHeadline: expected }, data: { feedHeadline: next } });
      return updated.count === 1;
    },
  };
}
