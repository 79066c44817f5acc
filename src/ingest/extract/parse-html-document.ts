import { parseHTML } from "linkedom";

import type { DomDocument } from "./dom-types.js";
import { stripInertMarkup } from "./strip-inert-markup.js";

/** Parses an HTML string with linkedom (fast, forgiving); returns null if even that fails. */
export function parseHtmlDocument(html: string): DomDocument | null {
  try {
    // linkedom needs a root element to build a document; fragments and plain text get one.
    const stripped = stripInertMarkup(html);
    const source = /<html[\s>]/i.test(stripped) ? stripped : `<!DOCTYPE html><html><body>${stripped}</body></html>`;
    const { document } = parseHTML(source) as unknown as { document: DomDocument | undefined };
    return document?.documentElement ? document : null;
  } catch {
    return null;
  }
}
