import { decodeHTML } from "entities";

import { collapseWhitespace } from "../normalise-text.js";

/** Elements whose text is never shown. */
const hiddenElements = new Set(["script", "style", "template", "noscript"]);

/** Elements that break a line when rendered, so their words must not run together. */
const breakingElements = new Set([
  "br", "p", "div", "li", "ul", "ol", "tr", "td", "th", "h1", "h2", "h3", "h4", "h5", "h6",
  "blockquote", "section", "article", "header", "footer", "figure", "figcaption", "hr", "pre", "table", "dd", "dt",
]);

// A tag, the start of a comment, or a doctype. `[^<>]*` stops at the next "<", so a stray "<"
// costs one short scan and the whole pass stays linear, however hostile the input. A comment's
// end is looked for once (see htmlToLine): searching for "-->" from every "<!--" of an unclosed
// run was quadratic.
const markup = /<(\/?)([a-zA-Z][a-zA-Z0-9-]*)\b[^<>]*>|<!--|<![^<>]*>/g;
const doctypeLike = /<![^<>]*>/y;


/**
 * Turns an HTML fragment (a feed title, a summary) into one line of plain text:
 * tags dropped, entities decoded (`entities`, the WHATWG table), script and
 * style bodies left out, whitespace collapsed. A "<" that starts no tag, as in
 * `A < B`, stays. Linear in the input: no DOM is built, so deeply nested or
 * unclosed markup cannot make it slow.
 */
export function htmlToLine(html: string): string {
  if (!/[<&]/.test(html)) return collapseWhitespace(html);
  let text = "";
  let hiddenUntil: string | null = null;
  let last = 0;
  const lowered = html.toLowerCase();
  // Where each hidden element is last closed: an unclosed "<script>" is more
  // likely a title talking about the tag than a script, so its text is kept.
  const lastClose = new Map<string, number>();
  const closesLater = (name: string, from: number): boolean => {
    let at = lastClose.get(name);
    if (at === undefined) {
      at = lowered.lastIndexOf(`</${name}`);
      lastClose.set(name, at);
    }
    return at >= from;
  };
  // No "-->" after this index: an unclosed comment is text, as before.
  let noCommentEndFrom = Infinity;
  markup.lastIndex = 0;
  for (let match = markup.exec(html); match !== null; match = markup.exec(html)) {
    if (match[0] === "<!--") {
      const end = match.index + 4 < noCommentEndFrom ? html.indexOf("-->", match.index + 4) : -1;
      if (end < 0) {
        noCommentEndFrom = Math.min(noCommentEndFrom, match.index);
        // Not a comment: "<!" may still start a doctype-like "<!…>"; read on after the "<".
        doctypeLike.lastIndex = match.index;
        const doctype = doctypeLike.exec(html);
        if (!doctype) {
          markup.lastIndex = match.index + 1;
          continue;
        }
        markup.lastIndex = match.index + doctype[0].length;
      } else {
        markup.lastIndex = end + 3;
      }
    }
    if (hiddenUntil === null) text += html.slice(last, match.index);
    last = markup.lastIndex;
    const name = match[2]?.toLowerCase();
    if (name === undefined) continue;
    const closing = match[1] === "/";
    if (hiddenUntil !== null) {
      if (closing && name === hiddenUntil) hiddenUntil = null;
      continue;
    }
    if (!closing && hiddenElements.has(name) && !match[0].endsWith("/>") && closesLater(name, last)) {
      hiddenUntil = name;
      continue;
    }
    if (breakingElements.has(name)) text += " ";
  }
  if (hiddenUntil === null) text += html.slice(last);
  return collapseWhitespace(decodeHTML(text));
}
