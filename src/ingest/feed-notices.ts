/** What ingestion tells the admin chat about feeds (HTML, escaped). Pure. */
import type { FeedRecord } from "../db/feeds.js";
import { feedPauseText } from "../editorial/fetch-failure-text.js";
import type { Translate } from "../i18n/translate.js";
import { readFeedPause, type FeedPause } from "./feeds/feed-failure.js";
import { escapeHtml, fitLines } from "../publish/telegram-html.js";

/** Why a new feed's first stories never reach the channel, in the CLI's words (the admin chat's are in notices.ftl). */
export const FIRST_FETCH_REASON = "only stories that arrive from now on are posted";

/** "3 stories", "1 story". */
export function storyCount(count: number): string {
  return `${count} ${count === 1 ? "story" : "stories"}`;
}

/** The feed as editors recognise it: "#3 https://… (Title)". */
function feedLabel(feed: Pick<FeedRecord, "id" | "url" | "title">): string {
  return `#${feed.id} ${escapeHtml(feed.url)}${feed.title ? ` (${escapeHtml(feed.title)})` : ""}`;
}

/** The notice that feeds were fetched for the first time, one line per feed. */
export function firstFetchNotice(t: Translate, entries: { feed: Pick<FeedRecord, "id" | "url" | "title">; stored: number }[]): string {
  const head = entries.length === 1 ? t("notice-first-fetch-one") : t("notice-first-fetch-many", { count: entries.length });
  return fitLines([head, ...entries.map(({ feed, stored }) => t("notice-first-fetch-feed", { feed: feedLabel(feed), count: stored }))]);
}

/** The notice that a feed was paused, and how to resume it. */
export function pausedFeedNotice(t: Translate, feed: Pick<FeedRecord, "id" | "url" | "title">, reason: FeedPause): string {
  return t("notice-feed-paused", { feed: feedLabel(feed), reason: escapeHtml(feedPauseText(t, reason)), id: feed.id });
}

/** The paused-feed notice once Resume was pressed (`pausedReason` as stored): who resumed it, or that someone had already. */
export function resumedFeedNotice(t: Translate, feed: Pick<FeedRecord, "id" | "url" | "title">, pausedReason: string | null, resumedBy: string | null): string {
  const pause = readFeedPause(pausedReason);
  const paused = pause
    ? t("notice-feed-was-paused-because", { feed: feedLabel(feed), reason: escapeHtml(feedPauseText(t, pause)) })
    : t("notice-feed-was-paused", { feed: feedLabel(feed) });
  const resumed = resumedBy ? t("notice-feed-resumed-by", { name: escapeHtml(resumedBy) }) : t("notice-feed-resumed-already");
  return `${paused}\n${resumed}`;
}
