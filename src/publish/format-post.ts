/** The channel post: the one format used for posting, previews and edits. */
import { topicHashtag } from "../ingest/topics/slugify-topic.js";
import { defaultPostTemplateText, parsePostTemplate, renderPostTemplate, type PostTemplate } from "./post-template.js";
import { TELEGRAM_TEXT_LIMIT } from "./telegram-html.js";

/** Telegram's limit for a photo's caption, after entity parsing. */
export const TELEGRAM_CAPTION_LIMIT = 1024;

export interface PostContent {
  headline: string;
  summary: string;
  /** Where the post leads: the article, or the bot's click-counting redirect. */
  link: string;
  topics: string[];
  /** The source's name ("Island Times"). */
  source: string;
  /** Breaking news carries the marker before its headline. */
  breaking: boolean;
}

/** How posts are laid out: the template (POST_TEMPLATE or the default) and the breaking-news marker. */
export interface PostFormat {
  template: PostTemplate;
  breakingMarker: string;
}

/**
 * The post format from the configuration: POST_TEMPLATE when set, else the default layout with
 * the link's words (`readMore`) in the channel's language.
 */
export function createPostFormat(options: { template: PostTemplate | null; readMore: string; breakingMarker: string }): PostFormat {
  if (options.template) return { template: options.template, breakingMarker: options.breakingMarker };
  const parsed = parsePostTemplate(defaultPostTemplateText(options.readMore));
  if (!parsed.ok) throw new Error(`the default post layout is invalid: ${parsed.error}`);
  return { template: parsed.template, breakingMarker: options.breakingMarker };
}

/**
 * Formats a post as Telegram HTML through the template (by default: the marker of breaking
 * news, `<b>Headline</b>`, the summary, `<a href="…">Read more</a> · Source`, the topics as
 * hashtags). Everything interpolated is escaped, and the text Telegram counts stays within
 * `limit` (4096 for a message, 1024 for a caption): only the summary is shortened.
 */
export function formatPost(content: PostContent, format: PostFormat, limit: number = TELEGRAM_TEXT_LIMIT): string {
  const hashtags = [...new Set(content.topics.map(topicHashtag).filter(Boolean))].join(" ");
  const marker = content.breaking && format.breakingMarker ? `${format.breakingMarker} ` : "";
  return renderPostTemplate(
    format.template,
    { headline: content.headline, summary: content.summary, link: content.link, source: content.source, hashtags, marker },
    limit,
  );
}

/** The link behind "Read more": the bot's click-counting redirect when PUBLIC_URL is set. */
export function postLink(postId: number, articleUrl: string, publicUrl: string | null): string {
  return publicUrl ? `${publicUrl}/r/${postId}` : articleUrl;
}
