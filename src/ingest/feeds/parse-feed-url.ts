/** A feed address refused for its form; the message says why, for the editor or operator. */
export class FeedUrlError extends Error {}

/** Checks a feed URL's form (http/https, a host, no credentials); it is not fetched. */
export function parseFeedUrl(input: string): string {
  const text = input.trim();
  const example = "give the feed's full address, e.g. https://example.com/rss.xml";
  const scheme = /^([a-z][a-z0-9+.-]*):(?!\d)/i.exec(text)?.[1]?.toLowerCase();
  if (scheme !== undefined && scheme !== "http" && scheme !== "https") {
    throw new FeedUrlError(`"${input}" is not a web address: only http:// and https:// feeds are supported, not ${scheme}://`);
  }
  // "https://" or "https:///rss.xml": WHATWG would either refuse it or take the path for a host.
  if (/^https?:\/\/(?:[/?#:]|$)/i.test(text) || /^https?:\/\/\/+/i.test(text)) {
    throw new FeedUrlError(`"${input}" has no host: ${example}`);
  }
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new FeedUrlError(`"${input}" is not a URL: ${example}`);
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") throw new FeedUrlError(`"${input}" is not a URL: ${example}`);
  if (!url.hostname) throw new FeedUrlError(`"${input}" has no host: ${example}`);
  if (url.username || url.password) throw new FeedUrlError(`"${input}" has a user name or password in it; feeds with credentials are not supported`);
  url.hash = "";
  return url.toString();
}
