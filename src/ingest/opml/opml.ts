import { XMLBuilder, XMLParser, XMLValidator } from "fast-xml-parser";

import { slugifyTopic, topicNameFromSlug } from "../topics/slugify-topic.js";

/** One feed of a subscription list. */
export interface OpmlFeed {
  url: string;
  title: string | null;
  /** A topic slug, from the outline's category attribute or its enclosing folder. */
  topic: string | null;
}

/** The input is not OPML, is malformed, or is refused as unsafe; the message says which. */
export class OpmlError extends Error {
  override name = "OpmlError";
}

/** Largest OPML document accepted, in characters: a list of ten thousand feeds is under 2 MB. */
export const MAX_OPML_LENGTH = 10_000_000;

/** Deepest element nesting accepted; real folder trees are a handful of levels deep. */
export const MAX_OPML_DEPTH = 100;

const ATTR = "@_";

type XmlNode = Record<string, unknown>;

function isNode(value: unknown): value is XmlNode {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** The value of an attribute whatever its case (xmlUrl, xmlurl, XMLURL), trimmed; null when empty. */
function attribute(node: XmlNode, name: string): string | null {
  const wanted = `${ATTR}${name}`.toLowerCase();
  for (const [key, value] of Object.entries(node)) {
    if (key.toLowerCase() === wanted && (typeof value === "string" || typeof value === "number")) {
      const text = String(value).trim();
      return text === "" ? null : text;
    }
  }
  return null;
}

function children(node: XmlNode, name: string): XmlNode[] {
  const found: XmlNode[] = [];
  for (const [key, value] of Object.entries(node)) {
    if (key.toLowerCase() !== name) continue;
    for (const child of Array.isArray(value) ? value : [value]) {
      // A bare <outline/> parses as "", not an object: it has nothing to offer.
      if (isNode(child)) found.push(child);
    }
  }
  return found;
}

// OPML 2.0 categories are comma-separated paths ("/News/World,/Tags/Asia"); the last step of
// the first path is the most specific topic.
function topicFromCategory(category: string | null): string | null {
  const first = category?.split(",").find((path) => path.trim() !== "");
  const name = first?.split("/").filter((step) => step.trim() !== "").at(-1);
  return name === undefined ? null : slugifyTopic(name);
}

function parseXml(xml: string): XmlNode {
  if (xml.trim() === "") throw new OpmlError("The OPML document is empty.");
  if (xml.length > MAX_OPML_LENGTH) {
    throw new OpmlError(`The OPML document is ${xml.length} characters long; the limit is ${MAX_OPML_LENGTH}.`);
  }
  // Refuse entity declarations before any parsing: OPML never needs them, and they are how
  // "billion laughs" expansion bombs and external-entity reads work.
  if (/<!ENTITY/i.test(xml)) {
    throw new OpmlError("The OPML document declares XML entities (<!ENTITY>), which is refused as unsafe.");
  }
  const validation = XMLValidator.validate(xml);
  if (validation !== true) {
    const { msg, line } = validation.err;
    throw new OpmlError(`The OPML document is not well-formed XML (line ${line}): ${msg}`);
  }
  const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: ATTR,
    parseAttributeValue: false,
    parseTagValue: false,
    // Decodes numeric character references (&#233;) and the HTML names exporters emit (&nbsp;).
    htmlEntities: true,
    isArray: (name) => name.toLowerCase() === "outline",
    maxNestedTags: MAX_OPML_DEPTH,
  });
  try {
    return parser.parse(xml) as XmlNode;
  } catch (error) {
    const reason = (error as Error).message.includes("nested")
      ? `elements are nested more than ${MAX_OPML_DEPTH} deep`
      : (error as Error).message;
    throw new OpmlError(`The OPML document could not be parsed: ${reason}`);
  }
}

/**
 * Reads an OPML 1.0 or 2.0 subscription list, as feed readers export it. Outlines may nest in
 * folders to any depth; every outline with an xmlUrl attribute (in any letter case) is a feed,
 * others are folders or notes. A feed's topic comes from its category attribute, else the
 * nearest enclosing folder's title, slugified. A feed's title is its title or text attribute,
 * null when missing or just the URL again. A URL listed twice is kept once, at its first place.
 *
 * Throws {@link OpmlError} for empty, oversized ({@link MAX_OPML_LENGTH}), too deeply nested
 * ({@link MAX_OPML_DEPTH}), malformed or non-OPML input, and for any document declaring XML
 * entities, so expansion bombs fail before parsing starts.
 */
