/**
 * The newsroom at a glance, for editors' /status and the operator's `cli status`: the health
 * checks' problems and the state they were judged from (posting, the queue, the feeds), plus
 * the last post, alerts waiting, posts that did not go out cleanly, and the running bots.
 */
import type { AlertsRepository } from "../db/alerts.js";
import type { ArticlesRepository } from "../db/articles.js";
import type { ChannelPostsRepository, PostStatus } from "../db/channel-posts.js";
import type { FeedRecord } from "../db/feeds.js";
import type { CronTimes } from "../ops/health/cron-times.js";
import type { HealthMonitor } from "../ops/health/health-monitor.js";
import type { Problem, WaitingPost } from "../ops/health/judge-problems.js";
import type { InstanceRecord } from "../ops/instance-heartbeat.js";
import { readSendFailure, type SendFailure } from "../publish/outbox-reason.js";
import type { PostingForbidden } from "../publish/posting-forbidden.js";
import { notPostedRange, type AutoPostingBlock } from "../publish/posting-policy.js";

/** /status lists this many of the next posts and of the failed ones. */
export const STATUS_LIST_LIMIT = 5;

/** A waiting post and when it should go out; `at` is null while it is held (`heldBy` says why). */
export interface UpcomingPost {
  id: number;
  headline: string;
  origin: "auto" | "editor";
  at: Date | null;
  heldBy: HeldBy | null;
}

/** Why a waiting post is held: the bot may not post at all, or automatic posts wait (paused, quiet hours…). */
export type HeldBy = { kind: "forbidden"; reason: PostingForbidden } | { kind: "auto"; reason: AutoPostingBlock };

export interface NewsroomStatus {
  checkedAt: Date;
  problems: Problem[];
  posting: { paused: { by: string | null; since: Date | null } | null; forbidden: PostingForbidden | null; autoHeld: AutoPostingBlock | null };
  /** The first posts of the queue, in the order they go out. */
  nextPosts: UpcomingPost[];
  waitingCount: number;
  /** Stories waiting for an editor's decision (review cards, /review). */
  reviewWaiting: number;
  lastPost: { id: number; headline: string; sentAt: Date } | null;
  lastIngestAt: Date | null;
  feeds: { total: number; failing: FeedRecord[]; paused: FeedRecord[] };
  alertsWaiting: number;
  /** Stories meant for automatic posting that aged out of the auto-post window unposted, in the last 7 days. */
  notPosted: number;
  unsentPosts: { total: number; posts: { id: number; headline: string; status: PostStatus; error: SendFailure | null }[] };
  /** The bot answering (/status); null for the CLI. */
  thisBot: InstanceRecord | null;
  /** Every bot that wrote a heartbeat, the most recently seen first (without `thisBot`). */
  otherBots: InstanceRecord[];
}

/**
 * When each waiting post goes out: at each publish run the outbox sends the first due post in
 * its order (editors' first), so the queue is played forward run by run.
 */
export function planNextPosts(input: {
  waiting: WaitingPost[];
  now: Date;
  publish: CronTimes;
  autoHeld: AutoPostingBlock | null;
  forbidden: PostingForbidden | null;
  limit: number;
}): UpcomingPost[] {
  const held = (post: WaitingPost): HeldBy | null => {
    if (input.forbidden) return { kind: "forbidden", reason: input.forbidden };
    return post.origin === "auto" && input.autoHeld !== null ? { kind: "auto", reason: input.autoHeld } : null;
  };
  const planned: UpcomingPost[] = [];
  let pending = input.waiting.filter((p) => held(p) === null);
  let run = input.now;
  while (planned.length < input.limit && pending.length > 0) {
    run = input.publish.next(run);
    let next = pending.find((p) => !p.scheduledAt || p.scheduledAt <= run);
    if (!next) {
      // Nothing due at this run: skip ahead to the run that takes the earliest scheduled post.
      const earliest = Math.min(...pending.map((p) => (p.scheduledAt as Date).getTime()));
      run = input.publish.next(new Date(earliest - 1000));
      next = pending.find((p) => !p.scheduledAt || p.scheduledAt <= run);
      if (!next) break;
    }
    planned.push({ id: next.id, headline: next.headline, origin: next.origin, at: run, heldBy: null });
    pending = pending.filter((p) => p !== next);
  }
  const heldPosts = input.waiting.flatMap((p) => {
    const why = held(p);
    return why === null ? [] : [{ id: p.id, headline: p.headline, origin: p.origin, at: null, heldBy: why }];
  });
  return [...planned, ...heldPosts].slice(0, input.limit);
}

export type NewsroomStatusActions = ReturnType<typeof createNewsroomStatus>;

export function createNewsroomStatus(deps: {
  health: Pick<HealthMonitor, "evaluate">;
  posts: ChannelPostsRepository;
  articles: Pick<ArticlesRepository, "countNotPosted">;
  alerts: AlertsRepository;
  publish: CronTimes;
  /** This bot process as its heartbeat describes it, or null (the CLI). */
  thisBot: () => InstanceRecord | null;
}) {
  return {
    /** Everything /status shows, judged afresh. */
    async current(): Promise<NewsroomStatus> {
      const report = await deps.health.evaluate({ fresh: true });
      const { snapshot } = report;
      const { from, before } = notPostedRange(snapshot.now);
      const [alertsWaiting, unsent, notPosted, review] = await Promise.all([
        deps.alerts.countWaiting(),
        deps.posts.listUnsent(STATUS_LIST_LIMIT),
        deps.articles.countNotPosted(from, before),
        deps.posts.listPending(["review"], { skip: 0, take: 0 }),
      ]);
      const { feeds } = report;
      const successes = feeds.flatMap((f) => (f.lastSuccessAt ? [f.lastSuccessAt.getTime()] : []));
      const thisBot = deps.thisBot();
      return {
        checkedAt: report.checkedAt,
        problems: report.problems,
        posting: snapshot.posting,
        nextPosts: planNextPosts({
          waiting: snapshot.waiting,
          now: snapshot.now,
          publish: deps.publish,
          autoHeld: snapshot.posting.autoHeld,
          forbidden: snapshot.posting.forbidden,
          limit: STATUS_LIST_LIMIT,
        }),
        waitingCount: snapshot.waiting.length,
        reviewWaiting: review.total,
        lastPost: report.lastSent,
        lastIngestAt: successes.length > 0 ? new Date(Math.max(...successes)) : null,
        feeds: {
          total: feeds.length,
          failing: feeds.filter((f) => f.pausedAt === null && f.consecutiveFailures > 0),
          paused: feeds.filter((f) => f.pausedAt !== null),
        },
        alertsWaiting,
        notPosted,
        unsentPosts: {
          total: unsent.total,
          posts: unsent.posts.map((p) => ({ id: p.id, headline: p.article.headline, status: p.status, error: readSendFailure(p.lastError) })),
        },
        thisBot,
        otherBots: report.instances.filter((i) => i.instanceId !== thisBot?.instanceId),
      };
    },
  };
}
