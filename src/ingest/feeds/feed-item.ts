/** One entry of a feed, normalised across RSS, RDF, Atom and JSON Feed. */
export interface FeedItem {
  guid: string | null;
  /** Absolute http(s) URL, resolved against the feed URL (and xml:base). */
  link: string | null;
  /** Plain text: HTML stripped, entities decoded, whitespace collapsed; may be "". */
  title: string;
  descriptionHtml: string | null;
  /** content:encoded, Atom content, or JSON Feed content_html / content_text. */
  contentHtml: string | null;
  /** pubDate, dc:date, Atom published/updated, date_published; null when unparseable. Not clamped. */
  publishedAt: Date | null;
  /** dc:creator or the first author's name. */
  author: string | null;
  categories: string[];
  /** media:content/media:thumbnail, an image enclosure, itunes:image or JSON Feed image; absolute. */
  imageUrl: string | null;
  /** Plain text of the HTML above, when already worked out (the extraction pool sends items back with it). */
  text?: { body: string; standfirst: string | null };
}
