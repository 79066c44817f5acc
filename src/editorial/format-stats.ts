/** The /stats message. Pure. */
import type { Translate } from "../i18n/translate.js";
import { escapeHtml, fitLines } from "../publish/telegram-html.js";

export interface NewsroomStats {
  readers: { active: number; blocked: number };
  subscribersPerTopic: { slug: string; subscribers: number }[];
  postsLast24h: number;
  postsLast7d: number;
  /** Posts sent in the last 7 days with their engagement; the top ones are picked here. */
  recentPosts: { id: number; headline: string; reactionCount: number; clickCount: number }[];
  /** Feed lines (as /feeds shows them) of feeds with an error or paused. */
  feedsWithErrors: string[];
}

export const TOP_STORIES = 5;

/** Stories by reactions + clicks, highest first; ties go to the newer post (higher id). */
export function topStories(posts: NewsroomStats["recentPosts"], count = TOP_STORIES): NewsroomStats["recentPosts"] {
  return [...posts]
    .filter((p) => p.reactionCount + p.clickCount > 0)
    .sort((a, b) => b.reactionCount + b.clickCount - (a.reactionCount + a.clickCount) || b.id - a.id)
    .slice(0, count);
}

/** HTML cut at whole lines to Telegram's limit, in `t`'s language; every interpolated text is escaped. */
export function formatStats(t: Translate, stats: NewsroomStats): string {
  const lines = [
    t("stats-title-html"),
    t("stats-readers", { active: stats.readers.active, blocked: stats.readers.blocked }),
    t("stats-posts", { day: stats.postsLast24h, week: stats.postsLast7d }),
    "",
    t("stats-topics-title-html"),
  ];
  if (stats.subscribersPerTopic.length === 0) lines.push(t("stats-no-topics"));
  for (const topic of stats.subscribersPerTopic) lines.push(`${escapeHtml(topic.slug)}: ${topic.subscribers}`);
  lines.push("", t("stats-top-title-html"));
  const top = topStories(stats.recentPosts);
  if (top.length === 0) lines.push(t("stats-no-top"));
  for (const post of top) {
    lines.push(`#${post.id} ${escapeHtml(post.headline)} — ${t("stats-engagement", { reactions: post.reactionCount, clicks: post.clickCount })}`);
  }
  lines.push("", t("stats-feeds-title-html"));
  if (stats.feedsWithErrors.length === 0) lines.push(t("stats-feeds-none"));
  for (const line of stats.feedsWithErrors) lines.push(escapeHtml(line));
  return fitLines(lines);
}
