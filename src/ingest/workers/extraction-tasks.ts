/**
 * The work the extraction pool's threads do: everything that reads untrusted feed and page text
 * (parsing, HTML to text, extraction, body cleanup, summary, topics). Pure functions of their
 * input, so they run the same in a worker thread and in a test.
 */
import { buildArticle, itemText, USABLE_DESCRIPTION_CHARS, type BuildContext, type CleanArticle } from "../build-article.js";
import { extractArticle } from "../extract/extract-article.js";
import { FeedParseError } from "../feeds/feed-parse-error.js";
import type { FeedItem } from "../feeds/feed-item.js";
import { parseFeed } from "../feeds/parse-feed.js";
import { passesKeywordFilter, type KeywordFilter } from "../filters/keyword-filter.js";
import { isTeaser } from "../summary/is-teaser.js";

/** What a feed's items are screened by while the feed is read. */
export interface FeedScreen {
  filter: KeywordFilter;
  /** The feed is marked full-page: every item's page is read. */
  fullPage: boolean;
}

/** One item of a read feed, with what the screening found. */
export interface ScreenedItem {
  /** The item with its plain text filled in and its HTML dropped (the text is all that is read later). */
  item: FeedItem;
  passesFilter: boolean;
  /** The feed says too little about this item: its page must be read. */
  needsPage: boolean;
}

/** A feed as the ingest job needs it. */
export interface ReadFeed {
  title: string | null;
  items: ScreenedItem[];
}

/**
 * A feed the parser could not read, as it crosses back from a thread: an error thrown there
 * arrives as a plain Error, and ingest tells the parser's refusal from other failures.
 */
export interface UnreadableFeed {
  parseError: string;
}

/** Where a clean article comes from: a feed item, a page's HTML, or both. */
export interface ArticleSource {
  item?: FeedItem | null;
  html?: string | null;
  pageUrl: string;
}

/** One task for a pool thread. */
export type ExtractionTask =
  | { kind: "read-feed"; text: string; feedUrl: string; screen: FeedScreen }
  | { kind: "build-article"; source: ArticleSource; context: BuildContext }
  | { kind: "build-articles"; sources: ArticleSource[]; context: BuildContext };

/** One article of a batch: the clean article (or null), or the error that stopped it (an Error survives the thread's message). */
export type BuiltArticle = { article: CleanArticle | null } | { error: unknown };

/**
 * Parses a feed and screens its items: plain text, the feed's keyword filter, and whether the
 * page must be read (a full-page feed; no usable text; or only a teaser such as "Read more…").
 */
export function readFeed(text: string, feedUrl: string, screen: FeedScreen): ReadFeed {
  const parsed = parseFeed(text, feedUrl);
  return {
    title: parsed.title,
    items: parsed.items.map((item) => {
      const plain = itemText(item);
      const needsPage =
        screen.fullPage ||
        plain.body.length < USABLE_DESCRIPTION_CHARS ||
        (!item.contentHtml && plain.standfirst !== null && isTeaser(plain.standfirst, item.title));
      return {
        item: { ...item, descriptionHtml: null, contentHtml: null, text: plain },
        passesFilter: passesKeywordFilter(`${item.title}\n${plain.body}`, screen.filter),
        needsPage,
      };
    }),
  };
}

/** The clean article from a page's HTML (extracted here) and/or a feed item; null without a headline or usable link. */
export function buildArticleFrom(source: ArticleSource, context: BuildContext): CleanArticle | null {
  const page = source.html != null ? extractArticle(source.html, source.pageUrl) : null;
  return buildArticle({ item: source.item ?? null, page, pageUrl: source.pageUrl }, context);
}

/** The clean articles of many sources in one task; one that fails does not fail the others. */
export function buildArticlesFrom(sources: ArticleSource[], context: BuildContext): BuiltArticle[] {
  return sources.map((source) => {
    try {
      return { article: buildArticleFrom(source, context) };
    } catch (error) {
      return { error };
    }
  });
}

/** Runs one task. */
export function runExtractionTask(task: ExtractionTask): ReadFeed | UnreadableFeed | CleanArticle | null | BuiltArticle[] {
  switch (task.kind) {
    case "read-feed":
      try {
        return readFeed(task.text, task.feedUrl, task.screen);
      } catch (error) {
        if (error instanceof FeedParseError) return { parseError: error.message };
        throw error;
      }
    case "build-article":
      return buildArticleFrom(task.source, task.context);
    case "build-articles":
      return buildArticlesFrom(task.sources, task.context);
  }
}
