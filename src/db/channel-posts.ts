/**
 * The outbox: channel posts and their life cycle.
 *
 * draft (an editor's preview) | review (a review card) → queued/scheduled → sending (claimed
 * with a lease) → sent | failed | queued again (retry). A draft or review story an editor
 * turns down is cancelled or skipped. A post left in `sending` after its lease expired has
 * an unknown outcome: it becomes `uncertain` and is reported, never resent blindly.
 */
import { storeReason } from "../i18n/stored-reason.js";
import type { SendFailure } from "../publish/outbox-reason.js";
import { countSites, NOT_REMOVED } from "./articles.js";
import type { Db } from "./client.js";
import { isUniqueViolation } from "./prisma-errors.js";

import type { PostStatus } from "./post-statuses.js";

export { POST_STATUSES, type PostStatus } from "./post-statuses.js";
export type PostOrigin = "auto" | "editor";

/** A post with what formatting and reporting need of its article. */
export interface PostRecord {
  id: number;
  articleId: number;
  status: PostStatus;
  origin: PostOrigin;
  /** Breaking news: sent with notification and marked. */
  breaking: boolean;
  /** How it went out (photo, preview or text); null until sent. */
  media: string | null;
  scheduledAt: Date | null;
  queuedById: bigint | null;
  queuedByName: string | null;
  attempts: number;
  /** When the latest send began; for an uncertain post, about when its message would be in the channel. */
  sendStartedAt: Date | null;
  nextAttemptAt: Date | null;
  lastError: string | null;
  chatId: string | null;
  telegramMessageId: bigint | null;
  sentAt: Date | null;
  reactionCount: number;
  clickCount: number;
  createdAt: Date;
  article: {
    id: number;
    url: string;
    headline: string;
    summary: string;
    topics: string[];
    imageUrl: string | null;
    editorImage: string | null;
    sourceName: string | null;
    /** The feed's title, the source's name for stories stored before sourceName was. */
    feedTitle: string | null;
  };
}

const postSelect = {
  id: true,
  articleId: true,
  status: true,
  origin: true,
  breaking: true,
  media: true,
  scheduledAt: true,
  queuedById: true,
  queuedByName: true,
  attempts: true,
  sendStartedAt: true,
  nextAttemptAt: true,
  lastError: true,
  chatId: true,
  telegramMessageId: true,
  sentAt: true,
  reactionCount: true,
  clickCount: true,
  createdAt: true,
  article: {
    select: {
      id: true,
      url: true,
      headline: true,
      summary: true,
      imageUrl: true,
      editorImage: true,
      sourceName: true,
      feed: { select: { title: true } },
      topics: { select: { topic: { select: { slug: true } } }, orderBy: { topicId: "asc" } },
    },
  },
} as const;

type PostRow = Omit<PostRecord, "status" | "origin" | "article"> & {
  status: string;
  origin: string;
  article: Omit<PostRecord["article"], "topics" | "feedTitle"> & { topics: { topic: { slug: string } }[]; feed: { title: string | null } | null };
};

function toRecord(row: PostRow): PostRecord {
  const { feed, topics, ...article } = row.article;
  return {
    ...row,
    status: row.status as PostStatus,
    origin: row.origin as PostOrigin,
    article: { ...article, topics: topics.map((t) => t.topic.slug), feedTitle: feed?.title ?? null },
  };
}

/** A sent post the channel digest may list. */
export interface DigestCandidate {
  postId: number;
  articleId: number;
  url: string;
  headline: string;
  /** Reactions plus counted clicks. */
  engagement: number;
  sortAt: Date;
  priority: number;
  sites: number;
}

const WAITING: PostStatus[] = ["queued", "scheduled"];

/** Posts waiting for an editor's decision: an editor's draft (/queue without a time) or a story for review. */
export const PENDING: PostStatus[] = ["draft", "review"];

/** A decision on a draft or a review card. */
export type PostDecision = "posted" | "scheduled" | "breaking" | "skipped" | "cancelled";

/** A draft or review story as its card shows it: the post, its source and time, and the decision once made. */
export interface CardRecord {
  post: PostRecord;
  breaking: boolean;
  card: { chatId: string; messageId: number } | null;
  decision: { kind: PostDecision; byId: bigint | null; byName: string | null; at: Date | null } | null;
  /** og:site_name, else the feed's title, else null (the caller falls back to the host name). */
  sourceName: string | null;
  holdReason: string | null;
  publishedAt: Date | null;
  sortAt: Date;
}

