import { Readability } from "@mozilla/readability";

import { cleanBodyText } from "./clean-body.js";
import type { DomDocument, DomElement, DomNode } from "./dom-types.js";
import { elementToText } from "./element-to-text.js";
import { removeBoilerplateNodes } from "./remove-boilerplate-nodes.js";

// Readability's scoring is quadratic in nesting depth; real pages stay far below this, and
// pathological ones go straight to the plain-text fallback.
const MAX_DEPTH = 300;
// Below this many characters Readability has probably picked a teaser or a widget.
const TOO_SHORT = 200;

/**
 * Extracts the article body as plain text with paragraph breaks: boilerplate nodes removed,
 * Readability, then paragraph-level cleanup; falls back to the page's own text when Readability
 * finds nothing. Rewrites the document, so read metadata first.
 */
export function extractBody(document: DomDocument, headline: string): string {
  removeBoilerplateNodes(document);
  const readable = nestingDepth(document.body) <= MAX_DEPTH ? runReadability(document) : null;
  const body = readable ? cleanBodyText(readable, { headline }) : "";
  if (body.length >= TOO_SHORT || !document.body) return body;
  const whole = cleanBodyText(elementToText(document.body, { dropLinkBlocks: true }), { headline });
  return whole.length > body.length ? whole : body;
}

function runReadability(document: DomDocument): string | null {
  try {
    const reader = new Readability<DomNode>(document, {
      serializer: (node: DomNode) => node,
      // Metadata comes from extractMetadata, which reads JSON-LD already.
      disableJSONLD: true,
    });
    const article = reader.parse();
    return article?.content ? elementToText(article.content, { dropLinkBlocks: true }) : null;
  } catch {
    return null;
  }
}

function nestingDepth(root: DomElement | null): number {
  if (!root) return 0;
  let deepest = 0;
  const stack: [DomElement, number][] = [[root, 1]];
  while (stack.length > 0) {
    const [el, depth] = stack.pop()!;
    if (depth > deepest) deepest = depth;
    if (deepest > MAX_DEPTH) break;
    const children = el.children;
    for (let i = 0; i < children.length; i++) stack.push([children[i]!, depth + 1]);
  }
  return deepest;
}
