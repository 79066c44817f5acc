import { Readability } from "@mozilla/readability";

import { cleanBodyText } from "./clean-body.js";
import type { DomDocument, DomNode } from "./dom-types.js";
import { elementToText } from "./element-to-text.js";
import { parseHtmlDocument } from "./parse-html-document.js";
import { removeBoilerplateNodes } from "./remove-boilerplate-nodes.js";

/**
 * Extracts the article body as plain text with paragraph breaks: Readability on the document,
 * then boilerplate cleanup. Readability rewrites the document, so read metadata first.
 */
export function extractBody(document: DomDocument, html: string, headline: string): string {
  removeBoilerplateNodes(document);
  const readable = runReadability(document);
  const body = readable ? cleanBodyText(readable, { headline }) : "";
  return body;
}

function runReadability(document: DomDocument): string | null {
  try {
    const reader = new Readability<DomNode>(document, { serializer: (node) => node as unknown as DomNode });
    const article = reader.parse();
    return article?.content ? elementToText(article.content, { dropLinkBlocks: true }) : null;
  } catch {
    return null;
  }
}
void parseHtmlDocument;
