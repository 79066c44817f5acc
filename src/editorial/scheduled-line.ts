/** One line of /scheduled: "#12 Tue 1 Dec 07:00 · Headline · queued by Alice". Pure. */
import { escapeHtml } from "../publish/telegram-html.js";
import { formatWhen } from "./format-when.js";

export interface WaitingPost {
  id: number;
  origin: string;
  scheduledAt: Date | null;
  queuedByName: string | null;
  lastError: string | null;
  article: { headline: string };
}

/** HTML; every interpolated text is escaped. */
export function scheduledLine(post: WaitingPost, timezone: string, now: Date): string {
  const when = post.scheduledAt ? formatWhen(post.scheduledAt, timezone, now) : "next slot";
  const who = post.origin === "editor" ? `queued by ${escapeHtml(post.queuedByName ?? "an editor")}` : "automatic";
  const retry = post.lastError ? ` (retrying: ${escapeHtml(post.lastError)})` : "";
  return `#${post.id} ${escapeHtml(when)} · ${escapeHtml(post.article.headline)} · ${who}${retry}`;
}
