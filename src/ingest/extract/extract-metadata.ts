import { resolveLink } from "../feeds/resolve-link.js";
import { collapseWhitespace, squash } from "../normalise-text.js";
import { cleanHeadline } from "./clean-headline.js";
import type { DomDocument, DomElement } from "./dom-types.js";
import { elementToText } from "./element-to-text.js";
import { parseBylineDate, parseDate } from "./parse-date.js";
import { jsonLdTypes, readJsonLd, type JsonLdNode } from "./read-json-ld.js";

/** Everything about an article page except its body. */
export interface ArticleMetadata {
  headline: string;
  canonicalUrl: string | null;
  publishedAt: Date | null;
  modifiedAt: Date | null;
  section: string | null;
  author: string | null;
  language: string | null;
  imageUrl: string | null;
  description: string | null;
  /** The site's own name (og:site_name, else application-name): the source named in posts. */
  siteName: string | null;
}

const ARTICLE_TYPE = /(?:Article|BlogPosting|Posting|Report|Review|NewsItem)$/;

/**
 * Reads headline, dates, section, author, language, image and description from meta tags,
 * JSON-LD and visible markup. Call before Readability, which rewrites the document.
 */
export function extractMetadata(document: DomDocument, pageUrl: string): ArticleMetadata {
  const base = baseUrl(document, pageUrl);
  const jsonLd = readJsonLd(document);
  const articles = jsonLd.filter((node) => jsonLdTypes(node).some((t) => ARTICLE_TYPE.test(t)));
  const isArticle = new Set(articles);
  const ld = [...articles, ...jsonLd.filter((node) => !isArticle.has(node))];
  const meta = readMeta(document);

  const siteName = meta.get("og:site_name") ?? meta.get("application-name") ?? null;
  const rawTitle =
    meta.get("og:title") ?? ldString(articles, "headline") ?? meta.get("twitter:title") ?? (document.title || null);
  const h1 = firstText(document, "h1");
  const headline = chooseHeadline(rawTitle, h1, siteName, pageUrl);

  const dates = readDates(document, ld, meta);
  return {
    headline,
    canonicalUrl:
      resolveLink(document.querySelector('link[rel~="canonical" i]')?.getAttribute("href"), base) ??
      resolveLink(meta.get("og:url"), base),
    publishedAt: dates.publishedAt,
    modifiedAt: dates.modifiedAt,
    section: readSection(document, ld, meta, headline),
    author: readAuthor(document, articles, meta),
    language: readLanguage(document, meta),
    imageUrl: readImage(document, articles, meta, base),
    description: plainText(meta.get("description") ?? meta.get("og:description") ?? meta.get("twitter:description")),
    siteName: plainText(siteName),
  };
}

/** Meta tags by lower-cased name/property/itemprop/http-equiv; the first occurrence wins. */
function readMeta(document: DomDocument): Map<string, string> {
  const meta = new Map<string, string>();
  const elements = document.querySelectorAll("meta");
  for (let i = 0; i < elements.length; i++) {
    const el = elements[i]!;
    const content = el.getAttribute("content")?.trim();
    if (!content) continue;
    for (const attr of ["property", "name", "itemprop", "http-equiv"]) {
      const key = el.getAttribute(attr)?.trim().toLowerCase();
      if (key && !meta.has(key)) meta.set(key, content);
    }
  }
  return meta;
}

function chooseHeadline(raw: string | null, h1: string | null, siteName: string | null, pageUrl: string): string {
  const cleaned = raw ? cleanHeadline(raw, { siteName, pageUrl }) : "";
  // The visible <h1> is usually the bare headline; trust it when the title contains it.
  if (h1 && h1.length >= 10 && raw && squash(raw).includes(squash(h1))) return h1;
  if (cleaned) return cleaned;
  return h1 ?? "";
}

function readDates(
  document: DomDocument,
  ld: JsonLdNode[],
  meta: Map<string, string>,
): { publishedAt: Date | null; modifiedAt: Date | null } {
  let publishedAt = firstDate([
    ...ld.map((node) => ldString([node], "datePublished") ?? ldString([node], "dateCreated")),
    meta.get("article:published_time"),
    meta.get("og:published_time"),
    meta.get("datepublished"),
    meta.get("pubdate"),
    meta.get("publishdate"),
    meta.get("publish-date"),
    meta.get("parsely-pub-date"),
    meta.get("sailthru.date"),
    meta.get("dc.date.issued"),
    meta.get("dcterms.created"),
    meta.get("dc.date"),
    meta.get("date"),
    meta.get("article.published"),
    meta.get("og:article:published_time"),
  ]);
  let modifiedAt = firstDate([
    ...ld.map((node) => ldString([node], "dateModified")),
    meta.get("article:modified_time"),
    meta.get("og:updated_time"),
    meta.get("datemodified"),
    meta.get("last-modified"),
  ]);
  if (!publishedAt) publishedAt = readTimeElement(document);
  if (!publishedAt || !modifiedAt) {
    const byline = readBylineDates(document);
    publishedAt ??= byline.publishedAt;
    modifiedAt ??= byline.modifiedAt;
  }
  return { publishedAt, modifiedAt };
}

