/**
 * What `--json` prints: plain objects with ISO times and no internal columns, stable
 * for operators' scripts. Pure.
 */
import type { PostRecord } from "../db/channel-posts.js";
import type { FeedRecord } from "../db/feeds.js";
import { feedStateOf } from "../editorial/feed-status.js";
import { feedRefusalText, feedPauseText } from "../editorial/fetch-failure-text.js";
import { autoPostingBlockText, heldText } from "../editorial/format-status.js";
import { outboxReasonText } from "../editorial/outbox-reason-text.js";
import type { Translate } from "../i18n/translate.js";
import { readFeedFailure, readFeedPause } from "../ingest/feeds/feed-failure.js";
import type { NewsroomStatus } from "../newsroom/newsroom-status.js";
import type { TopicListEntry } from "../newsroom/topic-actions.js";
import { readSendFailure, sendFailureInEnglish } from "../publish/outbox-reason.js";
import { postingForbiddenText } from "../publish/posting-forbidden.js";

const iso = (date: Date | null) => date?.toISOString() ?? null;

/** A feed's stored reasons (codes) in `english`'s words. */
function feedReasons(feed: Pick<FeedRecord, "lastError" | "pausedReason">, english: Translate) {
  const failure = readFeedFailure(feed.lastError);
  const pause = readFeedPause(feed.pausedReason);
  return { lastError: failure && feedRefusalText(english, failure), pausedReason: pause && feedPauseText(english, pause) };
}

/** `feeds list --json`: one object per feed, its reasons in `english`'s words. */
export function feedJson(feed: FeedRecord, english: Translate) {
  const { lastError, pausedReason } = feedReasons(feed, english);
  return {
    id: feed.id,
    url: feed.url,
    title: feed.title,
    topic: feed.defaultTopic,
    fullPage: feed.fullPage,
    state: feedStateOf(feed),
    lastSuccessAt: iso(feed.lastSuccessAt),
    lastError,
    consecutiveFailures: feed.consecutiveFailures,
    nextFetchAt: iso(feed.nextFetchAt),
    pausedAt: iso(feed.pausedAt),
    pausedReason,
    createdAt: iso(feed.createdAt),
  };
}

/** `topics list --json`: one object per topic. */
export function topicJson(topic: TopicListEntry) {
  return {
    slug: topic.slug,
    name: topic.name,
    createdByEditor: topic.createdByEditor,
    shownToReaders: topic.shownToReaders,
    articles: topic.articles,
    subscribers: topic.subscribers,
    keywords: topic.phrases,
  };
}

/** A post's stored failure (a code) in the operators' words. */
function lastErrorInEnglish(stored: string | null): string | null {
  const failure = readSendFailure(stored);
  return failure && sendFailureInEnglish(failure);
}

/** `posts list --json` and `posts show --json`: one object per post. */
export function postJson(post: PostRecord) {
  return {
    id: post.id,
    status: post.status,
    origin: post.origin,
    headline: post.article.headline,
    url: post.article.url,
    topics: post.article.topics,
    queuedBy: post.queuedByName,
    scheduledAt: iso(post.scheduledAt),
    sentAt: iso(post.sentAt),
    attempts: post.attempts,
    lastError: lastErrorInEnglish(post.lastError),
    messageId: post.telegramMessageId === null ? null : Number(post.telegramMessageId),
    clicks: post.clickCount,
    reactions: post.reactionCount,
    createdAt: iso(post.createdAt),
  };
}

/** `status --json`: the status with ISO times, feeds and bots trimmed to what an operator's script reads. */
/** `status --json`; the reasons (stored as codes) in `english`'s words, as before. */
export function statusJson(status: NewsroomStatus, english: Translate) {
  const feed = (f: NewsroomStatus["feeds"]["failing"][number]) => ({
    id: f.id,
    url: f.url,
    consecutiveFailures: f.consecutiveFailures,
    pausedAt: f.pausedAt,
    ...feedReasons(f, english),
  });
  const { thisBot: _self, otherBots, feeds, unsentPosts, ...rest } = status;
  const { forbidden, autoHeld } = status.posting;
  return {
    ready: status.problems.length === 0,
    ...rest,
    posting: {
      ...status.posting,
      forbidden: forbidden && postingForbiddenText(english, forbidden),
      autoHeld: autoHeld && autoPostingBlockText(english, autoHeld),
    },
    nextPosts: status.nextPosts.map((post) => ({ ...post, heldBy: post.heldBy && heldText(english, post.heldBy) })),
    feeds: { total: feeds.total, failing: feeds.failing.map(feed), paused: feeds.paused.map(feed) },
    unsentPosts: { ...unsentPosts, posts: unsentPosts.posts.map((post) => ({ ...post, error: post.error && outboxReasonText(english, post.error) })) },
    bots: otherBots,
  };
}

/** Two-space indented JSON, the way every `--json` prints. */
export function toJson(value: unknown): string {
  return JSON.stringify(value, null, 2);
}
