/**
 * /status and `cli status` as text: one screen, times in the newsroom's usual format. Plain
 * text (the bot escapes it for Telegram). Pure.
 */
import type { Translate } from "../i18n/translate.js";
import type { InstanceRecord } from "../ops/instance-heartbeat.js";
import type { HeldBy, NewsroomStatus } from "../newsroom/newsroom-status.js";
import { postingForbiddenText } from "../publish/posting-forbidden.js";
import type { AutoPostingBlock } from "../publish/posting-policy.js";
import { describeDuration } from "./describe-duration.js";
import { feedLine } from "./feed-status.js";
import { formatWhen } from "./format-when.js";
import { outboxReasonText } from "./outbox-reason-text.js";

/** Troubled feeds listed by name; the rest are counted (a screen, and Telegram's 4096 characters). */
const FEED_LINES = 10;
/** A bot whose heartbeat is older than this is reported as not seen. */
const BOT_SEEN_MS = 3 * 60_000;

function shorten(text: string, max = 60): string {
  return text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`;
}

/** Why automatic posts wait, as a clause. */
export function autoPostingBlockText(t: Translate, block: AutoPostingBlock): string {
  return block.code === "paused" ? t("auto-held-paused") : block.code === "quiet-hours" ? t("auto-held-quiet-hours", block) : t("auto-held-hourly-cap", block);
}

/** Why a waiting post is held, as a clause. */
export function heldText(t: Translate, held: HeldBy | null): string {
  if (!held) return t("auto-held-unknown");
  return held.kind === "forbidden" ? postingForbiddenText(t, held.reason) : autoPostingBlockText(t, held.reason);
}

function postingLine(t: Translate, posting: NewsroomStatus["posting"], when: (d: Date) => string): string {
  if (posting.forbidden) return t("status-posting-forbidden");
  if (posting.paused) {
    const by = posting.paused.by ? t("status-posting-paused-by", { name: posting.paused.by }) : "";
    const since = posting.paused.since ? t("status-posting-paused-since", { when: when(posting.paused.since) }) : "";
    return t("status-posting-paused", { by, since });
  }
  if (posting.autoHeld) return t("status-posting-held", { reason: autoPostingBlockText(t, posting.autoHeld) });
  return t("status-posting-on");
}

function botLine(t: Translate, bot: InstanceRecord, now: Date, self: boolean): string {
  const uptime = describeDuration(now.getTime() - bot.startedAt.getTime(), t);
  const where = t("status-bot-where", { version: bot.version, host: bot.host, pid: bot.pid, uptime });
  return self ? t("status-bot-self", { where }) : t("status-bot-other", { where, ago: describeDuration(now.getTime() - bot.lastSeenAt.getTime(), t) });
}

function botLines(t: Translate, status: NewsroomStatus, now: Date): string[] {
  const seen = status.otherBots.filter((b) => now.getTime() - b.lastSeenAt.getTime() <= BOT_SEEN_MS);
  const lines = [...(status.thisBot ? [botLine(t, status.thisBot, now, true)] : []), ...seen.map((b) => botLine(t, b, now, false))];
  if (lines.length > 0) return lines;
  const last = status.otherBots[0];
  if (!last) return [t("status-bot-none")];
  return [t("status-bot-gone", { ago: describeDuration(now.getTime() - last.lastSeenAt.getTime(), t), version: last.version, host: last.host, pid: last.pid })];
}

/** The status screen, one line per fact, in `t`'s language (a problem in its own words when it has them). */
export function formatStatus(t: Translate, status: NewsroomStatus, timezone: string): string {
  const now = status.checkedAt;
  const when = (date: Date) => formatWhen(date, timezone, now, t.language);
  // The zone is named once, here; every other time on the screen is in it.
  const lines = [t("status-title", { when: when(now), zone: timezone })];
  if (status.problems.length === 0) lines.push(t("status-problems-none"));
  else lines.push(t("status-problems", { count: status.problems.length }), ...status.problems.map((p) => `• ${p.say ? p.say(t) : p.sentence}`));
  lines.push(postingLine(t, status.posting, when));
  lines.push(status.posting.forbidden ? t("status-channel-forbidden", { reason: postingForbiddenText(t, status.posting.forbidden) }) : t("status-channel-ok"));
  if (status.waitingCount === 0) lines.push(t("status-next-none"));
  else {
    lines.push(t("status-next", { count: status.waitingCount }));
    for (const post of status.nextPosts) {
      const held = post.heldBy;
      const at = post.at ? when(post.at) : t("status-held", { reason: heldText(t, held) });
      lines.push(`  #${post.id} ${at} “${shorten(post.headline)}”`);
    }
  }
  lines.push(status.reviewWaiting === 0 ? t("status-review-none") : t("status-review", { count: status.reviewWaiting }));
  lines.push(
    status.lastPost
      ? t("status-last-post", { id: status.lastPost.id, when: when(status.lastPost.sentAt), headline: shorten(status.lastPost.headline) })
      : t("status-last-post-none"),
  );
  lines.push(status.lastIngestAt ? t("status-last-ingest", { when: when(status.lastIngestAt) }) : t("status-last-ingest-never"));
  const { feeds } = status;
  lines.push(t("status-feeds", { total: feeds.total, failing: feeds.failing.length, paused: feeds.paused.length }));
  const troubled = [...feeds.failing, ...feeds.paused];
  for (const feed of troubled.slice(0, FEED_LINES)) lines.push(`  ${feedLine(t, feed, timezone, now)}`);
  if (troubled.length > FEED_LINES) lines.push(`  ${t("status-feeds-more", { count: troubled.length - FEED_LINES })}`);
  lines.push(t("status-alerts", { count: status.alertsWaiting }));
  lines.push(t("status-not-posted", { count: status.notPosted }));
  if (status.unsentPosts.total === 0) lines.push(t("status-unsent-none"));
  else {
    lines.push(t("status-unsent", { count: status.unsentPosts.total }));
    for (const post of status.unsentPosts.posts) {
      lines.push(`  #${post.id} ${t(`post-status-${post.status}`)}${post.error ? `: ${outboxReasonText(t, post.error)}` : ""} “${shorten(post.headline)}”`);
    }
  }
  lines.push(...botLines(t, status, now));
  return lines.join("\n");
}
