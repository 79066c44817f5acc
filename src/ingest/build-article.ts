/**
 * Turns what a feed item and (optionally) its page say into one clean article,
 * ready to store. Pure: the fetching happens in the caller.
 */
import type { NewArticle } from "../db/articles.js";
import type { ExtractedArticle } from "./extract/extract-article.js";
import { cleanBodyText } from "./extract/clean-body.js";
import type { FeedItem } from "./feeds/feed-item.js";
import { htmlToText } from "./html-to-text.js";
import { chooseCanonicalUrl, normaliseUrl } from "./identity/normalise-url.js";
import { headlineKey } from "./identity/same-story.js";
import { sourceNameOf } from "./source-name.js";
import { summarise } from "./summary/summarise.js";
import { assignTopics, type TopicRule } from "./topics/assign-topics.js";
import { topicNameFromSlug } from "./topics/slugify-topic.js";

/** A clean article, before storage: what `cli extract` prints and ingestion stores. */
export interface CleanArticle {
  headline: string;
  canonicalUrl: string;
  /** Other URLs of the same article (the feed's link when the page names another canonical URL). */
  otherUrls: string[];
  publishedAt: Date | null;
  modifiedAt: Date | null;
  section: string | null;
  topics: string[];
  author: string | null;
  language: string | null;
  image: string | null;
  /** The page's own name for its site (og:site_name), when the page was read. */
  siteName: string | null;
  summary: string;
  body: string;
  headlineKey: string;
}

export interface BuildContext {
  now: Date;
  summaryMaxChars: number;
  feedDefaultTopic: string | null;
  rules: TopicRule[];
  /** The only topics that may be given (TOPICS_OPEN=false), or null/absent for any. */
  closedTo?: ReadonlySet<string> | null;
}

/** A date more than a day ahead is a broken feed, not a scheduled story. */
const MAX_FUTURE_MS = 24 * 60 * 60 * 1000;

function plausibleDate(date: Date | null, now: Date): Date | null {
  if (!date || Number.isNaN(date.getTime())) return null;
  return date.getTime() > now.getTime() + MAX_FUTURE_MS ? null : date;
}

// The keyword filter, the page decision and the article itself all read an item's text; each
// conversion parses HTML, so it is done once per item.
const itemTexts = new WeakMap<FeedItem, { body: string; standfirst: string | null }>();

/** Plain text of an item's richest HTML (content:encoded over description). */
export function itemText(item: FeedItem): { body: string; standfirst: string | null } {
  if (item.text) return item.text;
  let text = itemTexts.get(item);
  if (!text) {
    const standfirst = item.descriptionHtml ? htmlToText(item.descriptionHtml) : null;
    const content = item.contentHtml ? htmlToText(item.contentHtml) : "";
    text = { body: content || standfirst || "", standfirst };
    itemTexts.set(item, text);
  }
  return text;
}

/** Below this a description is not enough to summarise: the page is fetched. */
export const USABLE_DESCRIPTION_CHARS = 80;

/**
 * Builds a clean article from a feed item, the page when it was fetched, or both.
 * Returns null when there is nothing to identify it by (no usable link) or no headline.
 */
export function buildArticle(
  source: { item?: FeedItem | null; page?: ExtractedArticle | null; pageUrl: string },
  context: BuildContext,
): CleanArticle | null {
  const { item, page } = source;
  const itemUrl = normaliseUrl(source.pageUrl);
  if (!itemUrl) return null;
  const canonicalUrl = chooseCanonicalUrl(itemUrl, page?.canonicalUrl ?? null) ?? itemUrl;
  const headline = (item?.title || page?.headline || "").replace(/\s+/g, " ").trim();
  if (!headline) return null;

  const fromItem = item ? itemText(item) : { body: "", standfirst: null };
  const rawBody = page && page.body.length > fromItem.body.length ? page.body : fromItem.body;
  const body = cleanBodyText(rawBody, { headline });
  const standfirst = fromItem.standfirst ?? page?.description ?? null;
  const summary = summarise({ body, standfirst, headline, maxChars: context.summaryMaxChars });
  const section = page?.section ?? null;
  const topics = assignTopics({
    feedDefaultTopic: context.feedDefaultTopic,
    categories: item?.categories ?? [],
    section,
    url: canonicalUrl,
    text: `${headline}\n${summary}\n${body}`,
    rules: context.rules,
    closedTo: context.closedTo ?? null,
  });
  return {
    headline,
    canonicalUrl,
    otherUrls: itemUrl !== canonicalUrl ? [itemUrl] : [],
    publishedAt: plausibleDate(item?.publishedAt ?? page?.publishedAt ?? null, context.now),
    modifiedAt: plausibleDate(page?.modifiedAt ?? null, context.now),
    section,
    topics,
    author: item?.author ?? page?.author ?? null,
    language: page?.language ?? null,
    image: item?.imageUrl ?? page?.imageUrl ?? null,
    siteName: page?.siteName ?? null,
    summary,
    body,
    headlineKey: headlineKey(headline),
  };
}

/**
 * The row to store for a clean article. Its place in "latest" is its publication
 * time, or now when it has none (or claims to be from the future).
 */
export function toNewArticle(
  clean: CleanArticle,
  origin: {
    now: Date;
    source: NewArticle["source"];
    autoPost: boolean;
    feedId?: number | null;
    guid?: string | null;
    summary?: string;
    otherUrls?: string[];
    /** The feed's title: the source's name when the page gave none. */
    feedTitle?: string | null;
  },
): NewArticle {
  return {
    url: clean.canonicalUrl,
    guid: origin.guid ?? null,
    feedId: origin.feedId ?? null,
    headline: clean.headline,
    summary: origin.summary ?? clean.summary,
    body: clean.body,
    section: clean.section,
    author: clean.author,
    language: clean.language,
    imageUrl: clean.image,
    sourceName: sourceNameOf({ sourceName: clean.siteName, feedTitle: origin.feedTitle ?? null, url: clean.canonicalUrl }) || null,
    publishedAt: clean.publishedAt,
    modifiedAt: clean.modifiedAt,
    sortAt: sortDateOf(clean, origin.now),
    headlineKey: clean.headlineKey,
    autoPost: origin.autoPost,
    source: origin.source,
    topics: clean.topics.map((slug) => ({ slug, name: topicNameFromSlug(slug) })),
    otherUrls: origin.otherUrls ?? clean.otherUrls,
  };
}

/** Publication time, or `now` when there is none or it lies ahead. */
export function sortDateOf(clean: Pick<CleanArticle, "publishedAt">, now: Date): Date {
  return clean.publishedAt && clean.publishedAt < now ? clean.publishedAt : now;
}
