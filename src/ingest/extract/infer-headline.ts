import type { DomDocument } from "./dom-types.js";
import { isDateOnly } from "./parse-date.js";

/** Elements whose text may be a headline set as plain text, or the body's first paragraph. */
const TEXT_BLOCKS = "h1, h2, h3, h4, h5, h6, p, div, strong, b";

/** How far back from the body's first paragraph a headline is looked for. */
const MAX_LOOKBACK = 4;

function textOf(text: string | null): string {
  return (text ?? "").replace(/\s+/g, " ").trim();
}

/** A headline: 3 to 30 words on one line, not a date, not a sentence ending in a full stop or colon. */
function looksLikeHeadline(text: string): boolean {
  const words = text.split(" ").length;
  if (words < 3 || words > 30 || text.length > 200) return false;
  if (/[.:;,]$/.test(text) && !/\.\.\.$|…$/.test(text)) return false;
  return !isDateOnly(text);
}

/**
 * The headline of a page that has no <title>, og:title or <h1> (a saved copy, a
 * bare CMS export): the nearest short headline-like block just before the first
 * paragraph of `body`. Returns "" when there is none.
 */
export function inferHeadline(document: DomDocument, body: string): string {
  const opening = textOf(body.split("\n")[0] ?? "").slice(0, 80);
  if (opening.length < 20) return "";
  const blocks = Array.from(document.querySelectorAll(TEXT_BLOCKS)).map((element) => textOf(element.textContent));
  const start = blocks.findIndex((text) => text.startsWith(opening));
  if (start <= 0) return "";
  for (let index = start - 1; index >= Math.max(0, start - MAX_LOOKBACK); index--) {
    const text = blocks[index] ?? "";
    // A wrapper of the opening paragraph, or a blank block, says nothing.
    if (text === "" || text.includes(opening)) continue;
    if (looksLikeHeadline(text)) return text;
    if (!isDateOnly(text)) return "";
  }
  return "";
}
