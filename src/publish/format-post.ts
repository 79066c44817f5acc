/** The channel post: the one format used for posting, previews and edits. */
import { topicHashtag } from "../ingest/topics/slugify-topic.js";
import { cutText, escapeHtml, TELEGRAM_TEXT_LIMIT } from "./telegram-html.js";

export interface PostContent {
  headline: string;
  summary: string;
  /** Where "Read more" leads: the article, or the bot's click-counting redirect. */
  link: string;
  topics: string[];
}

const READ_MORE = "Read more";
const MAX_HEADLINE = 300;

/**
 * Formats a post as Telegram HTML:
 * `<b>Headline</b>`, blank line, summary, blank line, `<a href="…">Read more</a>`,
 * then the topics as hashtags. Everything interpolated is escaped, and the text
 * Telegram counts stays within its 4096-character limit (the summary is cut at a
 * sentence or word when it must be).
 */
export function formatPost(content: PostContent, limit: number = TELEGRAM_TEXT_LIMIT): string {
  const headline = cutText(content.headline.trim(), MAX_HEADLINE);
  const hashtags = [...new Set(content.topics.map(topicHashtag).filter(Boolean))].join(" ");
  const separators = hashtags ? 6 : 4; // "\n\n" between the parts
  const summaryRoom = limit - headline.length - READ_MORE.length - hashtags.length - separators;
  const summary = cutText(content.summary.trim(), Math.max(0, summaryRoom));
  const parts = [`<b>${escapeHtml(headline)}</b>`];
  if (summary) parts.push(escapeHtml(summary));
  parts.push(`<a href="${escapeHtml(content.link)}">${READ_MORE}</a>`);
  if (hashtags) parts.push(hashtags);
  return parts.join("\n\n");
}

/** The link behind "Read more": the bot's click-counting redirect when PUBLIC_URL is set. */
export function postLink(postId: number, articleUrl: string, publicUrl: string | null): string {
  return publicUrl ? `${publicUrl}/r/${postId}` : articleUrl;
}
