/** One look at an address before it becomes a feed: is it a feed, a page naming feeds, or neither? */
import type { Fetcher } from "../fetch/create-fetcher.js";
import { FetchError } from "../fetch/fetch-error.js";
import { fetchFailureOf } from "../fetch/fetch-failure.js";
import { discoverFeedLinks, type FeedLink } from "./discover-feed-links.js";
import type { FeedRefusal } from "./feed-refusal.js";
import { FeedParseError, parseFeed } from "./parse-feed.js";

/** What an address turned out to be. */
export type FeedProbe =
  /** A feed the parser reads: its title and how many items it has now. */
  | { kind: "feed"; title: string | null; items: number }
  /** Not a feed; `feeds` are the feeds it declares (a web page's alternate links), maybe none. */
  | { kind: "not-a-feed"; reason: FeedRefusal; feeds: FeedLink[] }
  /** It could not be fetched. */
  | { kind: "unreachable"; reason: FeedRefusal };

/**
 * Fetches `url` once through the guarded fetcher and reads it with the feed parser ingestion
 * uses. Throws only when the request was cancelled (Newsdesk stopping).
 */
export async function probeFeed(fetcher: Fetcher, url: string, signal?: AbortSignal): Promise<FeedProbe> {
  let text: string;
  let finalUrl: string;
  let contentType: string | null;
  try {
    const response = await fetcher.fetch({ url, kind: "feed", ...(signal ? { signal } : {}) });
    if (response.notModified) return { kind: "unreachable", reason: { code: "not-modified" } };
    ({ text, url: finalUrl, contentType } = response);
  } catch (error) {
    if (error instanceof FetchError && error.code !== "cancelled") return { kind: "unreachable", reason: { code: "fetch-failed", failure: fetchFailureOf(error) } };
    throw error;
  }
  try {
    const feed = parseFeed(text, finalUrl);
    return { kind: "feed", title: feed.title, items: feed.items.length };
  } catch (error) {
    if (!(error instanceof FeedParseError)) throw error;
    const feeds = discoverFeedLinks(text, finalUrl);
    const isPage = /^\s*(?:text\/html|application\/xhtml\+xml)\b/i.test(contentType ?? "");
    const reason: FeedRefusal = isPage
      ? { code: "web-page-without-feed" }
      : text.trim() === ""
        ? { code: "empty" }
        : { code: "unreadable", contentType, detail: error.message };
    return { kind: "not-a-feed", reason, feeds };
  }
}
