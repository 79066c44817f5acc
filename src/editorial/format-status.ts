/**
 * /status and `cli status` as text: one screen, times in the newsroom's usual format. Plain
 * text (the bot escapes it for Telegram). Pure.
 */
import type { InstanceRecord } from "../ops/instance-heartbeat.js";
import type { NewsroomStatus } from "../newsroom/newsroom-status.js";
import { describeDuration } from "./describe-duration.js";
import { feedLine } from "./feed-status.js";
import { formatWhen } from "./format-when.js";

/** Troubled feeds listed by name; the rest are counted (a screen, and Telegram's 4096 characters). */
const FEED_LINES = 10;
/** A bot whose heartbeat is older than this is reported as not seen. */
const BOT_SEEN_MS = 3 * 60_000;

function shorten(text: string, max = 60): string {
  return text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`;
}

function postingLine(posting: NewsroomStatus["posting"], when: (d: Date) => string): string {
  if (posting.forbidden) return `Posting: stopped (the bot may not post in the channel)`;
  if (posting.paused) {
    const by = posting.paused.by ? ` by ${posting.paused.by}` : "";
    const since = posting.paused.since ? ` since ${when(posting.paused.since)}` : "";
    return `Posting: automatic posts paused${by}${since}; editors' posts still go out`;
  }
  if (posting.autoHeld) return `Posting: on, automatic posts held now: ${posting.autoHeld}`;
  return "Posting: on";
}

function botLine(bot: InstanceRecord, now: Date, self: boolean): string {
  const where = `version ${bot.version} on ${bot.host} (pid ${bot.pid}), up ${describeDuration(now.getTime() - bot.startedAt.getTime())}`;
  return self ? `Bot: ${where} (this one)` : `Bot: ${where}, last seen ${describeDuration(now.getTime() - bot.lastSeenAt.getTime())} ago`;
}

function botLines(status: NewsroomStatus, now: Date): string[] {
  const seen = status.otherBots.filter((b) => now.getTime() - b.lastSeenAt.getTime() <= BOT_SEEN_MS);
  const lines = [...(status.thisBot ? [botLine(status.thisBot, now, true)] : []), ...seen.map((b) => botLine(b, now, false))];
  if (lines.length > 0) return lines;
  const last = status.otherBots[0];
  if (!last) return ["Bot: no bot has been seen running"];
  return [`Bot: none seen for ${describeDuration(now.getTime() - last.lastSeenAt.getTime())} (the last was version ${last.version} on ${last.host}, pid ${last.pid})`];
}

/** The status screen, one line per fact. */
export function formatStatus(status: NewsroomStatus, timezone: string): string {
  const now = status.checkedAt;
  const when = (date: Date) => formatWhen(date, timezone, now);
  // The zone is named once, here; every other time on the screen is in it.
  const lines = [`Newsdesk status at ${when(now)} (${timezone})`];
  if (status.problems.length === 0) lines.push("Problems: none");
  else lines.push(`Problems (${status.problems.length}):`, ...status.problems.map((p) => `• ${p.sentence}`));
  lines.push(postingLine(status.posting, when));
  lines.push(status.posting.forbidden ? `Channel: the bot may not post: ${status.posting.forbidden}` : "Channel: the bot may post");
  if (status.waitingCount === 0) lines.push("Next posts: none waiting");
  else {
    lines.push(`Next posts (${status.waitingCount} waiting):`);
    for (const post of status.nextPosts) {
      const at = post.at ? when(post.at) : `held (${post.heldBy ?? "held"})`;
      lines.push(`  #${post.id} ${at} “${shorten(post.headline)}”`);
    }
  }
  lines.push(`Waiting for review: ${status.reviewWaiting === 0 ? "none" : `${status.reviewWaiting} (/review)`}`);
  lines.push(status.lastPost ? `Last post: #${status.lastPost.id} at ${when(status.lastPost.sentAt)} “${shorten(status.lastPost.headline)}”` : "Last post: none yet");
  lines.push(`Last successful ingest: ${status.lastIngestAt ? when(status.lastIngestAt) : "never"}`);
  const { feeds } = status;
  lines.push(`Feeds: ${feeds.total} (${feeds.failing.length} failing, ${feeds.paused.length} paused)`);
  const troubled = [...feeds.failing, ...feeds.paused];
  for (const feed of troubled.slice(0, FEED_LINES)) lines.push(`  ${feedLine(feed, timezone, now)}`);
  if (troubled.length > FEED_LINES) lines.push(`  … and ${troubled.length - FEED_LINES} more (/feeds lists them all)`);
  lines.push(`Alerts waiting: ${status.alertsWaiting}`);
  lines.push(`Not posted: ${status.notPosted} (stories that outlived the 24-hour auto-post window in the last 7 days)`);
  if (status.unsentPosts.total === 0) lines.push("Failed or uncertain posts: none");
  else {
    lines.push(`Failed or uncertain posts: ${status.unsentPosts.total}`);
    for (const post of status.unsentPosts.posts) {
      lines.push(`  #${post.id} ${post.status}${post.error ? `: ${post.error}` : ""} “${shorten(post.headline)}”`);
    }
  }
  lines.push(...botLines(status, now));
  return lines.join("\n");
}