export function parseOpml(xml: string): OpmlFeed[] {
  const document = parseXml(xml.replace(/^\uFEFF/, ""));
  const rootKey = Object.keys(document).find((key) => !key.startsWith("?") && !key.startsWith("#") && !key.startsWith("!"));
  if (rootKey === undefined) throw new OpmlError("The document has no root element.");
  if (rootKey.toLowerCase() !== "opml") {
    throw new OpmlError(`Not an OPML document: the root element is <${rootKey}>, not <opml>.`);
  }
  const root = document[rootKey];
  const body = isNode(root) ? children(root, "body")[0] : undefined;
  if (body === undefined) {
    // <body></body> parses as "" rather than an object: a valid, empty list.
    if (isNode(root) && Object.keys(root).some((key) => key.toLowerCase() === "body")) return [];
    throw new OpmlError("Not an OPML document: <opml> has no <body>.");
  }

  const feeds: OpmlFeed[] = [];
  const seen = new Set<string>();
  // Depth-first with an explicit stack, children pushed in reverse to keep document order.
  const stack: { node: XmlNode; folderTopic: string | null }[] = children(body, "outline")
    .reverse()
    .map((node) => ({ node, folderTopic: null }));
  for (let entry = stack.pop(); entry !== undefined; entry = stack.pop()) {
    const { node, folderTopic } = entry;
    const url = attribute(node, "xmlUrl");
    const label = attribute(node, "title") ?? attribute(node, "text");
    if (url !== null) {
      if (!seen.has(url)) {
        seen.add(url);
        feeds.push({
          url,
          title: label === url ? null : label,
          topic: topicFromCategory(attribute(node, "category")) ?? folderTopic,
        });
      }
    }
    const innerTopic = url === null ? ((label === null ? null : slugifyTopic(label)) ?? folderTopic) : folderTopic;
    for (const child of children(node, "outline").reverse()) stack.push({ node: child, folderTopic: innerTopic });
  }
  return feeds;
}

// Line breaks first (attribute normalisation would turn them into spaces anyway), then what
// XML 1.0 cannot carry at all: control characters, lone surrogates, U+FFFE and U+FFFF.
function cleanText(text: string): string {
  return text
    .replace(/\s+/gu, " ")
    .replace(/[\p{Cc}\p{Cs}\uFFFE\uFFFF]/gu, "")
    .trim();
}

function feedOutline(feed: OpmlFeed): XmlNode {
  const url = cleanText(feed.url);
  const title = feed.title === null ? null : cleanText(feed.title) || null;
  return {
    [`${ATTR}type`]: "rss",
    [`${ATTR}text`]: title ?? url,
    ...(title === null ? {} : { [`${ATTR}title`]: title }),
    [`${ATTR}xmlUrl`]: url,
    ...(feed.topic === null ? {} : { [`${ATTR}category`]: `/${cleanText(feed.topic)}` }),
  };
}

/**
 * Writes feeds as an OPML 2.0 document that feed readers import: feeds with a topic are
 * grouped in one folder per topic (named from the slug, "north-korea" -> "North Korea") and
 * also carry the slug as their category, so {@link parseOpml} gives back exactly the same feeds;
 * feeds without a topic come first, at the top level. Attribute values are XML-escaped and
 * stripped of characters XML cannot hold. No timestamps, so the same feeds give the same bytes.
 */
export function buildOpml(feeds: OpmlFeed[], title = "Newsdesk feeds"): string {
  const loose: XmlNode[] = [];
  const folders = new Map<string, XmlNode[]>();
  for (const feed of feeds) {
    if (feed.topic === null) {
      loose.push(feedOutline(feed));
    } else {
      const folder = folders.get(feed.topic) ?? [];
      folder.push(feedOutline(feed));
      folders.set(feed.topic, folder);
    }
  }
  const folderOutlines = [...folders].map(([topic, outlines]) => {
    const name = cleanText(topicNameFromSlug(topic)) || cleanText(topic);
    return { [`${ATTR}text`]: name, [`${ATTR}title`]: name, outline: outlines };
  });

  const builder = new XMLBuilder({
    ignoreAttributes: false,
    attributeNamePrefix: ATTR,
    format: true,
    indentBy: "  ",
    suppressEmptyNode: true,
  });
  return builder.build({
    "?xml": { [`${ATTR}version`]: "1.0", [`${ATTR}encoding`]: "UTF-8" },
    opml: {
      [`${ATTR}version`]: "2.0",
      head: { title: cleanText(title) },
      body: { outline: [...loose, ...folderOutlines] },
    },
  });
}
