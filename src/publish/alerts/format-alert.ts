/** The instant alert a reader gets in a private chat for a new channel post. */
import type { Translate } from "../../i18n/translate.js";
import { topicHashtag } from "../../ingest/topics/slugify-topic.js";
import { cutText, escapeHtml, TELEGRAM_TEXT_LIMIT } from "../telegram-html.js";

export interface AlertContent {
  headline: string;
  summary: string;
  link: string;
  /** The post's topics the reader follows (slugs), named in the footer. */
  followedTopics: string[];
}

const MAX_HEADLINE = 300;

/** "You get this because you follow #economy, #markets · /settings" */
export function alertFooter(t: Translate, followedTopics: string[]): string {
  const hashtags = [...new Set(followedTopics.map(topicHashtag).filter(Boolean))].join(", ");
  return hashtags ? t("alert-footer-topics", { topics: hashtags }) : t("alert-footer");
}

/**
 * Formats an alert as Telegram HTML, in the reader's language (`t`): the headline as a bold link, the summary, and a
 * footer saying which followed topic brought it and where to change that. Everything
 * interpolated is escaped; the summary is cut so the whole stays within `limit`.
 */
export function formatAlert(t: Translate, content: AlertContent, limit: number = TELEGRAM_TEXT_LIMIT): string {
  const headline = cutText(content.headline.trim(), MAX_HEADLINE);
  const footer = alertFooter(t, content.followedTopics);
  const summaryRoom = limit - headline.length - footer.length - 4; // two "\n\n"
  const summary = cutText(content.summary.trim(), Math.max(0, summaryRoom));
  const parts = [`<b><a href="${escapeHtml(content.link)}">${escapeHtml(headline)}</a></b>`];
  if (summary) parts.push(escapeHtml(summary));
  parts.push(escapeHtml(footer));
  return parts.join("\n\n");
}
