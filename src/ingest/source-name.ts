/** The name of a story's source, as posts show it. */

/**
 * The source's name shown in a post: what was stored at ingest (og:site_name, else the
 * feed's title), else the feed's title, else the article's host name.
 */
export function sourceNameOf(article: { sourceName?: string | null; feedTitle?: string | null; url: string }): string {
  const stored = article.sourceName?.trim() || article.feedTitle?.trim();
  if (stored) return stored;
  try {
    return new URL(article.url).hostname.replace(/^www\./, "");
  } catch {
    return "";
  }
}
