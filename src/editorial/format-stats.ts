/** The /stats message. Pure. */
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

const count = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;

/** Stories by reactions + clicks, highest first; ties go to the newer post (higher id). */
export function topStories(posts: NewsroomStats["recentPosts"], count = TOP_STORIES): NewsroomStats["recentPosts"] {
  return [...posts]
    .filter((p) => p.reactionCount + p.clickCount > 0)
    .sort((a, b) => b.reactionCount + b.clickCount - (a.reactionCount + a.clickCount) || b.id - a.id)
    .slice(0, count);
}

/** HTML cut at whole lines to Telegram's limit; every interpolated text is escaped. */
export function formatStats(stats: NewsroomStats): string {
  const lines = [
    "<b>Newsroom stats</b>",
    `Readers: ${stats.readers.active} active, ${stats.readers.blocked} blocked`,
    `Posts: ${stats.postsLast24h} in the last 24 h, ${stats.postsLast7d} in the last 7 days`,
    "",
    "<b>Subscribers per topic</b>",
  ];
  if (stats.subscribersPerTopic.length === 0) lines.push("No topics yet.");
  for (const topic of stats.subscribersPerTopic) lines.push(`${escapeHtml(topic.slug)}: ${topic.subscribers}`);
  lines.push("", "<b>Top stories (7 days)</b>");
  const top = topStories(stats.recentPosts);
  if (top.length === 0) lines.push("No reactions or clicks yet.");
  for (const post of top) {
    lines.push(`#${post.id} ${escapeHtml(post.headline)} — ${count(post.reactionCount, "reaction")}, ${count(post.clickCount, "click")}`);
  }
  lines.push("", "<b>Feeds with errors</b>");
  if (stats.feedsWithErrors.length === 0) lines.push("None: every feed is fine.");
  for (const line of stats.feedsWithErrors) lines.push(escapeHtml(line));
  return fitLines(lines);
}
