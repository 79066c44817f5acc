/** One line per feed for `feeds list`, the editors' /feeds and /stats: id, full URL, state. Pure. */
import type { FeedRecord, FeedState } from "../db/feeds.js";
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
function feedState(feed: FeedRecord, timezone: string, now: Date): string {
  const when = (date: Date) => formatWhen(date, timezone, now);
  if (feed.pausedAt) return `paused since ${when(feed.pausedAt)} (${feed.pausedReason ?? "paused by hand"})`;
  if (feed.lastError) {
    // `feeds resume` clears the failure count but keeps the last error until the next fetch.
    if (feed.consecutiveFailures === 0) return `resumed, not fetched since (last error: ${feed.lastError})`;
    const count = `${feed.consecutiveFailures} failure${feed.consecutiveFailures === 1 ? "" : "s"} in a row`;
    const next = feed.nextFetchAt ? `; next try ${when(feed.nextFetchAt)}` : "";
    return `error (${feed.lastError}; ${count}${next})`;
  }
  if (feed.lastSuccessAt) return `ok, last ok ${when(feed.lastSuccessAt)}`;
  return "new (not fetched yet)";
}

/** "#3 https://example.com/rss.xml [asia] (priority 5) — ok, last ok Mon 2 Mar 09:00", times in `timezone` as of `now`. */
export function feedLine(feed: FeedRecord, timezone: string, now: Date): string {
  const topic = feed.defaultTopic ? ` [${feed.defaultTopic}]` : "";
  const fullPage = feed.fullPage ? " (full page)" : "";
  const priority = feed.priority !== 3 ? ` (priority ${feed.priority})` : "";
  return `#${feed.id} ${feed.url}${topic}${fullPage}${priority} — ${feedState(feed, timezone, now)}`;
}
