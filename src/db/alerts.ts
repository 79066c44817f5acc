/**
 * Readers' alerts: the AlertDelivery queue (instant alerts and daily digests), and
 * the reads fan-out and digests need of subscribers, subscriptions and channel posts.
 *
 * pending → sending (claimed with a lease) → sent | failed | skipped | pending again (retry)
 * Unique (subscriberId, postId) and (subscriberId, digestKey) make queueing idempotent.
 * A delivery whose lease ran out goes back to pending (see `expireLeases`): an alert is
 * low-stakes, so a rare duplicate after a crash is preferred to a lost alert.
 */
import { Prisma } from "../generated/sqlite/client.js";
import { NOT_REMOVED } from "./articles.js";
import type { Db } from "./client.js";
import { inBatches } from "./in-batches.js";

export type AlertKind = "instant" | "digest";

/** A delivery to queue. */
export interface NewAlert {
  subscriberId: number;
  kind: AlertKind;
  postId?: number | null;
  digestKey?: string | null;
  text: string;
}

/** A claimed delivery, with the chat to send it to. */
export interface ClaimedAlert {
  id: number;
  subscriberId: number;
  chatId: bigint;
  kind: AlertKind;
  text: string;
  /** Including this claim. */
  attempts: number;
  leaseOwner: string;
}

/** A channel post as alerts show it. */
export interface SentPost {
  id: number;
  /** Breaking news: its readers are alerted at once, digest readers too. */
  breaking: boolean;
  sentAt: Date;
  url: string;
  headline: string;
  summary: string;
  topics: { id: number; slug: string }[];
}

/** A reader due for a digest, with what decides its content. */
export interface DigestReader {
  subscriberId: number;
  topicIds: number[];
  /** When the last digest was queued for them (or Subscriber.lastDigestAt), if ever. */
  lastDigestAt: Date | null;
  /** Their /language choice and Telegram language: the digest is written in their language. */
  language: string | null;
  languageCode: string | null;
}

// SQLite allows 32766 bound parameters per statement and PostgreSQL 65535; stay well below.
const CHUNK = 500;

function chunks<T>(items: readonly T[], size = CHUNK): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

const postSelect = {
  id: true,
  breaking: true,
  sentAt: true,
  article: {
    select: {
      url: true,
      headline: true,
      summary: true,
      topics: { select: { topic: { select: { id: true, slug: true } } }, orderBy: { topicId: "asc" } },
    },
  },
} as const;

type PostRow = {
  id: number;
  breaking: boolean;
  sentAt: Date | null;
  article: { url: string; headline: string; summary: string; topics: { topic: { id: number; slug: string } }[] };
};

function toSentPost(row: PostRow): SentPost {
  return {
    id: row.id,
    breaking: row.breaking,
    sentAt: row.sentAt ?? new Date(0),
    url: row.article.url,
    headline: row.article.headline,
    summary: row.article.summary,
    topics: row.article.topics.map((t) => t.topic),
  };
}

export type AlertsRepository = ReturnType<typeof createAlertsRepository>;

