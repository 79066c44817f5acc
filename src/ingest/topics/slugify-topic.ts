import { foldDiacritics } from "./fold-diacritics.js";

/** Longest slug, in characters (code points). */
export const MAX_TOPIC_SLUG_LENGTH = 64;

// Words kept lower-case inside a name made from a slug ("middle-east-and-north-africa").
const MINOR_WORDS = new Set(["a", "an", "and", "as", "at", "by", "for", "in", "of", "on", "or", "the", "to", "vs"]);

/**
 * The slug a topic is stored and subscribed under: "North Korea" -> "north-korea",
 * "  Asia/Pacific " -> "asia-pacific", "Société" -> "societe", "Editor's picks" ->
 * "editors-picks". Latin diacritics are folded; other scripts are kept as they are, lower-cased
 * ("Россия" -> "россия", "中国" -> "中国"), because Telegram hashtags accept any letters and a
 * transliterated "rossiya" is not what a Russian-speaking reader would search for (this is why
 * the ASCII-only slugifiers on npm were not used). Runs of anything but letters, marks and
 * digits become one "-". At most {@link MAX_TOPIC_SLUG_LENGTH} characters, cut at a "-" when
 * there is one. Null when nothing is left. Slugs are fixed points: slugifying a slug returns it.
 */
export function slugifyTopic(name: string): string | null {
  const slug = foldDiacritics(name)
    .toLowerCase()
    .replace(/['’ʼ]/gu, "")
    .replace(/[^\p{L}\p{M}\p{N}]+/gu, "-")
    .replace(/^-+|-+$/g, "");
  if (slug === "") return null;

  const chars = [...slug];
  if (chars.length <= MAX_TOPIC_SLUG_LENGTH) return slug;
  const cut = chars.slice(0, MAX_TOPIC_SLUG_LENGTH).join("");
  const lastDash = cut.lastIndexOf("-");
  // Cutting inside the last word would leave a fragment like "north-kor".
  const atWord = chars[MAX_TOPIC_SLUG_LENGTH] === "-" ? cut : lastDash > 0 ? cut.slice(0, lastDash) : cut;
  return atWord.replace(/-+$/, "");
}

/**
 * The Telegram hashtag for a topic slug: "north-korea" -> "#north_korea". Keeps letters, marks,
 * digits and underscores (Telegram's hashtag alphabet), turns "-" into "_", and returns "" when
 * nothing is left. A hashtag made only of digits reads as a number and clients may not link it
 * (Twitter's rules refuse it outright), so such a body gets a leading "_" ("2024" -> "#_2024").
 */
export function topicHashtag(slug: string): string {
  const body = slug
    .replace(/-/g, "_")
    .replace(/[^\p{L}\p{M}\p{N}_]/gu, "")
    .replace(/_+/g, "_")
    .replace(/^_|_$/g, "");
  if (body === "") return "";
  return /^[\p{N}_]+$/u.test(body) ? `#_${body}` : `#${body}`;
}

/**
 * A readable name for a topic known only by its slug: "north-korea" -> "North Korea",
 * "middle-east-and-north-africa" -> "Middle East and North Africa". Acronyms cannot be
 * recovered ("us-politics" -> "Us Politics"); give topics real names where it matters.
 */
export function topicNameFromSlug(slug: string): string {
  return slug
    .split("-")
    .filter((word) => word !== "")
    .map((word, index) => {
      if (index > 0 && MINOR_WORDS.has(word)) return word;
      const [first = "", ...rest] = [...word];
      return first.toUpperCase() + rest.join("");
    })
    .join(" ");
}

/**
 * The name a topic gets from what an editor typed: a slug ("north-korea") reads as words
 * ("North Korea"); anything else is kept as typed ("US Politics"), spaces tidied.
 */
export function topicNameAsTyped(input: string, slug: string): string {
  const typed = input.trim().replace(/\s+/g, " ");
  return typed === slug ? topicNameFromSlug(slug) : typed;
}
