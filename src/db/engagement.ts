/**
 * Engagement on channel posts: the reaction and click counters of ChannelPost
 * (this module owns those two columns; repeat clicks are told apart in
 * counted-clicks.ts) and the query /popular ranks.
 */
import { NOT_REMOVED } from "./articles.js";
import type { Db } from "./client.js";
import { createCountedClicksRepository } from "./counted-clicks.js";
import { NO_READ_CACHE, type ReadCache } from "./read-cache.js";

/** A sent post with its counters and what a reader list needs of its article. */
export interface EngagedPost {
  postId: number;
  reactions: number;
  clicks: number;
  postedAt: Date;
  article: { id: number; url: string; headline: string };
}

/** The most recent engaged posts considered for ranking; older ones have decayed out of any top list. */
export const POPULAR_CANDIDATES = 500;

export type EngagementRepository = ReturnType<typeof createEngagementRepository>;

/** Candidates are read from the window's start rounded down to this, so one read serves a minute of /popular. */
const WINDOW_STEP_MS = 60_000;

/** `cache` keeps the /popular candidates (the database's read cache; none by default). */
export function createEngagementRepository(prisma: Db, cache: ReadCache = NO_READ_CACHE) {
  const clicks = createCountedClicksRepository(prisma);
  return {
    /**
     * Stores the total number of reactions Telegram reported for a channel message.
     * The post is found by chat and message id; a channel configured by @username
     * was stored under that name, so every name of the chat is tried. Returns
     * whether a post matched.
     */
    async recordReactionCount(chatRefs: string[], messageId: number, total: number): Promise<boolean> {
      const updated = await prisma.channelPost.updateMany({
        where: { chatId: { in: chatRefs }, telegramMessageId: BigInt(messageId) },
        data: { reactionCount: Math.max(0, total) },
      });
      return updated.count > 0;
    },

    /**
     * The article URL a redirect for this post goes to; null unless the post is in the channel
     * (sent: not queued, cancelled, failed or deleted). The click is counted when `reader` (the
     * reader's address; null for robots) has not clicked this post yet in `now`'s hour.
     */
    async followLink(postId: number, options: { reader: string | null; now: Date }): Promise<string | null> {
      const post = await prisma.channelPost.findFirst({ where: { id: postId, status: "sent" }, select: { article: { select: { url: true } } } });
      if (!post) return null;
      if (options.reader !== null && (await clicks.recordFirst(options.reader, postId, options.now))) {
        await prisma.channelPost.updateMany({ where: { id: postId, status: "sent" }, data: { clickCount: { increment: 1 } } });
      }
      return post.article.url;
    },

    /** Forgets which readers clicked what more than a day before `now` (also done as clicks come in). */
    forgetOldClicks: (now: Date): Promise<number> => clicks.forgetOld(now),

    /** Posts sent since `since` (their story not removed) that have any reactions or clicks, newest first (at most {@link POPULAR_CANDIDATES}). */
    async engagedSince(since: Date): Promise<EngagedPost[]> {
      const from = new Date(Math.floor(since.getTime() / WINDOW_STEP_MS) * WINDOW_STEP_MS);
      const posts = await cache.get(`engaged:${from.getTime()}`, () => readEngagedSince(from));
      // Newest first: when the oldest is in the window, all are (and the cached list is returned as it is).
      const oldest = posts.at(-1);
      return oldest === undefined || oldest.postedAt >= since ? posts : posts.filter((post) => post.postedAt >= since);
    },
  };

  async function readEngagedSince(since: Date): Promise<EngagedPost[]> {
    // No status condition in SQL: with it, SQLite (no statistics unless ANALYZE ran) walks the
    // (status, …) index over every sent post instead of the sentAt range. Only sent posts have sentAt
    // anyway; the few deleted since are dropped below.
    const rows = await prisma.channelPost.findMany({
      where: { sentAt: { gte: since }, OR: [{ reactionCount: { gt: 0 } }, { clickCount: { gt: 0 } }], article: NOT_REMOVED },
      orderBy: [{ sentAt: "desc" }, { id: "desc" }],
      take: POPULAR_CANDIDATES,
      select: {
        id: true,
        status: true,
        reactionCount: true,
        clickCount: true,
        sentAt: true,
        article: { select: { id: true, url: true, headline: true } },
      },
    });
    return rows
      .filter((row) => row.status === "sent")
      .map((row) => ({
        postId: row.id,
        reactions: row.reactionCount,
        clicks: row.clickCount,
        postedAt: row.sentAt ?? since,
        article: row.article,
      }));
  }
}
