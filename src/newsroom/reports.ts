/** What the newsroom has been doing: /stats and /log. */
import type { AuditEntry, AuditLogRepository } from "../db/audit-log.js";
import type { ChannelPostsRepository, PostRecord, PostStatus } from "../db/channel-posts.js";
import type { FeedRecord, FeedsRepository } from "../db/feeds.js";
import type { SubscribersRepository } from "../db/subscribers.js";
import type { NewsroomStats } from "../editorial/format-stats.js";

const DAY_MS = 86_400_000;

/** The figures /stats shows, with the troubled feeds as records (the front end words them). */
export interface NewsroomReport extends Omit<NewsroomStats, "feedsWithErrors"> {
  /** Feeds with an error, or paused. */
  troubledFeeds: FeedRecord[];
}

export type NewsroomReports = ReturnType<typeof createNewsroomReports>;

export function createNewsroomReports(deps: {
  subscribers: SubscribersRepository;
  posts: ChannelPostsRepository;
  feeds: FeedsRepository;
  audit: AuditLogRepository;
  now: () => Date;
}) {
  return {
    /** Readers, subscribers per topic, posts of the last day and week with their engagement, troubled feeds. */
    async stats(): Promise<NewsroomReport> {
      const now = deps.now().getTime();
      const [readers, subscribersPerTopic, postsLast24h, last7d, feeds] = await Promise.all([
        deps.subscribers.countByStatus(),
        deps.subscribers.countPerTopic(),
        deps.posts.countSentSince(new Date(now - DAY_MS)),
        deps.posts.listSentSince(new Date(now - 7 * DAY_MS)),
        deps.feeds.list(),
      ]);
      return {
        readers,
        subscribersPerTopic,
        postsLast24h,
        postsLast7d: last7d.length,
        recentPosts: last7d.map((p) => ({ id: p.id, headline: p.article.headline, reactionCount: p.reactionCount, clickCount: p.clickCount })),
        troubledFeeds: feeds.filter((f) => f.lastError !== null || f.pausedAt !== null),
      };
    },

    /** The newest audit entries first. */
    log: (limit: number): Promise<AuditEntry[]> => deps.audit.latest(limit),

    /** `posts list`: the newest posts in `statuses` (all when none), at most `limit`, with how many match. */
    posts: (filter: { statuses: readonly PostStatus[]; limit: number }): Promise<{ total: number; posts: PostRecord[] }> =>
      deps.posts.listByStatus(filter.statuses, filter.limit),

    /** `posts show`: one post with its article, or null when there is no such post. */
    post: (id: number): Promise<PostRecord | null> => deps.posts.get(id),
  };
}
