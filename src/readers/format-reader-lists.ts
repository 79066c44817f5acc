/** Reader-facing lists and inline results, in Telegram HTML; every interpolated text is escaped. */
import type { Translate } from "../i18n/translate.js";
import { cutText, escapeHtml } from "../publish/telegram-html.js";

/** One story as a line of a list: a linked headline. */
export function storyLine(article: { headline: string; url: string }): string {
  return `• <a href="${escapeHtml(article.url)}">${escapeHtml(article.headline)}</a>`;
}

/** "3 reactions, 1 click": what a story collected, zero counts left out. */
export function engagementWords(t: Translate, counts: { reactions: number; clicks: number }): string {
  const parts: string[] = [];
  if (counts.reactions > 0) parts.push(t("popular-reactions", { count: counts.reactions }));
  if (counts.clicks > 0) parts.push(t("popular-clicks", { count: counts.clicks }));
  return parts.join(", ");
}

/** A /popular line: the linked headline and what it collected. */
export function popularLine(t: Translate, item: { reactions: number; clicks: number; article: { headline: string; url: string } }): string {
  const words = engagementWords(t, item);
  return words ? `${storyLine(item.article)} — ${words}` : storyLine(item.article);
}

/** Longest description shown under an inline result. */
export const INLINE_DESCRIPTION_CHARS = 200;
/** Telegram's limit for an inline result's title. */
export const INLINE_TITLE_CHARS = 256;
/** Room left for the summary in an inline message (4096 minus the headline line). */
const INLINE_SUMMARY_CHARS = 3500;

/** An InlineQueryResultArticle (structurally; this module imports nothing from grammY). */
export interface InlineArticleResult {
  type: "article";
  id: string;
  title: string;
  description?: string;
  input_message_content: { message_text: string; parse_mode: "HTML" };
}

/** An article as an inline result: shared as its linked headline and its summary. */
export function inlineArticle(article: { id: number; url: string; headline: string; summary: string }): InlineArticleResult {
  const summary = article.summary.trim();
  const link = `<a href="${escapeHtml(article.url)}">${escapeHtml(cutText(article.headline, INLINE_TITLE_CHARS))}</a>`;
  return {
    type: "article",
    id: `article-${article.id}`,
    title: cutText(article.headline, INLINE_TITLE_CHARS),
    ...(summary ? { description: cutText(summary, INLINE_DESCRIPTION_CHARS) } : {}),
    input_message_content: {
      message_text: summary ? `${link}\n\n${escapeHtml(cutText(summary, INLINE_SUMMARY_CHARS))}` : link,
      parse_mode: "HTML",
    },
  };
}
