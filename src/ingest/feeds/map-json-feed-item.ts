import type { JsonFeed } from "feedsmith";

import { escapeHtml } from "../../publish/telegram-html.js";
import { collapseWhitespace } from "../normalise-text.js";
import { htmlToLine } from "./html-to-line.js";
import type { FeedItem } from "./feed-item.js";
import { parseFeedDate } from "./parse-feed-date.js";
import { pickImageUrl } from "./pick-image-url.js";
import { resolveLink } from "./resolve-link.js";
import { uniqueNonEmpty } from "./unique-non-empty.js";

type JsonFeedItem = JsonFeed.Item<string>;

/** A JSON Feed 1.0/1.1 item as a {@link FeedItem}; plain-text fields are escaped where HTML is kept. */
export function mapJsonFeedItem(item: JsonFeedItem, base: string): FeedItem {
  const author = item.authors?.[0]?.name ?? null;
  const contentHtml = item.content_html ?? (item.content_text ? escapeHtml(item.content_text) : null);
  return {
    guid: item.id === undefined || item.id === null ? null : String(item.id),
    link: resolveLink(item.url, base) ?? resolveLink(item.external_url, base),
    title: htmlToLine(item.title ?? ""),
    descriptionHtml: item.summary ? escapeHtml(item.summary) : null,
    contentHtml,
    publishedAt: parseFeedDate(item.date_published ?? item.date_modified),
    author: author === null ? null : collapseWhitespace(author) || null,
    categories: uniqueNonEmpty(item.tags ?? []),
    imageUrl: pickImageUrl(
      [
        { url: item.image },
        { url: item.banner_image },
        ...(item.attachments ?? [])
          .filter((attachment) => attachment.mime_type?.startsWith("image/"))
          .map((attachment) => ({ url: attachment.url })),
      ],
      base,
    ),
  };
}
