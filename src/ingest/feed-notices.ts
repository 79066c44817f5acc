/** What ingestion tells the admin chat about feeds (HTML, escaped). Pure. */
import type { FeedRecord } from "../db/feeds.js";
import { escapeHtml, fitLines } from "../publish/telegram-html.js";

/** Why a new feed's first stories never reach the channel, in the words the CLI and the admin chat share. */
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
export function firstFetchNotice(entries: { feed: Pick<FeedRecord, "id" | "url" | "title">; stored: number }[]): string {
  const head =
    entries.length === 1
      ? "📥 A new feed was fetched for the first time. Its stories are stored, not posted: "
      : `📥 ${entries.length} new feeds were fetched for the first time. Their stories are stored, not posted: `;
  return fitLines([`${head}${FIRST_FETCH_REASON}.`, ...entries.map(({ feed, stored }) => `${feedLabel(feed)}: ${storyCount(stored)} stored`)]);
}

/** The notice that a feed was paused, and how to resume it. */
export function pausedFeedNotice(feed: Pick<FeedRecord, "id" | "url" | "title">, reason: string): string {
  return `⏸ Feed ${feedLabel(feed)} is paused: ${escapeHtml(reason)}. Fix it, then press Resume or send /resumefeed ${feed.id}.`;
}

/** The paused-feed notice once Resume was pressed: who resumed it, or that someone had already. */
export function resumedFeedNotice(feed: Pick<FeedRecord, "id" | "url" | "title">, pausedReason: string | null, resumedBy: string | null): string {
  const paused = `⏸ Feed ${feedLabel(feed)} was paused${pausedReason ? `: ${escapeHtml(pausedReason)}` : ""}.`;
  const resumed = resumedBy ? `Resumed by ${escapeHtml(resumedBy)}` : "It was resumed already";
  return `${paused}\n▶️ ${resumed}; it is fetched at the next ingest.`;
}
