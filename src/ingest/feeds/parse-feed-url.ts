/** Why an address's form is refused: not http(s) (`scheme` says what it is), no host, not a URL, or credentials in it. */
export type FeedUrlProblem = { code: "not-web"; scheme: string } | { code: "no-host" } | { code: "not-a-url" } | { code: "credentials" };

/**
 * A feed address refused for its form: `problem` says why, for a front end to word in its
 * reader's language; the message says it in English, for operators.
 */
export class FeedUrlError extends Error {
  constructor(
    message: string,
    readonly input: string,
    readonly problem: FeedUrlProblem,
  ) {
    super(message);
  }
}

/** Checks a feed URL's form (http/https, a host, no credentials); it is not fetched. */
export function parseFeedUrl(input: string): string {
  const text = input.trim();
  const example = "give the feed's full address, e.g. https://example.com/rss.xml";
  const scheme = /^([a-z][a-z0-9+.-]*):(?!\d)/i.exec(text)?.[1]?.toLowerCase();
  if (scheme !== undefined && scheme !== "http" && scheme !== "https") {
    throw new FeedUrlError(`"${input}" is not a web address: only http:// and https:// feeds are supported, not ${scheme}://`, input, { code: "not-web", scheme });
  }
  // "https://" or "https:///rss.xml": WHATWG would either refuse it or take the path for a host.
  if (/^https?:\/\/(?:[/?#:]|$)/i.test(text) || /^https?:\/\/\/+/i.test(text)) {
    throw new FeedUrlError(`"${input}" has no host: ${example}`, input, { code: "no-host" });
  }
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new FeedUrlError(`"${input}" is not a URL: ${example}`, input, { code: "not-a-url" });
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") throw new FeedUrlError(`"${input}" is not a URL: ${example}`, input, { code: "not-a-url" });
  if (!url.hostname) throw new FeedUrlError(`"${input}" has no host: ${example}`, input, { code: "no-host" });
  if (url.username || url.password) throw new FeedUrlError(`"${input}" has a user name or password in it; feeds with credentials are not supported`, input, { code: "credentials" });
  url.hash = "";
  return url.toString();
}
