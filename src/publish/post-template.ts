/**
 * POST_TEMPLATE: how a channel post is laid out, from the placeholders {headline},
 * {summary}, {link}, {source}, {hashtags} and {marker} with Telegram HTML around them.
 * Pure. A template is checked once at start (unknown placeholders, markup Telegram would
 * refuse); rendering escapes every value and fits the post within Telegram's limit by
 * shortening the summary only — never the headline or the link.
 */
import { cutText, escapeHtml, visibleLength } from "./telegram-html.js";

export const PLACEHOLDERS = ["headline", "summary", "link", "source", "hashtags", "marker"] as const;
export type Placeholder = (typeof PLACEHOLDERS)[number];

/** A checked template: text parts and placeholders, in order. */
export interface PostTemplate {
  parts: ({ text: string } | { placeholder: Placeholder })[];
}

/** The values a post is made of (plain text; rendering escapes them). */
export interface PostValues {
  headline: string;
  summary: string;
  /** Where the post leads: the article, or the bot's click-counting redirect. */
  link: string;
  source: string;
  /** Hashtags already formed ("#asia #politics"), or "". */
  hashtags: string;
  /** The breaking-news marker with its space ("🔴 "), or "". */
  marker: string;
}

/** The layout when POST_TEMPLATE is not set; `readMore` is the link's words in the channel's language. */
export function defaultPostTemplateText(readMore: string): string {
  return `{marker}<b>{headline}</b>\n\n{summary}\n\n<a href="{link}">${escapeHtml(readMore)}</a> · {source}\n\n{hashtags}`;
}

/** Tags Telegram's HTML parse mode knows, with the attributes each may carry. */
const ALLOWED_TAGS: Record<string, string[]> = {
  b: [],
  strong: [],
  i: [],
  em: [],
  u: [],
  ins: [],
  s: [],
  strike: [],
  del: [],
  code: [],
  pre: [],
  blockquote: ["expandable"],
  "tg-spoiler": [],
  span: ["class"],
  a: ["href"],
};

const MAX_HEADLINE = 300;

/**
 * Reads a template as the operator wrote it (a literal "\n" is a line break, since
 * environment variables are one line). Returns the template, or the one-line problem.
 */
export function parsePostTemplate(text: string): { ok: true; template: PostTemplate } | { ok: false; error: string } {
  const source = text.replace(/\\n/g, "\n");
  const parts: PostTemplate["parts"] = [];
  const fail = (why: string) => ({ ok: false as const, error: `POST_TEMPLATE ${why}` });
  let last = 0;
  for (const match of source.matchAll(/\{([^{}]*)\}/g)) {
    const name = match[1] ?? "";
    if (!(PLACEHOLDERS as readonly string[]).includes(name)) {
      return fail(`has an unknown placeholder {${name}}: use ${PLACEHOLDERS.map((p) => `{${p}}`).join(", ")}`);
    }
    if (match.index > last) parts.push({ text: source.slice(last, match.index) });
    parts.push({ placeholder: name as Placeholder });
    last = match.index + match[0].length;
  }
  if (last < source.length) parts.push({ text: source.slice(last) });
  if (!parts.some((p) => "placeholder" in p && p.placeholder === "headline")) return fail("must contain {headline}");
  if (!parts.some((p) => "placeholder" in p && p.placeholder === "link")) return fail("must contain {link}");
  const markupProblem = checkMarkup(parts.map((p) => ("text" in p ? p.text : "x")).join(""));
  if (markupProblem) return fail(markupProblem);
  return { ok: true, template: { parts } };
}

/** What is wrong with the template's markup for Telegram (placeholders stand as "x"), or null. */
function checkMarkup(html: string): string | null {
  const open: string[] = [];
  let index = 0;
  while (index < html.length) {
    const char = html[index];
    if (char === "&") {
      const entity = /^&(?:lt|gt|amp|quot|#\d{1,7}|#x[0-9a-fA-F]{1,6});/.exec(html.slice(index, index + 12));
      if (!entity) return `has a bare "&": write &amp;`;
      index += entity[0].length;
      continue;
    }
    if (char === ">") return `has a bare ">": write &gt;`;
    if (char !== "<") {
      index++;
      continue;
    }
    const end = html.indexOf(">", index);
    if (end < 0) return `has a "<" that opens no tag: write &lt;`;
    const tag = /^<(\/?)([a-z][a-z0-9-]*)((?:\s+[a-z-]+(?:="[^"<>]*")?)*)\s*>$/.exec(html.slice(index, end + 1));
    if (!tag) return `has markup Telegram cannot read: ${html.slice(index, end + 1)}`;
    const [, closing, name = "", attributes = ""] = tag;
    const allowed = ALLOWED_TAGS[name];
    if (!allowed) return `uses <${name}>, which Telegram does not support (use b, i, u, s, a, code, pre, blockquote, tg-spoiler)`;
    if (closing) {
      if (open.pop() !== name) return `closes </${name}> that is not the innermost open tag`;
    } else {
      for (const attribute of attributes.trim().split(/\s+/).filter(Boolean)) {
        const attributeName = attribute.split("=")[0] ?? "";
        if (!allowed.includes(attributeName)) return `gives <${name}> an attribute Telegram ignores: ${attributeName}`;
      }
      open.push(name);
    }
    index = end + 1;
  }
  return open.length > 0 ? `leaves <${open.at(-1)}> open` : null;
}

/**
 * Renders a post within `limit` visible characters (4096 for a message, 1024 for a photo's
 * caption). Values are escaped; the summary is cut at a sentence or word when it must be,
 * and left out when not even a word fits; empty placeholders leave no blank lines behind.
 */
export function renderPostTemplate(template: PostTemplate, values: PostValues, limit: number): string {
  const headline = cutText(values.headline.trim(), MAX_HEADLINE);
  const render = (summary: string) =>
    template.parts
      .map((part) => {
        if ("text" in part) return part.text;
        if (part.placeholder === "summary") return escapeHtml(summary);
        if (part.placeholder === "headline") return escapeHtml(headline);
        return escapeHtml(values[part.placeholder]);
      })
      .join("")
      .replace(/[ \t]+\n/g, "\n")
      .replace(/\n{3,}/g, "\n\n")
      .trim();
  const summary = values.summary.trim();
  const full = render(summary);
  if (visibleLength(full) <= limit) return full;
  // A one-letter summary measures everything else, the blank lines around the summary included.
  const room = limit - (visibleLength(render("x")) - 1);
  return render(room > 1 ? cutText(summary, room) : "");
}
