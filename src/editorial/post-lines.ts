/** How `posts list` and `posts show` put a channel post to the operator. Pure. */
import type { PostRecord } from "../db/channel-posts.js";
import { readSendFailure, sendFailureInEnglish } from "../publish/outbox-reason.js";
import { formatWhen } from "./format-when.js";

/** The time that matters for a post in its status, in words. */
function postWhen(post: PostRecord, timezone: string, now: Date): string {
  const when = (date: Date) => formatWhen(date, timezone, now);
  if (post.sentAt && (post.status === "sent" || post.status === "deleted")) return `sent ${when(post.sentAt)}`;
  if (post.status === "queued" || post.status === "scheduled") return post.scheduledAt ? `due ${when(post.scheduledAt)}` : "next free slot";
  return `added ${when(post.createdAt)}`;
}

/** "#12 sent · sent Sun 6 Dec 18:30 · Harbour reopens" — one line of `posts list`. */
export function postLine(post: PostRecord, timezone: string, now: Date): string {
  return `#${post.id} ${post.status} · ${postWhen(post, timezone, now)} · ${post.article.headline}`;
}

/** `posts show`: one fact a line, only the facts the post has. */
export function postDetails(post: PostRecord, timezone: string, now: Date): string[] {
  const when = (date: Date) => formatWhen(date, timezone, now);
  const lines = [
    `Post #${post.id}: ${post.status}`,
    `Headline: ${post.article.headline}`,
    `Link: ${post.article.url}`,
    `Topics: ${post.article.topics.length > 0 ? post.article.topics.join(", ") : "none"}`,
    `Origin: ${post.origin === "editor" ? `queued by ${post.queuedByName ?? "an editor"}` : "automatic"}`,
  ];
  if (post.status === "queued" || post.status === "scheduled") lines.push(`Goes out: ${post.scheduledAt ? when(post.scheduledAt) : "at the next free slot"}`);
  if (post.sentAt) lines.push(`Sent: ${when(post.sentAt)}`);
  if (post.attempts > 0) lines.push(`Attempts: ${post.attempts}`);
  const failure = readSendFailure(post.lastError);
  if (failure) lines.push(`Last error: ${sendFailureInEnglish(failure)}`);
  if (post.status === "sent") lines.push(`Clicks: ${post.clickCount}, reactions: ${post.reactionCount}`);
  lines.push(`Added: ${when(post.createdAt)}`);
  return lines;
}
