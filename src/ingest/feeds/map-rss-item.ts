import type { RdfFeed, RssFeed } from "feedsmith";

import { collapseWhitespace } from "../normalise-text.js";
import { htmlToLine } from "./html-to-line.js";
import type { FeedItem } from "./feed-item.js";
import { parseFeedDate } from "./parse-feed-date.js";
import { mediaImageCandidates, pickImageUrl } from "./pick-image-url.js";
import { resolveLink } from "./resolve-link.js";
import { uniqueNonEmpty } from "./unique-non-empty.js";

type RssItem = RssFeed.Item<string>;
type RdfItem = RdfFeed.Item<string>;

/** An RSS 2.0/0.9x item as a {@link FeedItem}; relative URLs resolve against `base`. */
export function mapRssItem(item: RssItem, base: string): FeedItem {
  const guid = item.guid?.value ?? null;
  // RSS says a guid is a permalink unless isPermaLink="false"; use it when <link> is missing.
  const permalink = item.guid && item.guid.isPermaLink !== false ? item.guid.value : undefined;
  const firstAuthor = item.authors?.[0];
  const author = item.dc?.creators?.[0] ?? firstAuthor?.name ?? firstAuthor?.email ?? item.itunes?.author ?? null;
  return {
    guid,
    link: resolveLink(item.link, base) ?? (permalink ? resolveLink(permalink, null) : null),
    title: htmlToLine(item.title ?? item.dc?.titles?.[0] ?? ""),
    descriptionHtml: item.description ?? null,
    contentHtml: item.content?.encoded ?? null,
    publishedAt: parseFeedDate(item.pubDate ?? item.dc?.dates?.[0] ?? item.atom?.published ?? item.atom?.updated),
    author: author === null ? null : collapseWhitespace(author) || null,
    categories: uniqueNonEmpty([
      ...(item.categories ?? []).map((category) => category.name),
      ...(item.dc?.subjects ?? []),
    ]),
    imageUrl: pickImageUrl(
      [
        ...mediaImageCandidates(item.media),
        ...(item.enclosures ?? []).map((enclosure) => ({ url: enclosure.url, type: enclosure.type ?? null })),
        { url: item.itunes?.image },
      ],
      base,
    ),
  };
}

/** An RSS 1.0 (RDF) item as a {@link FeedItem}; its rdf:about serves as the GUID. */
export function mapRdfItem(item: RdfItem, base: string): FeedItem {
  const author = item.dc?.creators?.[0] ?? null;
  return {
    guid: item.rdf?.about ?? null,
    link: resolveLink(item.link, base),
    title: htmlToLine(item.title ?? item.dc?.titles?.[0] ?? ""),
    descriptionHtml: item.description ?? null,
    contentHtml: item.content?.encoded ?? null,
    publishedAt: parseFeedDate(item.dc?.dates?.[0]),
    author: author === null ? null : collapseWhitespace(author) || null,
    categories: uniqueNonEmpty(item.dc?.subjects ?? []),
    imageUrl: pickImageUrl(mediaImageCandidates(item.media), base),
  };
}