export function createAlertsRepository(prisma: Db) {
  return {
    /** Channel posts sent after `since` (still in the channel, their story not killed), oldest first. */
    async sentPostsSince(since: Date, limit = 1000): Promise<SentPost[]> {
      const rows = await prisma.channelPost.findMany({
        where: { status: "sent", sentAt: { gt: since }, article: NOT_REMOVED },
        orderBy: [{ sentAt: "asc" }, { id: "asc" }],
        take: limit,
        select: postSelect,
      });
      return rows.map(toSentPost);
    },

    /**
     * Active readers with instant alerts who follow any of `topicIds`, each with the
     * topics of those they follow. Blocked and "off" readers are not included; digest readers
     * only with `alsoDigest` (breaking news reaches them at once).
     */
    async instantRecipients(
      topicIds: number[],
      options: { alsoDigest?: boolean } = {},
    ): Promise<{ subscriberId: number; topicIds: number[]; language: string | null; languageCode: string | null }[]> {
      if (topicIds.length === 0) return [];
      const rows = await prisma.subscriber.findMany({
        where: { status: "active", alertMode: { in: options.alsoDigest ? ["instant", "digest"] : ["instant"] }, subscriptions: { some: { topicId: { in: topicIds } } } },
        orderBy: { id: "asc" },
        select: { id: true, language: true, languageCode: true, subscriptions: { where: { topicId: { in: topicIds } }, select: { topicId: true } } },
      });
      return rows.map((r) => ({ subscriberId: r.id, topicIds: r.subscriptions.map((s) => s.topicId), language: r.language, languageCode: r.languageCode }));
    },

    /** Alerts queued and not yet delivered (pending or being sent). */
    countWaiting(): Promise<number> {
      return prisma.alertDelivery.count({ where: { status: { in: ["pending", "sending"] } } });
    },

    /**
     * Queues deliveries, due at `now`. Ones that already exist (same reader and post,
     * or same reader and digest day) are left as they are. Returns how many were added.
     */
    async enqueue(alerts: NewAlert[], now: Date): Promise<number> {
      let added = 0;
      // One multi-row INSERT … ON CONFLICT DO NOTHING per chunk (same SQL on SQLite and
      // PostgreSQL): Prisma's createMany cannot skip duplicates on SQLite, and costs
      // milliseconds of CPU per row here, which a fan-out to thousands of readers feels.
      for (const chunk of chunks(alerts, 200)) {
        const rows = chunk.map(
          (a) =>
            Prisma.sql`(${a.subscriberId}, ${a.postId ?? null}, ${a.kind}, ${a.digestKey ?? null}, ${a.text}, 'pending', 0, ${now}, ${now})`,
        );
        added += await prisma.$executeRaw`
          INSERT INTO "AlertDelivery" ("subscriberId", "postId", "kind", "digestKey", "text", "status", "attempts", "nextAttemptAt", "createdAt")
          VALUES ${Prisma.join(rows)}
          ON CONFLICT DO NOTHING`;
      }
      return added;
    },

    /**
     * Active digest readers whose digest hour is `hour` and who have no digest for
     * `digestKey` yet, with their topics and when their last digest was queued.
     */
    async digestReaders(hour: number, digestKey: string): Promise<DigestReader[]> {
      const rows = await prisma.subscriber.findMany({
        where: { status: "active", alertMode: "digest", digestHour: hour, alerts: { none: { digestKey } } },
        orderBy: { id: "asc" },
        select: {
          id: true,
          lastDigestAt: true,
          language: true,
          languageCode: true,
          subscriptions: { select: { topicId: true } },
          alerts: { where: { kind: "digest" }, orderBy: { createdAt: "desc" }, take: 1, select: { createdAt: true } },
        },
      });
      return rows.map((r) => ({
        subscriberId: r.id,
        topicIds: r.subscriptions.map((s) => s.topicId),
        lastDigestAt: r.alerts[0]?.createdAt ?? r.lastDigestAt,
        language: r.language,
        languageCode: r.languageCode,
      }));
    },

    /**
     * Claims up to `limit` due deliveries for sending, atomically: a delivery claimed
     * by one sender (or instance) is not claimed by another until its lease runs out.
     * `owner` must be unique per claim; it is the lease owner of what is returned.
     */
    async claimDue(owner: string, now: Date, limit: number, leaseMs: number): Promise<ClaimedAlert[]> {
      const due = await prisma.alertDelivery.findMany({
        where: { status: "pending", OR: [{ nextAttemptAt: null }, { nextAttemptAt: { lte: now } }] },
        orderBy: [{ nextAttemptAt: { sort: "asc", nulls: "first" } }, { id: "asc" }],
        take: limit,
        select: { id: true },
      });
      if (due.length === 0) return [];
      const ids = due.map((d) => d.id);
      await prisma.alertDelivery.updateMany({
        where: { id: { in: ids }, status: "pending" },
        data: { status: "sending", leaseOwner: owner, leaseUntil: new Date(now.getTime() + leaseMs), attempts: { increment: 1 } },
      });
      const rows = await prisma.alertDelivery.findMany({
        where: { id: { in: ids }, status: "sending", leaseOwner: owner },
        orderBy: [{ nextAttemptAt: { sort: "asc", nulls: "first" } }, { id: "asc" }],
        select: { id: true, subscriberId: true, kind: true, text: true, attempts: true, subscriber: { select: { chatId: true } } },
      });
      return rows.map((r) => ({
        id: r.id,
        subscriberId: r.subscriberId,
        chatId: r.subscriber.chatId,
        kind: r.kind as AlertKind,
        text: r.text,
        attempts: r.attempts,
        leaseOwner: owner,
      }));
    },

    /** For the metrics: deliveries not yet done (waiting, retrying or being sent). */
    countPending(): Promise<number> {
      return prisma.alertDelivery.count({ where: { status: { in: ["pending", "sending"] } } });
    },

    /** Records deliveries as sent (only those still held under `owner`'s lease). */
    async markSent(ids: number[], owner: string, now: Date): Promise<number> {
      let updated = 0;
      for (const chunk of chunks(ids)) {
        const result = await prisma.alertDelivery.updateMany({
          where: { id: { in: chunk }, status: "sending", leaseOwner: owner },
          data: { status: "sent", sentAt: now, leaseOwner: null, leaseUntil: null, lastError: null },
        });
        updated += result.count;
      }
      return updated;
    },

    /**
     * Puts claimed deliveries back in the queue, to try at `nextAttemptAt`.
     * `uncounted` undoes the claim's attempt (the send was never tried).
     */
    async release(ids: number[], owner: string, retry: { error: string | null; nextAttemptAt: Date; uncounted?: boolean }): Promise<void> {
      for (const chunk of chunks(ids)) {
        await prisma.alertDelivery.updateMany({
          where: { id: { in: chunk }, status: "sending", leaseOwner: owner },
          data: {
            status: "pending",
            leaseOwner: null,
            leaseUntil: null,
            nextAttemptAt: retry.nextAttemptAt,
            ...(retry.error !== null ? { lastError: retry.error } : {}),
            ...(retry.uncounted ? { attempts: { decrement: 1 } } : {}),
          },
        });
      }
    },

    /** Ends a claimed delivery as failed, with the reason. */
    async markFailed(id: number, owner: string, error: string): Promise<void> {
      await prisma.alertDelivery.updateMany({
        where: { id, status: "sending", leaseOwner: owner },
        data: { status: "failed", lastError: error, leaseOwner: null, leaseUntil: null },
      });
    },

    /**
     * The reader blocked the bot (or deleted their account): marks them blocked and
     * skips every alert still waiting for them. They become active again when they
     * next talk to the bot. Returns how many deliveries were skipped.
     */
    async blockSubscriber(subscriberId: number, reason: string): Promise<number> {
      const [, skipped] = await prisma.$transaction([
        prisma.subscriber.updateMany({ where: { id: subscriberId }, data: { status: "blocked" } }),
        prisma.alertDelivery.updateMany({
          where: { subscriberId, status: { in: ["pending", "sending"] } },
          data: { status: "skipped", lastError: reason, leaseOwner: null, leaseUntil: null },
        }),
      ]);
      return skipped.count;
    },

    /**
     * A story was removed: its alerts not yet delivered (waiting or retrying) are skipped with
     * `reason`. One being sent this very moment cannot be stopped. Returns how many were skipped.
     */
    async skipWaitingForPost(postId: number, reason: string): Promise<number> {
      const skipped = await prisma.alertDelivery.updateMany({
        where: { postId, status: "pending" },
        data: { status: "skipped", lastError: reason },
      });
      return skipped.count;
    },

    /**
     * Retention: deletes deliveries that reached an end (sent, failed, skipped) before
     * `cutoff`. Pending and in-flight ones stay whatever their age. Nothing looks further
     * back than that: fan-out only alerts posts under an hour old, and a digest covers at
     * most the last 7 days. Returns how many were deleted.
     */
    deleteFinishedBefore(cutoff: Date): Promise<number> {
      return inBatches(
        async (limit) =>
          (
            await prisma.alertDelivery.findMany({
              // "Not pending or sending" rather than "sent, failed or skipped": SQLite would pick the
              // status index for IN and sort every sent row to find the oldest; this walks ids from the oldest.
              where: { status: { notIn: ["pending", "sending"] }, createdAt: { lt: cutoff } },
              select: { id: true },
              take: limit,
            })
          ).map((a) => a.id),
        async (ids) => (await prisma.alertDelivery.deleteMany({ where: { id: { in: ids } } })).count,
      );
    },

    /**
     * Deliveries whose lease ran out without a result (the sending process stopped)
     * go back to pending and are sent again; after `maxAttempts` claims they fail.
     */
    async expireLeases(now: Date, maxAttempts: number): Promise<{ requeued: number; failed: number }> {
      const reason = "the sending process stopped before recording a result";
      const failed = await prisma.alertDelivery.updateMany({
        where: { status: "sending", leaseUntil: { lt: now }, attempts: { gte: maxAttempts } },
        data: { status: "failed", lastError: reason, leaseOwner: null, leaseUntil: null },
      });
      const requeued = await prisma.alertDelivery.updateMany({
        where: { status: "sending", leaseUntil: { lt: now } },
        data: { status: "pending", lastError: reason, leaseOwner: null, leaseUntil: null, nextAttemptAt: now },
      });
      return { requeued: requeued.count, failed: failed.count };
    },
  };
}
