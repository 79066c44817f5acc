/** One line per feed for `feeds list` and the editors' /feeds: id, state, URL. Pure. */
import type { FeedRecord } from "../db/feeds.js";

/** "ok", "error (reason)" or "paused (why)", with the last success when known. */
export function feedState(feed: FeedRecord): string {
  if (feed.pausedAt) return `paused (${feed.pausedReason ?? "paused"})`;
  if (feed.lastError) return `error (${feed.lastError}; ${feed.consecutiveFailures} failure${feed.consecutiveFailures === 1 ? "" : "s"} in a row)`;
  if (feed.lastSuccessAt) return "ok";
  return "new (not fetched yet)";
}

export function feedLine(feed: FeedRecord): string {
  const topic = feed.defaultTopic ? ` [${feed.defaultTopic}]` : "";
  const lastOk = feed.lastSuccessAt ? ` last ok ${feed.lastSuccessAt.toISOString()}` : "";
  return `#${feed.id} ${feed.url}${topic} — ${feedState(feed)}${lastOk}`;
}
