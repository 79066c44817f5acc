import { createRequire } from "node:module";

import type * as Linkedom from "linkedom";

/**
 * linkedom (about 25 MB of modules) is loaded at the first conversion: the worker pool converts
 * pages, the bot's main thread seldom does, and an idle bot should not carry it.
 */
let linkedom: typeof Linkedom | null = null;
function loadLinkedom(): typeof Linkedom {
  return (linkedom ??= createRequire(import.meta.url)("linkedom") as typeof Linkedom);
}

/** Elements whose content is never reader-visible text. */
const DROPPED = new Set([
  "script",
  "style",
  "noscript",
  "template",
  "head",
  "title",
  "iframe",
  "object",
  "embed",
  "svg",
  "math",
  "canvas",
  "select",
  "option",
  "button",
]);

/** Elements that start and end a paragraph of their own. */
const BLOCKS = new Set([
  "address",
  "article",
  "aside",
  "blockquote",
  "center",
  "dd",
  "details",
  "dialog",
  "div",
  "dl",
  "dt",
  "fieldset",
  "figcaption",
  "figure",
  "footer",
  "form",
  "h1",
  "h2",
  "h3",
  "h4",
  "h5",
  "h6",
  "header",
  "hgroup",
  "hr",
  "li",
  "main",
  "nav",
  "ol",
  "p",
  "pre",
  "section",
  "summary",
  "table",
  "tbody",
  "tfoot",
  "thead",
  "tr",
  "ul",
]);

/** Table cells sit on one line, kept apart by a space. */
const CELLS = new Set(["td", "th"]);

const TEXT_NODE = 3;
const ELEMENT_NODE = 1;

/**
 * Feeds sometimes escape their HTML twice, so after one decoding the text still
 * reads `<p>Hello</p>`. Only well-known tags count, so prose such as "x < y > z"
 * is left alone.
 */
const ESCAPED_MARKUP =
  /<\/?(?:p|br|div|span|a|b|i|em|strong|img|ul|ol|li|h[1-6]|blockquote|figure|figcaption|table|tr|td)(?:\s[^<>]*)?\/?>/i;

/** Characters that render as nothing and only get in the way of matching (joiners stay: emoji need them). */
const INVISIBLE = /[\u00ad\u200b\u2060\ufeff]/g;

interface NodeLike {
  nodeType: number;
  nodeName: string;
  childNodes: ArrayLike<NodeLike>;
  data?: string;
}

/**
 * Plain text from an HTML snippet (feed description/content): tags stripped,
 * entities decoded, block elements become paragraph breaks ("\n\n"), <br> a
 * newline, whitespace collapsed, script/style/noscript content dropped. Never throws.
 */
export function htmlToText(html: string): string {
  if (typeof html !== "string" || html.trim() === "") return "";
  try {
    const text = renderText(html);
    return ESCAPED_MARKUP.test(text) ? renderText(text) : text;
  } catch {
    return fallbackText(html);
  }
}

function renderText(html: string): string {
  // Wrapping in a full document keeps linkedom from treating the first element
  // as the document root when the snippet has several top-level nodes.
  const doc = new (loadLinkedom().DOMParser)().parseFromString(
    `<!doctype html><html><head></head><body>${html}</body></html>`,
    "text/html",
  ) as unknown as { body: NodeLike | null };
  const parts: string[] = [];
  if (doc.body) collect(doc.body, parts);
  return normaliseWhitespace(parts.join(""));
}

/** Walks the tree with an explicit stack: tens of thousands of nested elements would overflow recursion. */
function collect(root: NodeLike, parts: string[]): void {
  // A string on the stack is text to emit once the element before it is done.
  const stack: (NodeLike | string)[] = [];
  const pushChildren = (node: NodeLike) => {
    for (let i = node.childNodes.length - 1; i >= 0; i--) stack.push(node.childNodes[i]!);
  };
  pushChildren(root);
  while (stack.length > 0) {
    const child = stack.pop()!;
    if (typeof child === "string") {
      parts.push(child);
      continue;
    }
    if (child.nodeType === TEXT_NODE) {
      // Newlines inside HTML source text are just spaces to a reader.
      parts.push((child.data ?? "").replace(/\s/g, " "));
      continue;
    }
    if (child.nodeType !== ELEMENT_NODE) continue;
    const name = child.nodeName.toLowerCase();
    if (DROPPED.has(name)) continue;
    if (name === "br") {
      parts.push("\n");
      continue;
    }
    const edge = BLOCKS.has(name) ? "\n\n" : CELLS.has(name) ? " " : "";
    parts.push(edge);
    stack.push(edge);
    pushChildren(child);
  }
}

function normaliseWhitespace(text: string): string {
  return text
    .replace(INVISIBLE, "")
    .replace(/[^\S\n]+/g, " ")
    .replace(/ *\n */g, "\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}

/**
 * Last resort if the parser ever fails: strip anything tag-shaped. Linear like htmlToLine: an
 * unclosed script runs to the end, and a tag stops at the next "<".
 */
function fallbackText(html: string): string {
  return normaliseWhitespace(
    html
      .replace(/<(script|style|noscript)\b[\s\S]*?(?:<\/\1\s*>|$)/gi, " ")
      .replace(/<br\s*\/?>/gi, "\n")
      .replace(/<\/?(?:p|div|li|h[1-6]|ul|ol|blockquote)\b[^<>]*>/gi, "\n\n")
      .replace(/<[^<>]*>/g, " ")
      .replace(/&nbsp;/g, " ")
      .replace(/&amp;/g, "&"),
  );
}
