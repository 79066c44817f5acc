import { DetectError, MalformedError, parseFeed as parseAnyFeed } from "feedsmith";
import type { AnyFeed } from "feedsmith";

import { atomTextToPlain, mapAtomEntry, pickAtomAlternate } from "./map-atom-entry.js";
import { FeedParseError } from "./feed-parse-error.js";
import { htmlToLine } from "./html-to-line.js";
import { mapJsonFeedItem } from "./map-json-feed-item.js";
import { mapRdfItem, mapRssItem } from "./map-rss-item.js";
import { resolveBase, resolveLink } from "./resolve-link.js";
import type { FeedItem } from "./feed-item.js";

export { FeedParseError } from "./feed-parse-error.js";

/** A parsed feed: its format, title, home page and items in document order (not deduplicated). */
export interface ParsedFeed {
  format: "rss" | "atom" | "rdf" | "json";
  title: string | null;
  link: string | null;
  items: FeedItem[];
}

// A document that opens (after any XML declaration, comments and doctype) with <html>.
// Each comment and processing instruction stops at its own end, so a run of them cannot be split
// in exponentially many ways (catastrophic backtracking on a hostile prolog).
const htmlStart = /^(?:\s|<\?xml[^>]*>|<!--(?:(?!-->)[\s\S])*-->)*(?:<!doctype\s+html[^>]*>|<html[\s>])/i;
const htmlAnywhere = /<html[\s>]|<body[\s>]|<!doctype\s+html/i;
// An internal DTD subset that declares entities, in the prolog (before the root element).
const entityDeclaration = /^(?:\s|<\?(?:(?!\?>)[\s\S])*\?>|<!--(?:(?!-->)[\s\S])*-->)*<!doctype[^[>]*\[[\s\S]*?<!entity\s/i;

/**
 * Parses an RSS 0.9x/2.0, RSS 1.0 (RDF), Atom 1.0 or JSON Feed document with
 * feedsmith and normalises its items. Pure: no I/O. Throws {@link FeedParseError}
 * for empty, HTML, malformed or unrecognised documents, and for documents that
 * declare XML entities in their DOCTYPE (entity bombs are refused before parsing).
 */
export function parseFeed(text: string, feedUrl: string): ParsedFeed {
  const body = text.replace(/^\uFEFF/, "");
  if (body.trim() === "") throw new FeedParseError("the document is empty");
  if (htmlStart.test(body)) throw new FeedParseError("the document is HTML, not a feed");
  // No real feed needs its own entities; "billion laughs" bombs and external-entity reads do.
  // The parser would leave them unexpanded, but a feed that tries is refused outright.
  if (entityDeclaration.test(body)) throw new FeedParseError("the feed declares XML entities (<!ENTITY>), which is refused as unsafe");

  let parsed: AnyFeed<string>;
  try {
    parsed = parseAnyFeed(body);
  } catch (error) {
    throw explainFailure(error, body);
  }

  try {
    return normalise(parsed, feedUrl);
  } catch (error) {
    // feedsmith's output is loosely typed at the edges; never let a surprise escape as a crash.
    throw new FeedParseError(`the feed could not be read: ${error instanceof Error ? error.message : String(error)}`);
  }
}

function explainFailure(error: unknown, body: string): FeedParseError {
  if (error instanceof DetectError) {
    if (htmlAnywhere.test(body.slice(0, 4096))) return new FeedParseError("the document is HTML, not a feed");
    if (/^\s*[[{]/.test(body)) {
      try {
        JSON.parse(body);
      } catch {
        return new FeedParseError("the document is malformed JSON");
      }
      return new FeedParseError("the JSON document is not a JSON Feed");
    }
    return new FeedParseError("the document is not a recognised feed (RSS, RDF, Atom or JSON Feed)");
  }
  if (error instanceof MalformedError) {
    const cause = error.cause instanceof Error ? `: ${error.cause.message}` : "";
    return new FeedParseError(`the feed is malformed XML${cause}`);
  }
  if (error instanceof RangeError) return new FeedParseError("the feed is nested too deeply to parse");
  return new FeedParseError(`the feed could not be parsed: ${error instanceof Error ? error.message : String(error)}`);
}

function plainOrNull(value: string | undefined): string | null {
  if (value === undefined) return null;
  return htmlToLine(value) || null;
}

function normalise(parsed: AnyFeed<string>, feedUrl: string): ParsedFeed {
  switch (parsed.format) {
    case "rss": {
      const { feed } = parsed;
      return {
        format: "rss",
        title: plainOrNull(feed.title),
        link: resolveLink(feed.link, feedUrl),
        items: (feed.items ?? []).map((item) => mapRssItem(item, feedUrl)),
      };
    }
    case "rdf": {
      const { feed } = parsed;
      return {
        format: "rdf",
        title: plainOrNull(feed.title),
        link: resolveLink(feed.link, feedUrl),
        items: (feed.items ?? []).map((item) => mapRdfItem(item, feedUrl)),
      };
    }
    case "atom": {
      const { feed } = parsed;
      const base = resolveBase(feed.xml?.base, feedUrl);
      return {
        format: "atom",
        title: atomTextToPlain(feed.title) || null,
        link: resolveLink(pickAtomAlternate(feed.links), base),
        items: (feed.entries ?? []).map((entry) => mapAtomEntry(entry, base)),
      };
    }
    case "json": {
      const { feed } = parsed;
      return {
        format: "json",
        title: plainOrNull(feed.title),
        link: resolveLink(feed.home_page_url, feedUrl),
        items: (feed.items ?? []).map((item) => mapJsonFeedItem(item, feedUrl)),
      };
    }
  }
}
