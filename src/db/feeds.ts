/** The feeds table and its keyword filters. */
import type { Db } from "./client.js";
import { isUniqueViolation } from "./prisma-errors.js";

/** A feed as the rest of the code sees it. */
export interface FeedRecord {
  id: number;
  url: string;
  title: string | null;
  defaultTopic: string | null;
  fullPage: boolean;
  /** 1 (least) to 5 (most): weighs in the selection score of this feed's stories. */
  priority: number;
  /** New stories wait for an editor's decision (a review card) instead of being posted automatically. */
  review: boolean;
  etag: string | null;
  lastModified: string | null;
  lastFetchedAt: Date | null;
  lastSuccessAt: Date | null;
  lastError: string | null;
  consecutiveFailures: number;
  /** Not fetched before this time (its poll schedule, or its back-off after failures); null: due now. */
  nextFetchAt: Date | null;
  /** When a fetch last stored a new story: adaptive polling counts the feed's quiet time from it. */
  lastNewStoryAt: Date | null;
  primedAt: Date | null;
  pausedAt: Date | null;
  pausedReason: string | null;
  createdAt: Date;
}

/**
 * A feed's health as `feeds list` shows it: paused; error (failing, backing off); resumed
 * (by hand, not fetched since); ok (last fetch succeeded); new (never fetched).
 */
export type FeedState = "ok" | "error" | "paused" | "resumed" | "new";

export type FilterKind = "include" | "exclude";

export interface FeedFilterRecord {
  id: number;
  feedId: number;
  kind: FilterKind;
  phrase: string;
}

/** Raised when a feed with the same URL is already stored. */
export class DuplicateFeedError extends Error {
  constructor(readonly existing: FeedRecord) {
    super(`feed #${existing.id} already has this URL`);
  }
}

export type FeedsRepository = ReturnType<typeof createFeedsRepository>;

