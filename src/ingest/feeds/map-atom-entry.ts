import type { AtomFeed } from "feedsmith";

import { escapeHtml } from "../../publish/telegram-html.js";
import { collapseWhitespace } from "../normalise-text.js";
import { htmlToLine } from "./html-to-line.js";
import type { FeedItem } from "./feed-item.js";
import { parseFeedDate } from "./parse-feed-date.js";
import { mediaImageCandidates, pickImageUrl } from "./pick-image-url.js";
import { resolveBase, resolveLink } from "./resolve-link.js";
import { uniqueNonEmpty } from "./unique-non-empty.js";

type AtomEntry = AtomFeed.Entry<string>;
type AtomText = AtomFeed.Text | AtomFeed.Content;

/** Atom text constructs: "text" (the default) is plain, "html" and "xhtml" are markup. */
function isMarkup(text: AtomText): boolean {
  return text.type === "html" || text.type === "xhtml" || (text.type?.includes("html") ?? false);
}

/** An Atom text construct as one line of plain text. */
export function atomTextToPlain(text: AtomText | undefined): string {
  if (!text?.value) return "";
  return isMarkup(text) ? htmlToLine(text.value) : collapseWhitespace(text.value);
}

function atomTextToHtml(text: AtomText | undefined): string | null {
  if (!text?.value) return null;
  return isMarkup(text) ? text.value : escapeHtml(text.value);
}

/** The entry's web page: rel="alternate" (or no rel), preferring an HTML type. */
export function pickAtomAlternate(links: readonly AtomFeed.Link<string>[] | undefined): string | undefined {
  const alternates = (links ?? []).filter((link) => link.rel === undefined || link.rel === "alternate");
  const html = alternates.find((link) => link.type === undefined || link.type.includes("html"));
  return (html ?? alternates[0])?.href;
}

/**
 * An Atom entry as a {@link FeedItem}. `feedBase` already includes the feed's
 * xml:base; the entry's own xml:base is applied on top of it.
 */
export function mapAtomEntry(entry: AtomEntry, feedBase: string): FeedItem {
  const base = resolveBase(entry.xml?.base, feedBase);
  const enclosures = (entry.links ?? []).filter((link) => link.rel === "enclosure");
  const author = entry.authors?.[0]?.name ?? entry.dc?.creators?.[0] ?? null;
  return {
    guid: entry.id ?? null,
    link: resolveLink(pickAtomAlternate(entry.links), base),
    title: atomTextToPlain(entry.title),
    descriptionHtml: atomTextToHtml(entry.summary),
    // Out-of-line content (src=…) has no body to keep.
    contentHtml: entry.content?.src ? null : atomTextToHtml(entry.content),
    publishedAt: parseFeedDate(entry.published ?? entry.updated ?? entry.dc?.dates?.[0]),
    author: author === null ? null : collapseWhitespace(author) || null,
    categories: uniqueNonEmpty((entry.categories ?? []).map((category) => category.label ?? category.term)),
    imageUrl: pickImageUrl(
      [
        ...mediaImageCandidates(entry.media),
        ...enclosures.map((link) => ({ url: link.href, type: link.type ?? null })),
        { url: entry.itunes?.image },
      ],
      base,
    ),
  };
}
