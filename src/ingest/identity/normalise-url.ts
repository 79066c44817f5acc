import { parse as parseDomain } from "tldts";

/**
 * Query parameters that only say how a reader arrived, never which article they read.
 * Compared case-insensitively. Exact names first, then prefixes.
 *
 * Tradeoff: `ref` and `src`-like names are occasionally meaningful on some sites, but on
 * news sites `ref` is overwhelmingly a referrer marker (`?ref=rss`, `?ref=twitter`) and
 * keeping it would store one story under many URLs. `src` and `source` are *not* dropped:
 * too many CMSs use them for real content.
 */
export const TRACKING_PARAMS: readonly string[] = [
  // Ad-click identifiers
  "fbclid", "gclid", "gclsrc", "dclid", "gbraid", "wbraid", "msclkid", "yclid", "twclid",
  "ttclid", "li_fat_id", "igshid", "igsh", "rb_clickid", "wickedid", "epik",
  // Analytics and newsletters
  "_ga", "_gl", "_hsenc", "_hsmi", "hsctatracking", "mc_cid", "mc_eid", "mkt_tok", "vero_id",
  "oly_anon_id", "oly_enc_id", "__twitter_impression", "s_cid", "spm",
  // Referrer and campaign markers used by news sites (NYT smid, MSN ocid, AT Internet xtor,
  // Yahoo ncid, BBC ito, Guardian CMP)
  "ref", "ref_src", "ref_url", "referrer", "cmpid", "cmp", "ocid", "ncid", "smid", "smtyp",
  "xtor", "ito", "soc_src", "soc_trk", "sr_share", "share_source", "cid_source",
];

/** Prefixes of tracking parameters: Google's utm_*, AT Internet's at_*, comScore's ns_*. */
export const TRACKING_PARAM_PREFIXES: readonly string[] = ["utm_", "at_", "ns_", "pk_", "mtm_"];

const TRACKING_SET = new Set(TRACKING_PARAMS);

function isTrackingParam(name: string): boolean {
  const lower = name.toLowerCase();
  return TRACKING_SET.has(lower) || TRACKING_PARAM_PREFIXES.some((prefix) => lower.startsWith(prefix));
}

function decodeParamName(rawName: string): string {
  try {
    return decodeURIComponent(rawName.replace(/\+/g, " "));
  } catch {
    return rawName;
  }
}

// "%c3%a9" and "%C3%A9" are the same bytes (RFC 3986 §6.2.2.1); the URL parser leaves both as is.
function upperCasePercentEscapes(text: string): string {
  return text.replace(/%[0-9a-f]{2}/gi, (escape) => escape.toUpperCase());
}

/**
 * Canonical form of an article URL, so that one story shared through RSS, a newsletter and
 * social media is stored once.
 *
 * - http(s) only; anything else, or a relative URL, gives null.
 * - Scheme and host lower-cased, IDN hosts in punycode, default port and trailing host dot
 *   dropped (WHATWG URL does most of this).
 * - Fragment and user credentials dropped: neither names a different article.
 * - Tracking parameters ({@link TRACKING_PARAMS}, {@link TRACKING_PARAM_PREFIXES}) removed,
 *   whatever their case; the rest sorted by name, keeping the order of repeated names and
 *   their original encoding; "?" dropped when nothing is left.
 * - Path kept as is apart from upper-casing percent-escapes: "/a/" and "/a" may be different
 *   pages, and so may "/Story" and "/story".
 */
export function normaliseUrl(url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url.trim());
  } catch {
    return null;
  }
  if (parsed.protocol !== "http:" && parsed.protocol !== "https:") return null;
  if (parsed.hostname === "") return null;

  parsed.hash = "";
  parsed.username = "";
  parsed.password = "";
  if (parsed.hostname.endsWith(".")) parsed.hostname = parsed.hostname.replace(/\.+$/, "");

  const kept = parsed.search
    .slice(1)
    .split("&")
    .filter((pair) => pair !== "")
    .map((pair) => ({ pair, name: decodeParamName(pair.split("=", 1)[0] ?? "") }))
    .filter(({ name }) => name !== "" && !isTrackingParam(name));
  // Array.prototype.sort is stable, so repeated names keep their relative order.
  kept.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));

  const query = kept.map(({ pair }) => upperCasePercentEscapes(pair)).join("&");
  const path = upperCasePercentEscapes(parsed.pathname);
  return `${parsed.protocol}//${parsed.host}${path}${query === "" ? "" : `?${query}`}`;
}

function siteOf(hostname: string): string {
  const info = parseDomain(hostname, { allowPrivateDomains: true });
  // IP addresses and single-label hosts (localhost) have no registrable domain.
  return info.isIp || info.domain === null ? hostname : info.domain;
}

/**
 * The URL an article is stored under: the page's rel=canonical (or og:url) when it points to
 * the same site, else the page URL; both normalised.
 *
 * "Same site" means the same registrable domain by the Public Suffix List, so www., amp. and
 * m. hosts agree, while two blogs on one hosting suffix (a.github.io, b.github.io) do not; a
 * canonical on another site is ignored because a page cannot claim to be someone else's
 * article. Relative candidates are resolved against the page. AMP pages ("/amp/",
 * "?outputType=amp") are recognised only through their canonical: URL shapes alone are too
 * site-specific to rewrite safely.
 *
 * A canonical pointing at the site's home page while the page is an article is a common CMS
 * misconfiguration that would merge every story into one; it is ignored.
 *
 * Returns null when the page URL itself is not an absolute http(s) URL.
 */
export function chooseCanonicalUrl(pageUrl: string, canonicalCandidate: string | null): string | null {
  const page = normaliseUrl(pageUrl);
  if (page === null) return null;
  if (canonicalCandidate === null || canonicalCandidate.trim() === "") return page;

  let resolved: string;
  try {
    resolved = new URL(canonicalCandidate.trim(), page).href;
  } catch {
    return page;
  }
  const canonical = normaliseUrl(resolved);
  if (canonical === null) return page;

  const pageParts = new URL(page);
  const canonicalParts = new URL(canonical);
  if (siteOf(pageParts.hostname) !== siteOf(canonicalParts.hostname)) return page;
  if (canonicalParts.pathname === "/" && canonicalParts.search === "" && pageParts.pathname !== "/") return page;
  return canonical;
}
