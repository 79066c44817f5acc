import type { DomDocument, DomElement } from "./dom-types.js";

// Words that, as a whole token of a class or id ("article-share", "relatedStories"), mark page
// furniture rather than article text.
const BOILERPLATE_WORDS = new Set([
  "caption", "captions", "credit", "credits", "share", "sharing", "sharebar", "social", "related",
  "recommended", "recommendations", "newsletter", "subscribe", "subscription", "promo", "promotion",
  "advert", "advertisement", "ads", "adslot", "adunit", "sponsor", "sponsored", "breadcrumb",
  "breadcrumbs", "byline", "dateline", "timestamp", "tags", "tag", "comments", "comment",
  "popular", "trending", "outbrain", "taboola", "slideshow", "carousel", "cookie", "cookies",
  "consent", "gdpr", "toolbar", "signup", "disclaimer", "copyright",
  "print", "modal", "overlay", "popup",
]);
const TAGS = "figcaption, nav, aside, footer, form, button, dialog, [hidden], [aria-hidden=true], [role=navigation], [role=complementary], [role=contentinfo], [role=dialog]";
const HIDDEN_STYLE = /display\s*:\s*none|visibility\s*:\s*hidden/i;

/**
 * Removes captions, credits, share rows, related-story and promo blocks, hidden elements and
 * navigation before Readability scores the page, so they cannot ride along inside the article.
 * A matching element holding most of the page's text is kept: it is the article's wrapper.
 */
export function removeBoilerplateNodes(document: DomDocument): void {
  const body = document.body;
  if (!body) return;
  const limit = Math.max(1500, visibleLength(body.textContent ?? "") * 0.3);
  const doomed: DomElement[] = [];
  const tagged = body.querySelectorAll(TAGS);
  for (let i = 0; i < tagged.length; i++) doomed.push(tagged[i]!);
  const all = body.querySelectorAll("[class], [id], [style]");
  for (let i = 0; i < all.length; i++) {
    const el = all[i]!;
    if (isBoilerplateElement(el)) doomed.push(el);
  }
  // Judge every candidate before removing any: a wrapper emptied by earlier removals is still the
  // article's wrapper.
  const wrappers = new Set(doomed.filter((el) => holdsMostText(el, limit) || holdsProse(el)));
  for (const el of doomed) {
    if (!wrappers.has(el)) el.remove();
  }
}

/** Text length with whitespace runs counted once, so indentation does not make a widget big. */
function visibleLength(text: string): number {
  return text.replace(/\s+/g, " ").length;
}

function holdsMostText(el: DomElement, limit: number): boolean {
  const text = el.textContent ?? "";
  // The raw length bounds the visible one: most widgets are settled without the regex.
  return text.length > limit && visibleLength(text) > limit;
}

/** Several long paragraphs: an article body under an unlucky class name, not a widget. */
function holdsProse(el: DomElement): boolean {
  const paragraphs = el.querySelectorAll("p");
  if (paragraphs.length < 4) return false;
  let long = 0;
  for (let i = 0; i < paragraphs.length && long < 4; i++) {
    if ((paragraphs[i]!.textContent ?? "").length >= 250) long++;
  }
  return long >= 4;
}

function isBoilerplateElement(el: DomElement): boolean {
  const name = el.localName;
  if (name === "body" || name === "html" || name === "article" || name === "main") return false;
  const style = el.getAttribute("style");
  if (style && HIDDEN_STYLE.test(style)) return true;
  const label = `${el.getAttribute("class") ?? ""} ${el.getAttribute("id") ?? ""}`;
  for (const word of label
    .replace(/([a-z])([A-Z])/g, "$1 $2")
    .toLowerCase()
    .split(/[^a-z0-9]+/)) {
    if (BOILERPLATE_WORDS.has(word)) return true;
  }
  return false;
}
