/** One line per feed for `feeds list`, the editors' /feeds and /stats: id, full URL, state. Pure. */
import type { FeedRecord, FeedState } from "../db/feeds.js";
import type { Translate } from "../i18n/translate.js";
import { readFeedFailure, readFeedPause } from "../ingest/feeds/feed-failure.js";
import { feedRefusalText, feedPauseText } from "./fetch-failure-text.js";
import { formatWhen } from "./format-when.js";

/** The feed's health in one word, as the metrics count it and `feeds list --json` gives it. */
export function feedStateOf(feed: FeedRecord): FeedState {
  if (feed.pausedAt) return "paused";
  if (feed.lastError) return feed.consecutiveFailures === 0 ? "resumed" : "error";
  return feed.lastSuccessAt ? "ok" : "new";
}

/**
 * The feed's health in words: "ok" with its last success, "error" with the reason,
 * the failure count and the next try, "paused" with why, "resumed" after
 * `feeds resume` until the next fetch, or "new" before its first fetch.
 */
function feedState(t: Translate, feed: FeedRecord, timezone: string, now: Date): string {
  const when = (date: Date) => formatWhen(date, timezone, now, t.language);
  if (feed.pausedAt) {
    const pause = readFeedPause(feed.pausedReason);
    return t("feed-state-paused", { when: when(feed.pausedAt), reason: pause ? feedPauseText(t, pause) : t("feed-state-paused-by-hand") });
  }
  const failure = readFeedFailure(feed.lastError);
  if (failure) {
    const error = feedRefusalText(t, failure);
    // `feeds resume` clears the failure count but keeps the last error until the next fetch.
    if (feed.consecutiveFailures === 0) return t("feed-state-resumed", { error });
    return t("feed-state-error", { error, count: feed.consecutiveFailures, next: feed.nextFetchAt ? when(feed.nextFetchAt) : "none" });
  }
  if (feed.lastSuccessAt) return t("feed-state-ok", { when: when(feed.lastSuccessAt) });
  return t("feed-state-new");
}

/** "#3 https://example.com/rss.xml [asia] (priority 5) — ok, last ok Mon 2 Mar 09:00", in `t`'s language, times in `timezone` as of `now`. */
export function feedLine(t: Translate, feed: FeedRecord, timezone: string, now: Date): string {
  const topic = feed.defaultTopic ? ` [${feed.defaultTopic}]` : "";
  const fullPage = feed.fullPage ? ` ${t("feed-line-full-page")}` : "";
  const priority = feed.priority !== 3 ? ` ${t("feed-line-priority", { priority: feed.priority })}` : "";
  return `#${feed.id} ${feed.url}${topic}${fullPage}${priority} — ${feedState(t, feed, timezone, now)}`;
}