const cardSelect = {
  breaking: true,
  cardChatId: true,
  cardMessageId: true,
  decision: true,
  decidedById: true,
  decidedByName: true,
  decidedAt: true,
  article: { select: { sourceName: true, holdReason: true, publishedAt: true, sortAt: true, feed: { select: { title: true } } } },
} as const;

/** Waiting posts whose time has come: schedule reached, retry delay over. */
function dueNow(now: Date) {
  return {
    status: { in: WAITING },
    OR: [{ scheduledAt: null }, { scheduledAt: { lte: now } }],
    AND: [{ OR: [{ nextAttemptAt: null }, { nextAttemptAt: { lte: now } }] }],
  };
}

export type ChannelPostsRepository = ReturnType<typeof createChannelPostsRepository>;

export function createChannelPostsRepository(prisma: Db) {
  return {
    get(id: number): Promise<PostRecord | null> {
      return prisma.channelPost.findUnique({ where: { id }, select: postSelect }).then((row) => (row ? toRecord(row) : null));
    },

    findByArticle(articleId: number): Promise<PostRecord | null> {
      return prisma.channelPost
        .findUnique({ where: { articleId }, select: postSelect })
        .then((row) => (row ? toRecord(row) : null));
    },

    /**
     * Creates the post of an article. An article has at most one post (a unique key),
     * so two instances racing here cannot both create one; the loser gets null.
     */
    async create(input: {
      articleId: number;
      origin: PostOrigin;
      scheduledAt?: Date | null;
      queuedById?: bigint | null;
      queuedByName?: string | null;
      /** "draft": an editor's preview that waits for Post now or Schedule. */
      status?: "draft";
    }): Promise<PostRecord | null> {
      try {
        const row = await prisma.channelPost.create({
          data: {
            articleId: input.articleId,
            origin: input.origin,
            status: input.status ?? (input.scheduledAt ? "scheduled" : "queued"),
            scheduledAt: input.scheduledAt ?? null,
            queuedById: input.queuedById ?? null,
            queuedByName: input.queuedByName ?? null,
          },
          select: postSelect,
        });
        return toRecord(row);
      } catch (error) {
        if (isUniqueViolation(error)) return null;
        throw error;
      }
    },

    /**
     * The post to send next: breaking news, then editors' posts before automatic ones, then
     * the earliest due. Retries wait for their nextAttemptAt. `timedOnly`: only posts given a
     * time (with POST_SLOTS, the others wait for a slot).
     */
    async nextDue(now: Date, origins: PostOrigin[] = ["editor", "auto"], options: { timedOnly?: boolean } = {}): Promise<PostRecord | null> {
      const row = await prisma.channelPost.findFirst({
        where: { ...dueNow(now), origin: { in: origins }, article: NOT_REMOVED, ...(options.timedOnly ? { scheduledAt: { not: null } } : {}) },
        // Breaking news first; "editor" sorts before "auto" descending; then the oldest due first.
        orderBy: [{ breaking: "desc" }, { origin: "desc" }, { scheduledAt: { sort: "asc", nulls: "first" } }, { id: "asc" }],
        select: postSelect,
      });
      return row ? toRecord(row) : null;
    },

    /**
     * Claims a waiting post for sending, atomically: exactly one caller (tick, or
     * instance sharing the database) gets true. The lease says how long the claim holds.
     */
    async claim(id: number, owner: string, now: Date, leaseMs: number): Promise<boolean> {
      const claimed = await prisma.channelPost.updateMany({
        // A killed story is never sent, whoever still holds its post.
        where: { id, status: { in: WAITING }, article: NOT_REMOVED },
        data: {
          status: "sending",
          leaseOwner: owner,
          leaseUntil: new Date(now.getTime() + leaseMs),
          sendStartedAt: now,
          attempts: { increment: 1 },
        },
      });
      return claimed.count === 1;
    },

    /**
     * Extends the owner's sending lease to `until` while its send (or the recording of
     * its result) is still going. False when the post is no longer this owner's to send.
     */
    async renewLease(id: number, owner: string, until: Date): Promise<boolean> {
      const renewed = await prisma.channelPost.updateMany({
        where: { id, status: "sending", leaseOwner: owner },
        data: { leaseUntil: until },
      });
      return renewed.count === 1;
    },

    /**
     * Records a delivered post. The lease owner may; so may a sender whose lease ran
     * out meanwhile (the post went to "uncertain"), since now the outcome is known.
     */
    async markSent(id: number, owner: string, result: { chatId: string; messageId: number; now: Date; media?: string }): Promise<boolean> {
      const updated = await prisma.channelPost.updateMany({
        where: { id, OR: [{ status: "sending", leaseOwner: owner }, { status: "uncertain" }] },
        data: {
          status: "sent",
          ...(result.media ? { media: result.media } : {}),
          chatId: result.chatId,
          telegramMessageId: BigInt(result.messageId),
          sentAt: result.now,
          leaseOwner: null,
          leaseUntil: null,
          lastError: null,
        },
      });
      return updated.count === 1;
    },

    /** Puts a post whose send certainly did not happen back in the queue, to try at `nextAttemptAt`. */
    async release(id: number, owner: string, failure: { error: string; nextAttemptAt: Date }): Promise<void> {
      const post = await prisma.channelPost.findUnique({ where: { id }, select: { scheduledAt: true } });
      await prisma.channelPost.updateMany({
        where: { id, status: "sending", leaseOwner: owner },
        data: {
          status: post?.scheduledAt ? "scheduled" : "queued",
          leaseOwner: null,
          leaseUntil: null,
          lastError: failure.error,
          nextAttemptAt: failure.nextAttemptAt,
        },
      });
    },

    /** Ends a post as failed or uncertain, with the reason; the admin chat is told later. */
    async markUnsent(id: number, owner: string, outcome: { status: "failed" | "uncertain"; error: string }): Promise<void> {
      await prisma.channelPost.updateMany({
        where: { id, status: "sending", leaseOwner: owner },
        data: { status: outcome.status, lastError: outcome.error, leaseOwner: null, leaseUntil: null },
      });
    },

    /**
     * Posts whose sending lease ran out without a result (the process died mid-call)
     * become uncertain: Telegram may or may not have the message. Posts in `except` are
     * left alone: this process knows their result and is still recording it.
     */
    async expireLeases(now: Date, except: readonly number[] = []): Promise<number> {
      const expired = await prisma.channelPost.updateMany({
        where: { status: "sending", leaseUntil: { lt: now }, ...(except.length > 0 ? { id: { notIn: [...except] } } : {}) },
        data: {
          status: "uncertain",
          lastError: storeReason({ code: "process-stopped" } satisfies SendFailure),
          leaseOwner: null,
          leaseUntil: null,
        },
      });
      return expired.count;
    },

    /** Failed or uncertain posts the admin chat has not been told about yet. */
    async unreported(): Promise<PostRecord[]> {
      const rows = await prisma.channelPost.findMany({
        where: { status: { in: ["failed", "uncertain"] }, reportedAt: null },
        orderBy: { id: "asc" },
        select: postSelect,
      });
      return rows.map(toRecord);
    },

    /**
     * Takes the job of reporting a post to the editors: true for exactly one caller, so the
     * publish tick and the watchdog never both tell them. `unclaimReport` hands it back.
     */
    async claimReport(id: number, now: Date): Promise<boolean> {
      const { count } = await prisma.channelPost.updateMany({
        where: { id, reportedAt: null, status: { in: ["failed", "uncertain"] } },
        data: { reportedAt: now },
      });
      return count === 1;
    },

    async unclaimReport(id: number): Promise<void> {
      await prisma.channelPost.updateMany({ where: { id }, data: { reportedAt: null } });
    },

    /**
     * For the metrics: how many posts are due now, and since when the longest-waiting one
     * has been due — the latest of its creation, its scheduled time and its retry time.
     */
    async dueSummary(now: Date): Promise<{ count: number; oldestDueAt: Date | null }> {
      // Only editors' posts and retries wait here (automatic posts are created as they are sent): a few rows.
      const rows = await prisma.channelPost.findMany({ where: dueNow(now), select: { createdAt: true, scheduledAt: true, nextAttemptAt: true } });
      const dueSince = rows.map((row) => Math.max(row.createdAt.getTime(), row.scheduledAt?.getTime() ?? 0, row.nextAttemptAt?.getTime() ?? 0));
      return { count: rows.length, oldestDueAt: dueSince.length > 0 ? new Date(Math.min(...dueSince)) : null };
    },

    /** How many posts went out since `since` (for MAX_POSTS_PER_HOUR). */
    countSentSince(since: Date): Promise<number> {
      return prisma.channelPost.count({ where: { status: "sent", sentAt: { gte: since } } });
    },

    /** The queue: posts waiting to be sent, in the order the outbox takes them (editors' first). */
    async listWaiting(): Promise<PostRecord[]> {
      const rows = await prisma.channelPost.findMany({
        where: { status: { in: WAITING } },
        orderBy: [{ origin: "desc" }, { scheduledAt: { sort: "asc", nulls: "first" } }, { id: "asc" }],
        select: postSelect,
      });
      return rows.map(toRecord);
    },

    /** The waiting posts in the outbox's order, with when each last changed (health checks). */
    async listWaitingTimes(): Promise<{ id: number; origin: PostOrigin; scheduledAt: Date | null; updatedAt: Date; headline: string }[]> {
      const rows = await prisma.channelPost.findMany({
        where: { status: { in: WAITING } },
        orderBy: [{ origin: "desc" }, { scheduledAt: { sort: "asc", nulls: "first" } }, { id: "asc" }],
        select: { id: true, origin: true, scheduledAt: true, updatedAt: true, article: { select: { headline: true } } },
      });
      return rows.map((r) => ({ id: r.id, origin: r.origin as PostOrigin, scheduledAt: r.scheduledAt, updatedAt: r.updatedAt, headline: r.article.headline }));
    },

    /** The post that reached the channel last (even if taken down since), or null. */
    async lastSent(): Promise<{ id: number; headline: string; sentAt: Date } | null> {
      const row = await prisma.channelPost.findFirst({
        where: { status: { in: ["sent", "deleted"] }, sentAt: { not: null } },
        orderBy: [{ sentAt: "desc" }, { id: "desc" }],
        select: { id: true, sentAt: true, article: { select: { headline: true } } },
      });
      return row?.sentAt ? { id: row.id, headline: row.article.headline, sentAt: row.sentAt } : null;
    },

    /** Failed and uncertain posts, the newest first (at most `limit`), and how many there are. */
    async listUnsent(limit: number): Promise<{ total: number; posts: PostRecord[] }> {
      const where = { status: { in: ["failed", "uncertain"] } };
      const [total, rows] = await Promise.all([
        prisma.channelPost.count({ where }),
        prisma.channelPost.findMany({ where, orderBy: { id: "desc" }, take: limit, select: postSelect }),
      ]);
      return { total, posts: rows.map(toRecord) };
    },

    /** Posts sent (and not deleted) since `since`, newest first: stats read their engagement columns. */
    async listSentSince(since: Date): Promise<PostRecord[]> {
      const rows = await prisma.channelPost.findMany({
        where: { status: "sent", sentAt: { gte: since } },
        orderBy: { id: "desc" },
        select: postSelect,
      });
      return rows.map(toRecord);
    },

    /**
     * Makes an existing post of an article an editor's post (an editor queued a
     * known URL): waiting, draft, review, cancelled, skipped and failed posts only (an
     * earlier decision is forgotten). Null when the post meanwhile went to another state.
     */
    async takeOverForEditor(
      id: number,
      input: { scheduledAt: Date | null; queuedById: bigint; queuedByName: string | null; status?: "draft" },
    ): Promise<PostRecord | null> {
      const updated = await prisma.channelPost.updateMany({
        where: { id, status: { in: [...WAITING, ...PENDING, "cancelled", "failed", "skipped"] } },
        data: {
          origin: "editor",
          status: input.status ?? (input.scheduledAt ? "scheduled" : "queued"),
          decision: null,
          decidedById: null,
          decidedByName: null,
          decidedAt: null,
          scheduledAt: input.scheduledAt,
          queuedById: input.queuedById,
          queuedByName: input.queuedByName,
          nextAttemptAt: null,
          lastError: null,
          reportedAt: null,
        },
      });
      if (updated.count !== 1) return null;
      const row = await prisma.channelPost.findUnique({ where: { id }, select: postSelect });
      return row ? toRecord(row) : null;
    },

    /** Sets when a waiting post goes out (null: at the next slot). False when it is not waiting. */
    async schedule(id: number, at: Date | null): Promise<boolean> {
      const updated = await prisma.channelPost.updateMany({
        where: { id, status: { in: WAITING } },
        data: { status: at ? "scheduled" : "queued", scheduledAt: at, nextAttemptAt: null },
      });
      return updated.count === 1;
    },

    /** Cancels a waiting post. False when it is not waiting (sent, sending, already cancelled…). */
    async cancel(id: number): Promise<boolean> {
      const updated = await prisma.channelPost.updateMany({ where: { id, status: { in: WAITING } }, data: { status: "cancelled" } });
      return updated.count === 1;
    },

    /**
     * Cancels a post that has not reached the channel (a draft, a review card, waiting or failed):
     * its story was killed. False when it is sending, sent, uncertain or already ended.
     */
    async cancelUnsent(id: number): Promise<boolean> {
      const updated = await prisma.channelPost.updateMany({
        where: { id, status: { in: ["draft", "review", ...WAITING, "failed"] } },
        data: { status: "cancelled" },
      });
      return updated.count === 1;
    },

    /** Puts a failed, uncertain or cancelled post back in the queue, due at once (an editor asked). */
    async requeue(id: number): Promise<boolean> {
      const updated = await prisma.channelPost.updateMany({
        where: { id, status: { in: ["failed", "uncertain", "cancelled"] } },
        data: { status: "queued", scheduledAt: null, nextAttemptAt: null, reportedAt: null },
      });
      return updated.count === 1;
    },

    /**
     * Records an uncertain post as sent because an editor found it in the channel. Its
     * message id is unknown; it went out when its send began (or, unknown, now).
     */
    async markSentByHand(id: number, now: Date): Promise<boolean> {
      const post = await prisma.channelPost.findUnique({ where: { id }, select: { sendStartedAt: true } });
      const updated = await prisma.channelPost.updateMany({
        where: { id, status: "uncertain" },
        data: { status: "sent", sentAt: post?.sendStartedAt ?? now, chatId: null, telegramMessageId: null, lastError: null },
      });
      return updated.count === 1;
    },

    /**
     * Makes a post breaking news (an editor asked): ahead of the queue, sent with notification.
     * Only a post not yet in the channel; false otherwise.
     */
    async markBreaking(id: number): Promise<boolean> {
      const updated = await prisma.channelPost.updateMany({
        where: { id, status: { in: [...WAITING, "cancelled", "failed", "draft", "review", "skipped"] } },
        data: { breaking: true, origin: "editor", status: "queued", scheduledAt: null, nextAttemptAt: null, reportedAt: null },
      });
      return updated.count === 1;
    },

    /**
     * Posts in the channel sent since `since` whose story was not removed, with their
     * engagement (reactions and clicks) and what the selection score weighs: the channel digest's candidates.
     */
    async listForDigest(since: Date, until: Date): Promise<DigestCandidate[]> {
      const rows = await prisma.channelPost.findMany({
        where: { status: "sent", sentAt: { gt: since, lte: until }, article: { removedAt: null } },
        orderBy: { id: "asc" },
        select: {
          id: true,
          reactionCount: true,
          clickCount: true,
          article: { select: { id: true, url: true, headline: true, sortAt: true, feed: { select: { priority: true } }, aliases: { select: { url: true } } } },
        },
      });
      return rows.map((row) => ({
        postId: row.id,
        articleId: row.article.id,
        url: row.article.url,
        headline: row.article.headline,
        engagement: row.reactionCount + row.clickCount,
        sortAt: row.article.sortAt,
        priority: row.article.feed?.priority ?? 3,
        sites: countSites([row.article.url, ...row.article.aliases.map((a) => a.url)]),
      }));
    },

    /** Records that a sent post was taken down from the channel. */
    async markDeleted(id: number): Promise<boolean> {
      const updated = await prisma.channelPost.updateMany({ where: { id, status: "sent" }, data: { status: "deleted" } });
      return updated.count === 1;
    },

    /** A post with what its card shows; null when there is no such post. */
    async getCard(id: number): Promise<CardRecord | null> {
      const [post, extra] = await Promise.all([
        prisma.channelPost.findUnique({ where: { id }, select: postSelect }),
        prisma.channelPost.findUnique({ where: { id }, select: cardSelect }),
      ]);
      if (!post || !extra) return null;
      const { article } = extra;
      return {
        post: toRecord(post),
        breaking: extra.breaking,
        card: extra.cardChatId && extra.cardMessageId !== null ? { chatId: extra.cardChatId, messageId: Number(extra.cardMessageId) } : null,
        decision: extra.decision
          ? { kind: extra.decision as PostDecision, byId: extra.decidedById, byName: extra.decidedByName, at: extra.decidedAt }
          : null,
        sourceName: article.sourceName ?? article.feed?.title ?? null,
        holdReason: article.holdReason,
        publishedAt: article.publishedAt,
        sortAt: article.sortAt,
      };
    },

    /**
     * Records an editor's decision on a draft or review story, atomically: of two editors
     * deciding at once exactly one gets true. The post leaves `from` for `status`.
     */
    async decide(
      id: number,
      input: {
        from: PostStatus[];
        status: PostStatus;
        decision: PostDecision;
        by: { id: bigint; name: string | null };
        at: Date;
        scheduledAt?: Date | null;
        breaking?: boolean;
      },
    ): Promise<boolean> {
      const { count } = await prisma.channelPost.updateMany({
        where: { id, status: { in: input.from } },
        data: {
          status: input.status,
          decision: input.decision,
          decidedById: input.by.id,
          decidedByName: input.by.name,
          decidedAt: input.at,
          ...(input.scheduledAt !== undefined ? { scheduledAt: input.scheduledAt, nextAttemptAt: null } : {}),
          // An approved story is an editor's choice: it goes ahead of automatic posts.
          ...(input.status === "queued" || input.status === "scheduled" ? { origin: "editor", queuedById: input.by.id, queuedByName: input.by.name } : {}),
          ...(input.breaking ? { breaking: true } : {}),
        },
      });
      return count === 1;
    },

    /** Remembers where a post's card is (the admin chat's message), so decisions edit it in place. */
    async setCard(id: number, card: { chatId: string; messageId: number } | null): Promise<void> {
      await prisma.channelPost.updateMany({
        where: { id },
        data: { cardChatId: card?.chatId ?? null, cardMessageId: card ? BigInt(card.messageId) : null },
      });
    },

    /** Forgets the card of any post shown in this message (a /review page now shows another story). */
    async clearCardAt(card: { chatId: string; messageId: number }): Promise<void> {
      await prisma.channelPost.updateMany({
        where: { cardChatId: card.chatId, cardMessageId: BigInt(card.messageId) },
        data: { cardChatId: null, cardMessageId: null },
      });
    },

    /** The newest post's id (0 without posts): what an ingest run creates comes after it. */
    async lastId(): Promise<number> {
      const row = await prisma.channelPost.findFirst({ orderBy: { id: "desc" }, select: { id: true } });
      return row?.id ?? 0;
    },

    /** Review stories with ids in (`after`, `through`] that have no card yet, oldest first (at most `limit`). */
    async reviewWithoutCard(ids: { after: number; through: number }, limit: number): Promise<number[]> {
      const rows = await prisma.channelPost.findMany({
        where: { status: "review", cardMessageId: null, id: { gt: ids.after, lte: ids.through } },
        orderBy: { id: "asc" },
        take: limit,
        select: { id: true },
      });
      return rows.map((r) => r.id);
    },

    /** Posts waiting for an editor's decision in `statuses`, oldest first: one page, and how many there are. */
    async listPending(statuses: PostStatus[], page: { skip: number; take: number }): Promise<{ total: number; posts: PostRecord[] }> {
      const where = { status: { in: statuses } };
      const [total, rows] = await Promise.all([
        prisma.channelPost.count({ where }),
        prisma.channelPost.findMany({ where, orderBy: { id: "asc" }, skip: page.skip, take: page.take, select: postSelect }),
      ]);
      return { total, posts: rows.map(toRecord) };
    },

    /** Posts in any of `statuses` (every post when empty), the newest first, at most `limit`, and how many there are. */
    async listByStatus(statuses: readonly PostStatus[], limit: number): Promise<{ total: number; posts: PostRecord[] }> {
      const where = statuses.length > 0 ? { status: { in: [...statuses] } } : {};
      const [total, rows] = await Promise.all([
        prisma.channelPost.count({ where }),
        prisma.channelPost.findMany({ where, orderBy: { id: "desc" }, take: limit, select: postSelect }),
      ]);
      return { total, posts: rows.map(toRecord) };
    },
  };
}
