import { extractBody } from "./extract-body.js";
import { extractMetadata, type ArticleMetadata } from "./extract-metadata.js";
import { inferHeadline } from "./infer-headline.js";
import { parseHtmlDocument } from "./parse-html-document.js";

/** What extraction finds on an article page; fields it cannot find are null (body: ""). */
export interface ExtractedArticle extends ArticleMetadata {
  body: string;
}

const EMPTY: ExtractedArticle = {
  headline: "",
  canonicalUrl: null,
  publishedAt: null,
  modifiedAt: null,
  section: null,
  author: null,
  language: null,
  imageUrl: null,
  description: null,
  siteName: null,
  body: "",
};

/**
 * Extracts headline, metadata and clean body text from an article page's HTML. Never throws:
 * garbage input gives an empty body and null fields.
 */
export function extractArticle(html: string, pageUrl: string): ExtractedArticle {
  if (typeof html !== "string" || html.trim() === "") return { ...EMPTY };
  const document = parseHtmlDocument(html);
  if (!document) return { ...EMPTY };
  let article: ExtractedArticle = { ...EMPTY };
  try {
    article = { ...article, ...extractMetadata(document, pageUrl) };
  } catch {
    // Broken metadata must not cost the body.
  }
  try {
    article.body = extractBody(document, article.headline);
  } catch {
    article.body = "";
  }
  if (article.headline === "" && article.body !== "") {
    // A page without <title> or <h1> (a saved copy) usually still shows its headline above the text.
    try {
      article.headline = inferHeadline(parseHtmlDocument(html) ?? document, article.body);
    } catch {
      // No headline is better than no article.
    }
  }
  return article;
}