function firstDate(values: (string | null | undefined)[]): Date | null {
  for (const value of values) {
    const date = parseDate(value);
    if (date) return date;
  }
  return null;
}

function readTimeElement(document: DomDocument): Date | null {
  const preferred = document.querySelectorAll(
    "time[itemprop~=datePublished i], time[pubdate], article time[datetime], main time[datetime], [itemprop~=datePublished i][datetime], [itemprop~=datePublished i][content]",
  );
  for (let i = 0; i < preferred.length; i++) {
    const el = preferred[i]!;
    const date = parseDate(el.getAttribute("datetime") ?? el.getAttribute("content"));
    if (date) return date;
  }
  const all = document.querySelectorAll("time[datetime]");
  for (let i = 0; i < all.length; i++) {
    const el = all[i]!;
    if (insideChrome(el)) continue;
    const date = parseDate(el.getAttribute("datetime"));
    if (date) return date;
  }
  return null;
}

function readBylineDates(document: DomDocument): { publishedAt: Date | null; modifiedAt: Date | null } {
  let publishedAt: Date | null = null;
  let modifiedAt: Date | null = null;
  // Byline-like containers first, then small text elements; a date counts only after a
  // "Published"/"Updated" cue, so a masthead's "today" date never does.
  for (const selector of [
    "[class*=byline i], [class*=dateline i], [class*=publish i], [class*=posted i], [class*=timestamp i], [class*=date i], [class*=meta i], [id*=byline i], [id*=date i], time",
    "p, span, small, li, em, strong",
  ]) {
    const candidates = document.querySelectorAll(selector);
    const limit = Math.min(candidates.length, 2000);
    for (let i = 0; i < limit && !(publishedAt && modifiedAt); i++) {
      const el = candidates[i]!;
      if (el.children.length > 20) continue;
      const text = (el.textContent ?? "").replace(/\s+/g, " ").trim();
      if (text.length < 8 || text.length > 200 || !/\d/.test(text) || insideChrome(el)) continue;
      const found = parseBylineDate(text);
      publishedAt ??= found.publishedAt;
      modifiedAt ??= found.modifiedAt;
    }
    if (publishedAt) break;
  }
  return { publishedAt, modifiedAt };
}

function insideChrome(el: DomElement): boolean {
  let chrome = false;
  for (let node: DomElement | null = el.parentElement; node; node = node.parentElement) {
    // An article's own header holds its byline; only the page's header is chrome.
    if (node.localName === "article" || node.localName === "main") return false;
    chrome ||= matchesChrome(node);
  }
  return chrome;
}

function matchesChrome(el: DomElement): boolean {
  const name = el.localName;
  if (name === "header" || name === "nav" || name === "footer" || name === "aside") return true;
  const role = el.getAttribute("role");
  return role === "banner" || role === "navigation" || role === "contentinfo";
}

function readSection(document: DomDocument, ld: JsonLdNode[], meta: Map<string, string>, headline: string): string | null {
  const fromLd = ldString(ld, "articleSection");
  if (fromLd) return collapseWhitespace(fromLd);
  const fromMeta = meta.get("article:section") ?? meta.get("section") ?? meta.get("parsely-section");
  if (fromMeta) return collapseWhitespace(fromMeta);
  const crumbs = readBreadcrumbs(document, ld);
  const skip = squash(headline);
  const useful = crumbs.filter((c) => !/^(?:home|homepage|start|index|news)$/i.test(c) && squash(c) !== skip && c.length <= 60);
  return useful.at(-1) ?? null;
}

