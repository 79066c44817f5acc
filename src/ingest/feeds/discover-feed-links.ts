/**
 * The feeds a web page declares for itself (`<link rel="alternate" type="application/rss+xml"
 * href="…">`), as browsers and feed readers find them. Pure.
 */
import { parseHTML } from "linkedom";

/** A feed a page declares. */
export interface FeedLink {
  /** Absolute http(s) URL, resolved against the page (and its <base href>). */
  url: string;
  /** The link's title attribute, when it has one ("Sport", "Comments"). */
  title: string | null;
}

/** The link types that name a feed Newsdesk reads. */
const FEED_TYPES = new Set(["application/rss+xml", "application/atom+xml", "application/feed+json"]);

/** The few DOM members read here (the project compiles without the DOM lib). */
interface LinkElement {
  getAttribute(name: string): string | null;
}
interface ParsedPage {
  querySelector(selectors: string): LinkElement | null;
  querySelectorAll(selectors: string): ArrayLike<LinkElement>;
}

function resolveHttp(href: string, base: string): string | null {
  try {
    const url = new URL(href, base);
    if (url.protocol !== "http:" && url.protocol !== "https:") return null;
    url.hash = "";
    return url.href;
  } catch {
    return null;
  }
}

/**
 * Every feed `<link rel="alternate">` of an HTML page, in document order, each URL once.
 * Relative hrefs are resolved against `<base href>` or `pageUrl`; other rels, other types
 * (a page's translations, its AMP version) and links inside comments are ignored.
 */
export function discoverFeedLinks(html: string, pageUrl: string): FeedLink[] {
  let document: ParsedPage | undefined;
  try {
    // linkedom's typings lean on the DOM lib, which this project does not load: narrowed here once.
    const parsed = parseHTML(html) as unknown as { document: ParsedPage | undefined };
    document = parsed.document;
  } catch {
    return [];
  }
  if (!document) return [];
  const baseHref = document.querySelector("base[href]")?.getAttribute("href");
  const base = (baseHref && resolveHttp(baseHref, pageUrl)) || pageUrl;
  const found = new Map<string, FeedLink>();
  for (const link of Array.from(document.querySelectorAll("link[rel][href]"))) {
    const rels = (link.getAttribute("rel") ?? "").toLowerCase().split(/\s+/);
    const type = (link.getAttribute("type") ?? "").split(";")[0]?.trim().toLowerCase() ?? "";
    if (!rels.includes("alternate") || !FEED_TYPES.has(type)) continue;
    const url = resolveHttp((link.getAttribute("href") ?? "").trim(), base);
    if (!url || found.has(url)) continue;
    const title = link.getAttribute("title")?.replace(/\s+/g, " ").trim() || null;
    found.set(url, { url, title });
  }
  return [...found.values()];
}
