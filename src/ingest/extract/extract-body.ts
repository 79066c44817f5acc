import { Readability } from "@mozilla/readability";

import { cleanBodyText } from "./clean-body.js";
import type { DomDocument, DomNode } from "./dom-types.js";
import { elementToText } from "./element-to-text.js";
import { removeBoilerplateNodes } from "./remove-boilerplate-nodes.js";

// Below this many characters Readability has probably picked a teaser or a widget.
const TOO_SHORT = 200;

/**
 * Extracts the article body as plain text with paragraph breaks: boilerplate nodes removed,
 * Readability, then paragraph-level cleanup; falls back to the page's own text when Readability
 * finds nothing. Rewrites the document, so read metadata first.
 */
export function extractBody(document: DomDocument, headline: string): string {
  removeBoilerplateNodes(document);
  const readable = runReadability(document);
  const body = readable ? cleanBodyText(readable, { headline }) : "";
  if (body.length >= TOO_SHORT || !document.body) return body;
  const whole = cleanBodyText(elementToText(document.body, { dropLinkBlocks: true }), { headline });
  return whole.length > body.length ? whole : body;
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