function readBreadcrumbs(document: DomDocument, ld: JsonLdNode[]): string[] {
  const list = ld.find((node) => jsonLdTypes(node).includes("BreadcrumbList"));
  const items = list?.itemListElement;
  if (Array.isArray(items)) {
    const names = items
      .filter((item): item is JsonLdNode => item !== null && typeof item === "object")
      .sort((a, b) => Number(a.position ?? 0) - Number(b.position ?? 0))
      .map((item) => {
        const inner = item.item;
        const name = item.name ?? (inner && typeof inner === "object" ? (inner as JsonLdNode).name : undefined);
        return typeof name === "string" ? collapseWhitespace(name) : "";
      })
      .filter(Boolean);
    if (names.length > 0) return names;
  }
  const trail = document.querySelector(
    '[class*=breadcrumb i], [id*=breadcrumb i], nav[aria-label*=breadcrumb i], [itemtype*="BreadcrumbList"]',
  );
  if (!trail) return [];
  const links = trail.querySelectorAll("a, [itemprop=name]");
  const names: string[] = [];
  for (let i = 0; i < links.length; i++) {
    const text = collapseWhitespace(links[i]!.textContent ?? "");
    if (text && !names.includes(text)) names.push(text);
  }
  if (names.length > 0) return names;
  return (trail.textContent ?? "").split(/\s*[>›»/|]\s*/).map(collapseWhitespace).filter(Boolean);
}

function readAuthor(document: DomDocument, articles: JsonLdNode[], meta: Map<string, string>): string | null {
  for (const node of articles) {
    const names = personNames(node.author);
    if (names.length > 0) return names.join(", ");
  }
  const fromMeta = meta.get("author") ?? meta.get("article:author") ?? meta.get("parsely-author") ?? meta.get("sailthru.author");
  if (fromMeta && !/^https?:/i.test(fromMeta)) return collapseWhitespace(fromMeta);
  const el = document.querySelector('[itemprop~=author i] [itemprop~=name i], [itemprop~=author i], [rel~=author i], [class*=byline i], [class*=author i]');
  const text = el ? collapseWhitespace(el.textContent ?? "").replace(/^by\s+/i, "") : "";
  return text && text.length <= 80 ? text : null;
}

function personNames(value: unknown): string[] {
  const items = Array.isArray(value) ? value : [value];
  const names: string[] = [];
  for (const item of items) {
    const name = typeof item === "string" ? item : item && typeof item === "object" ? (item as JsonLdNode).name : undefined;
    if (typeof name === "string" && collapseWhitespace(name) && !/^https?:/i.test(name)) names.push(collapseWhitespace(name));
  }
  return [...new Set(names)];
}

function readLanguage(document: DomDocument, meta: Map<string, string>): string | null {
  const raw =
    document.documentElement?.getAttribute("lang") ??
    document.documentElement?.getAttribute("xml:lang") ??
    meta.get("og:locale") ??
    meta.get("content-language") ??
    meta.get("language") ??
    meta.get("dc.language");
  const tag = raw?.split(",")[0]?.trim().replace(/_/g, "-");
  if (!tag || !/^[a-z]{2,3}(?:-[a-z0-9]{2,8})*$/i.test(tag)) return null;
  const [lang, ...rest] = tag.split("-");
  return [lang!.toLowerCase(), ...rest.map((p) => (p.length === 2 ? p.toUpperCase() : p))].join("-");
}

function readImage(document: DomDocument, articles: JsonLdNode[], meta: Map<string, string>, base: string): string | null {
  const candidates = [
    meta.get("og:image"),
    meta.get("og:image:url"),
    meta.get("og:image:secure_url"),
    meta.get("twitter:image"),
    meta.get("twitter:image:src"),
    ...articles.map((node) => imageFromLd(node.image)),
    document.querySelector('link[rel~="image_src" i]')?.getAttribute("href"),
  ];
  for (const candidate of candidates) {
    const url = resolveLink(candidate, base);
    if (url) return url;
  }
  return null;
}

function imageFromLd(value: unknown): string | undefined {
  const first: unknown = Array.isArray(value) ? value[0] : value;
  if (typeof first === "string") return first;
  if (first && typeof first === "object") {
    const url = (first as JsonLdNode).url ?? (first as JsonLdNode).contentUrl;
    if (typeof url === "string") return url;
  }
  return undefined;
}

function ldString(nodes: JsonLdNode[], key: string): string | null {
  for (const node of nodes) {
    const value = node[key];
    const first: unknown = Array.isArray(value) ? value[0] : value;
    if (typeof first === "string" && first.trim()) return first.trim();
  }
  return null;
}

function firstText(document: DomDocument, selector: string): string | null {
  const el = document.querySelector(selector);
  const text = el ? collapseWhitespace(elementToText(el)) : "";
  return text || null;
}

function baseUrl(document: DomDocument, pageUrl: string): string {
  const href = document.querySelector("base[href]")?.getAttribute("href");
  return resolveLink(href, pageUrl) ?? pageUrl;
}

function plainText(value: string | null | undefined): string | null {
  if (!value) return null;
  // A tag stops at the next "<" too, so a run of stray "<" is one pass, not one per "<".
  const text = collapseWhitespace(value.replace(/<[^<>]*>/g, " "));
  return text || null;
}

