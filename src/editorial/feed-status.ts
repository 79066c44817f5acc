/** One line per feed for `feeds list` and the editors' /feeds: id, full URL, state. Pure. */
import type { FeedRecord } from "../db/feeds.js";

/**
 * The feed's health in words: "ok" with its last success, "error" with the reason,
 * the failure count and the next try, "paused" with why, "resumed" after
 * `feeds resume` until the next fetch, or "new" before its first fetch.
 */
function feedState(feed: FeedRecord): string {
  if (feed.pausedAt) return `paused since ${feed.pausedAt.toISOString()} (${feed.pausedReason ?? "paused by hand"})`;
  if (feed.lastError) {
    // `feeds resume` clears the failure count but keeps the last error until the next fetch.
    if (feed.consecutiveFailures === 0) return `resumed, not fetched since (last error: ${feed.lastError})`;
    const count = `${feed.consecutiveFailures} failure${feed.consecutiveFailures === 1 ? "" : "s"} in a row`;
    const next = feed.nextFetchAt ? `; next try ${feed.nextFetchAt.toISOString()}` : "";
    return `error (${feed.lastError}; ${count}${next})`;
  }
  if (feed.lastSuccessAt) return `ok, last ok ${feed.lastSuccessAt.toISOString()}`;
  return "new (not fetched yet)";
}

/** "#3 https://example.com/rss.xml [asia] — ok, last ok 2026-03-02T09:00:00.000Z". */
export function feedLine(feed: FeedRecord): string {
  const topic = feed.defaultTopic ? ` [${feed.defaultTopic}]` : "";
  const fullPage = feed.fullPage ? " (full page)" : "";
  return `#${feed.id} ${feed.url}${topic}${fullPage} — ${feedState(feed)}`;
}
