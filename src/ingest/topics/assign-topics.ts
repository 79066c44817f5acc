import { createPhraseMatcher } from "../filters/create-phrase-matcher.js";
import { slugifyTopic } from "./slugify-topic.js";

/** A topic given to any article whose text contains one of its phrases. */
export interface TopicRule {
  slug: string;
  phrases: string[];
}

/** Everything an article says about its own topics. */
export interface TopicSources {
  feedDefaultTopic: string | null;
  categories: string[];
  section: string | null;
  url: string;
  /** Headline, summary and body. */
  text: string;
  rules: TopicRule[];
  /**
   * The only topics that may be given (TOPICS_OPEN=false: the editors' topics), or null for
   * any. When set, a category, section or URL section that names none of them is matched
   * against the keyword rules instead ("Premier League" -> football, by its rule "premier league").
   */
  closedTo?: ReadonlySet<string> | null;
}

/** Most topics one article gets: beyond this, feeds' category soup drowns the useful ones. */
export const MAX_TOPICS_PER_ARTICLE = 8;

/** How many URL path sections are read: "/world/europe/" gives two, deeper is rarely a topic. */
const MAX_URL_SECTIONS = 2;

// Labels that say "this is content", not what it is about, in categories and URL paths alike.
const GENERIC_TOPICS = new Set([
  "news", "latest", "latest-news", "top-stories", "top-news", "breaking-news", "home", "homepage",
  "uncategorized", "uncategorised", "general", "misc", "other", "all", "main", "featured",
  "article", "articles", "story", "stories", "post", "posts", "amp", "index", "rss", "feed",
]);

// Path segments that sit between sections without being one (/en/, /section/, /amp/):
// skipped, while anything else that is not a section ends the walk.
const PATH_FILLER = new Set([
  ...GENERIC_TOPICS, "section", "sections", "category", "categories", "tag", "tags", "topic",
  "topics", "content", "www", "m", "p", "a", "live", "video", "videos", "gallery", "photos",
]);

// Language and edition codes: "en", "uk", "en-gb", "pt-br". Two-letter editions such as
// /uk/ or /us/ are dropped too: they say where a reader is, not what a story is about.
const LOCALE_SEGMENT = /^[a-z]{2}(?:[-_][a-z]{2})?$/;

// A section is one to three short words of letters ("asia", "middle-east", "arts-and-culture");
// ids, dates and the article's own headline slug fail this.
const SECTION_SEGMENT = /^\p{L}+(?:-\p{L}+){0,2}$/u;

function urlSections(url: string): string[] {
  let path: string;
  try {
    path = new URL(url).pathname;
  } catch {
    return [];
  }
  const segments = path.split("/").filter((segment) => segment !== "");
  // The last segment names the article itself, even when it looks like a word ("/asia/kim-visit").
  segments.pop();

  const sections: string[] = [];
  for (const raw of segments) {
    let segment: string;
    try {
      segment = decodeURIComponent(raw).toLowerCase();
    } catch {
      break;
    }
    if (PATH_FILLER.has(segment) || LOCALE_SEGMENT.test(segment)) continue;
    if (!SECTION_SEGMENT.test(segment) || segment.length > 30) break;
    sections.push(segment);
    if (sections.length === MAX_URL_SECTIONS) break;
  }
  return sections;
}

function ruleTopics(text: string, rules: TopicRule[]): string[] {
  const matches = createPhraseMatcher(text);
  return rules.filter((rule) => rule.phrases.some(matches)).map((rule) => rule.slug);
}

/**
 * Topic slugs for an article, deduplicated, in a stable order of trust: the feed's default
 * topic, the feed's categories, the page's section, up to two section-like segments at the
 * start of the URL path (skipping /news/, /amp/, language codes and similar; stopping at a
 * date, an id or the article's own slug), then the topic rules whose phrases occur in the text
 * (matched like keyword filters: literal, case-insensitive, on word boundaries). Generic labels
 * ("News", "Uncategorized", "Top Stories") and bare numbers are dropped from categories,
 * sections and URLs, not from what editors configured. With `closedTo`, only those topics are
 * given, and labels that name none of them go through the rules. At most
 * {@link MAX_TOPICS_PER_ARTICLE}.
 */
export function assignTopics(sources: TopicSources): string[] {
  const topics = new Set<string>();
  const closedTo = sources.closedTo ?? null;
  // Editors chose the feed default and the rules, so generic-looking slugs are kept from them.
  const add = (name: string | null, chosenByEditor: boolean): void => {
    if (name === null || topics.size >= MAX_TOPICS_PER_ARTICLE) return;
    const slug = slugifyTopic(name);
    if (slug === null || (closedTo !== null && !closedTo.has(slug))) return;
    if (!chosenByEditor && (GENERIC_TOPICS.has(slug) || /^\p{N}+$/u.test(slug))) return;
    topics.add(slug);
  };

  add(sources.feedDefaultTopic, true);
  for (const name of [...sources.categories, sources.section, ...urlSections(sources.url)]) {
    if (closedTo === null || name === null) add(name, false);
    else if (closedTo.has(slugifyTopic(name) ?? "")) add(name, true);
    else for (const slug of ruleTopics(name, sources.rules)) add(slug, true);
  }
  // Rules run last and only when there is room, sparing the phrase scan of a long body.
  if (topics.size < MAX_TOPICS_PER_ARTICLE) {
    for (const slug of ruleTopics(sources.text, sources.rules)) add(slug, true);
  }
  return [...topics];
}