export function createFeedsRepository(prisma: Db) {
  return {
    /** Stores a new feed; throws DuplicateFeedError when the URL is already there. */
    async add(input: {
      url: string;
      title?: string | null;
      defaultTopic?: string | null;
      fullPage?: boolean;
      priority?: number;
      review?: boolean;
    }): Promise<FeedRecord> {
      try {
        return await prisma.feed.create({
          data: {
            url: input.url,
            title: input.title ?? null,
            defaultTopic: input.defaultTopic ?? null,
            fullPage: input.fullPage ?? false,
            ...(input.priority !== undefined ? { priority: input.priority } : {}),
            review: input.review ?? false,
          },
        });
      } catch (error) {
        // The unique URL decides, so two adds of one feed at once cannot both succeed.
        const existing = isUniqueViolation(error) ? await prisma.feed.findUnique({ where: { url: input.url } }) : null;
        if (existing) throw new DuplicateFeedError(existing);
        throw error;
      }
    },

    /** Every feed, oldest first. */
    list(): Promise<FeedRecord[]> {
      return prisma.feed.findMany({ orderBy: { id: "asc" } });
    },

    get(id: number): Promise<FeedRecord | null> {
      return prisma.feed.findUnique({ where: { id } });
    },

    /** The feed with this exact URL, or null. */
    findByUrl(url: string): Promise<FeedRecord | null> {
      return prisma.feed.findUnique({ where: { url } });
    },

    /** Deletes a feed (its filters go with it; its articles stay). Returns whether it existed. */
    async remove(id: number): Promise<FeedRecord | null> {
      const existing = await prisma.feed.findUnique({ where: { id } });
      if (!existing) return null;
      await prisma.feed.delete({ where: { id } });
      return existing;
    },

    /**
     * Feeds to fetch now: not paused, and due by `now` — their poll schedule and any back-off
     * after failures passed. With `ignorePollSchedule` (an operator's `ingest`), every feed that
     * is not paused or backing off after a failure, whenever its next poll would be.
     */
    listDue(now: Date, options: { ignorePollSchedule?: boolean } = {}): Promise<FeedRecord[]> {
      const due = [{ nextFetchAt: null }, { nextFetchAt: { lte: now } }];
      return prisma.feed.findMany({
        where: { pausedAt: null, OR: options.ignorePollSchedule ? [...due, { consecutiveFailures: 0 }] : due },
        orderBy: { id: "asc" },
      });
    },

    /**
     * A successful fetch: health reset, validators kept, first success remembered, and the next
     * poll planned (without `poll`, the feed is due again at once).
     */
    async recordSuccess(
      id: number,
      result: {
        now: Date;
        etag: string | null;
        lastModified: string | null;
        title?: string | null;
        /** The planned next fetch, and whether this fetch stored a new story (then `now` is remembered as its time). */
        poll?: { nextFetchAt: Date; newStory: boolean };
      },
    ): Promise<void> {
      const feed = await prisma.feed.findUnique({ where: { id }, select: { primedAt: true, title: true } });
      if (!feed) return;
      await prisma.feed.update({
        where: { id },
        data: {
          etag: result.etag,
          lastModified: result.lastModified,
          lastFetchedAt: result.now,
          lastSuccessAt: result.now,
          lastError: null,
          consecutiveFailures: 0,
          nextFetchAt: result.poll?.nextFetchAt ?? null,
          ...(result.poll?.newStory ? { lastNewStoryAt: result.now } : {}),
          primedAt: feed.primedAt ?? result.now,
          title: feed.title ?? result.title ?? null,
        },
      });
    },

    /** A failed fetch: the error, the failure count, when to try again, and a pause when asked. False when the feed is gone. */
    async recordFailure(
      id: number,
      failure: { now: Date; error: string; nextFetchAt: Date | null; pauseReason: string | null },
    ): Promise<boolean> {
      const updated = await prisma.feed.updateMany({
        where: { id },
        data: {
          lastFetchedAt: failure.now,
          lastError: failure.error,
          consecutiveFailures: { increment: 1 },
          nextFetchAt: failure.nextFetchAt,
          ...(failure.pauseReason ? { pausedAt: failure.now, pausedReason: failure.pauseReason } : {}),
        },
      });
      return updated.count === 1;
    },

    /** How many feeds are in each state (for the metrics), counted in one snapshot. */
    async countByState(): Promise<Record<FeedState, number>> {
      const active = { pausedAt: null };
      const [paused, error, resumed, ok, fresh] = await prisma.$transaction([
        prisma.feed.count({ where: { pausedAt: { not: null } } }),
        prisma.feed.count({ where: { ...active, lastError: { not: null }, consecutiveFailures: { gt: 0 } } }),
        prisma.feed.count({ where: { ...active, lastError: { not: null }, consecutiveFailures: 0 } }),
        prisma.feed.count({ where: { ...active, lastError: null, lastSuccessAt: { not: null } } }),
        prisma.feed.count({ where: { ...active, lastError: null, lastSuccessAt: null } }),
      ]);
      return { ok, error, paused, resumed, new: fresh };
    },

    /** Unpauses a feed and clears its back-off. */
    async resume(id: number): Promise<boolean> {
      const updated = await prisma.feed.updateMany({
        where: { id },
        data: { pausedAt: null, pausedReason: null, nextFetchAt: null, consecutiveFailures: 0 },
      });
      return updated.count === 1;
    },

    async update(id: number, data: { defaultTopic?: string | null; fullPage?: boolean; title?: string | null }): Promise<boolean> {
      const updated = await prisma.feed.updateMany({ where: { id }, data });
      return updated.count === 1;
    },

    /** The include/exclude phrases of one feed. */
    async listFilters(feedId: number): Promise<FeedFilterRecord[]> {
      const rows = await prisma.feedFilter.findMany({ where: { feedId }, orderBy: { id: "asc" } });
      return rows.map((row) => ({ ...row, kind: row.kind as FilterKind }));
    },

    /** Every filter, grouped by feed id. */
    async filtersByFeed(): Promise<Map<number, FeedFilterRecord[]>> {
      const rows = await prisma.feedFilter.findMany({ orderBy: { id: "asc" } });
      const byFeed = new Map<number, FeedFilterRecord[]>();
      for (const row of rows) {
        const list = byFeed.get(row.feedId) ?? [];
        list.push({ ...row, kind: row.kind as FilterKind });
        byFeed.set(row.feedId, list);
      }
      return byFeed;
    },

    /** Adds a phrase; adding one that is there already changes nothing. */
    async addFilter(feedId: number, kind: FilterKind, phrase: string): Promise<void> {
      // Adding a phrase that is already there is not an error.
      try {
        await prisma.feedFilter.create({ data: { feedId, kind, phrase } });
      } catch (error) {
        if (!isUniqueViolation(error)) throw error;
      }
    },

    /** Removes a phrase; returns whether it was there. */
    async removeFilter(feedId: number, kind: FilterKind, phrase: string): Promise<boolean> {
      const deleted = await prisma.feedFilter.deleteMany({ where: { feedId, kind, phrase } });
      return deleted.count > 0;
    },
  };
}
