/**
 * Why /addfeed or `feeds add` refused an address, as data: the bot words it in the editor's
 * language (src/editorial/fetch-failure-text.ts), operators read {@link feedRefusalInEnglish}.
 * Light and pure: the feed actions load it without the fetcher or the parser.
 */
import type { FetchFailure } from "../fetch/fetch-failure.js";

/** Why an address is not a feed Newsdesk can add, as data each front end words in its own language. */
export type FeedRefusal =
  /** It could not be fetched (no answer, 4xx/5xx, a private address…). */
  | { code: "fetch-failed"; failure: FetchFailure }
  /** It answered 304 Not Modified to a request that had nothing to compare with. */
  | { code: "not-modified" }
  /** It answered nothing at all. */
  | { code: "empty" }
  /** A web page (by its content type) declaring no feed. */
  | { code: "web-page-without-feed" }
  /** Something the feed parser cannot read; `detail` is the parser's English words for it. */
  | { code: "unreadable"; contentType: string | null; detail: string };

/** A refusal in the operators' words (the CLI, the audit log): English, with the fetcher's and parser's own detail. */
export function feedRefusalInEnglish(reason: FeedRefusal): string {
  switch (reason.code) {
    case "fetch-failed":
      return reason.failure.detail;
    case "not-modified":
      return "it answered 304 Not Modified to a request without validators";
    case "empty":
      return "the document is empty";
    case "web-page-without-feed":
      return 'it is a web page, not a feed, and it declares no feed (no <link rel="alternate"> to RSS, Atom or JSON Feed)';
    case "unreadable":
      return reason.detail;
  }
}
