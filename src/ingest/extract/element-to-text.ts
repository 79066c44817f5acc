import { ELEMENT_NODE, TEXT_NODE, type DomNode } from "./dom-types.js";

/** How to render text. */
export interface TextOptions {
  /** Drop short blocks made (almost) only of link text: menus, related-story lists, tag rows. */
  dropLinkBlocks?: boolean;
}

const BLOCK = new Set([
  "address", "article", "aside", "blockquote", "caption", "center", "dd", "details", "dialog",
  "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4",
  "h5", "h6", "header", "hgroup", "hr", "li", "main", "nav", "ol", "p", "pre", "section",
  "summary", "table", "tbody", "thead", "tfoot", "tr", "ul",
]);
const SKIP = new Set([
  "script", "style", "noscript", "template", "svg", "math", "iframe", "object", "embed", "canvas",
  "select", "option", "button", "input", "textarea", "head", "title", "meta", "link",
]);
const CELL = new Set(["td", "th"]);

const BREAK_PARAGRAPH = 1;
const BREAK_LINE = 2;
const LEAVE_LINK = 3;

interface Block {
  lines: string[];
  linkChars: number;
  chars: number;
}

/**
 * Renders an element's visible text with block elements as paragraph breaks and `<br>` as line
 * breaks, unlike `textContent`, which glues "Headline" and "Body" into "HeadlineBody".
 */
export function elementToText(root: DomNode, options: TextOptions = {}): string {
  const blocks: Block[] = [];
  let block: Block = { lines: [""], linkChars: 0, chars: 0 };
  let linkDepth = 0;
  const flush = (): void => {
    if (block.chars > 0) blocks.push(block);
    block = { lines: [""], linkChars: 0, chars: 0 };
  };
  // An explicit stack: garbage pages can nest deeply enough to overflow recursion.
  const stack: (DomNode | number)[] = [root];
  while (stack.length > 0) {
    const item = stack.pop()!;
    if (typeof item === "number") {
      if (item === BREAK_PARAGRAPH) flush();
      else if (item === BREAK_LINE) block.lines.push("");
      else linkDepth--;
      continue;
    }
    if (item.nodeType === TEXT_NODE) {
      const text = item.textContent ?? "";
      const visible = text.replace(/\s+/g, "").length;
      if (visible === 0) {
        if (text.length > 0) block.lines[block.lines.length - 1] += " ";
        continue;
      }
      block.lines[block.lines.length - 1] += text;
      block.chars += visible;
      if (linkDepth > 0) block.linkChars += visible;
      continue;
    }
    if (item.nodeType !== ELEMENT_NODE && item !== root) continue;
    const name = item.nodeName.toLowerCase();
    if (SKIP.has(name) && item !== root) continue;
    if (name === "br") {
      block.lines.push("");
      continue;
    }
    if (BLOCK.has(name)) {
      flush();
      stack.push(BREAK_PARAGRAPH);
    } else if (CELL.has(name)) {
      block.lines[block.lines.length - 1] += " ";
    } else if (name === "a") {
      linkDepth++;
      stack.push(LEAVE_LINK);
    }
    const children = item.childNodes;
    for (let i = children.length - 1; i >= 0; i--) {
      const child = children[i];
      if (child) stack.push(child);
    }
  }
  flush();
  const paragraphs: string[] = [];
  for (const b of blocks) {
    if (options.dropLinkBlocks && isLinkBlock(b)) continue;
    const lines = b.lines.map((line) => line.replace(/\s+/g, " ").trim()).filter((line) => line.length > 0);
    if (lines.length > 0) paragraphs.push(lines.join("\n"));
  }
  return paragraphs.join("\n\n");
}

function isLinkBlock(block: Block): boolean {
  // Long paragraphs that happen to be one link are kept: those are prose.
  return block.chars <= 200 && block.linkChars / block.chars >= 0.7;
}
