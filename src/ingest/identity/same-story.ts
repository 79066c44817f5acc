import { eng, rus, ukr } from "stopword";

import { foldDiacritics } from "../topics/fold-diacritics.js";

/**
 * Words that say nothing about which story a headline tells: the stopword package's English,
 * Russian and Ukrainian lists (scripts that cannot collide; German "war" or French "son" would
 * wreck English headlines), plus wire-copy attribution and labels that syndicated versions
 * add or drop freely.
 */
const STOP_WORDS: ReadonlySet<string> = new Set([
  ...eng,
  ...rus,
  ...ukr,
  "say", "says", "said", "saying", "official", "officials", "source", "sources", "report",
  "reports", "reported", "according", "amid", "update", "updated", "live", "breaking",
  "exclusive", "watch", "video", "photos", "analysis", "opinion", "explainer", "will", "just",
]);

/** Headlines this similar or more tell the same story. Tuned on syndicated wire copy: the
 * same event rewritten by two outlets scores about 0.7, different stories sharing a
 * country and a verb stay under 0.6. */
export const SAME_STORY_THRESHOLD = 0.65;

/**
 * Fewest shared headline words for two different headlines to be one story. Short
 * headlines that differ in one name ("UK prime minister resigns" and "Italian prime
 * minister resigns", or "First local story" and "Second local story") score high on
 * Dice but share only two or three words; a real rewrite of the same event keeps more.
 */
export const SAME_STORY_MIN_SHARED_WORDS = 4;

/** Default time window of {@link isSameStory}: wire copy is re-run for about two days. */
export const SAME_STORY_WINDOW_MS = 48 * 60 * 60 * 1000;

// Plural and third-person "s" only: "visits"/"visit", "officials"/"official". Anything
// cleverer (a real stemmer) buys little on headlines and makes keys harder to explain.
function stripPluralS(word: string): string {
  if (word.length > 3 && word.endsWith("s") && !/(?:ss|us|is)$/.test(word)) return word.slice(0, -1);
  return word;
}

/**
 * A key for comparing headlines, stored with each article: lower-cased, diacritics folded,
 * possessive "'s" and punctuation dropped, stop-words removed, a trailing plural "s" cut, then
 * the distinct words sorted and joined by spaces ("Kim to visit Russia" -> "kim russia visit").
 * Sorting makes the key independent of word order, which wire rewrites change freely.
 * Numbers stay ("7.1" stays one word). Chinese or Japanese headlines have no spaces, so each
 * run of such text is one "word" and only near-identical headlines match. Returns "" when
 * nothing meaningful is left.
 */
export function headlineKey(headline: string): string {
  const words = foldDiacritics(headline)
    .toLowerCase()
    .replace(/['’ʼ]s(?![\p{L}\p{N}])/gu, "")
    .replace(/['’ʼ]/gu, "")
    .split(/(?:[^\p{L}\p{M}\p{N}.]|\.(?!\p{N}))+/u)
    .map((word) => word.replace(/^\.+|\.+$/g, ""))
    .filter((word) => word !== "" && !STOP_WORDS.has(word))
    .map(stripPluralS);
  return [...new Set(words)].sort().join(" ");
}

function wordsOf(key: string): Set<string> {
  return new Set(key.split(" ").filter((word) => word !== ""));
}

/**
 * Similarity of two headline keys from 0 to 1: the Sørensen–Dice coefficient of their word
 * sets (twice the shared words over the total). Dice rather than Jaccard because a rewrite that
 * adds "Jong Un" to "Kim" should cost less than Jaccard charges. Empty keys are similar to
 * nothing.
 */
export function headlineSimilarity(a: string, b: string): number {
  const wordsA = wordsOf(a);
  const wordsB = wordsOf(b);
  if (wordsA.size === 0 || wordsB.size === 0) return 0;
  return (2 * sharedWords(wordsA, wordsB)) / (wordsA.size + wordsB.size);
}

function sharedWords(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  let shared = 0;
  for (const word of a) if (b.has(word)) shared += 1;
  return shared;
}

/**
 * Fewest shared words a headline key of `size` distinct words needs with another, different key
 * for the two to be one story: Dice ≥ T means 2s ≥ T·(a + b) ≥ T·(a + s), since the other key
 * has at least the s shared words, so s ≥ T·a / (2 − T) (0.4815·a at T = 0.65); and never fewer
 * than {@link SAME_STORY_MIN_SHARED_WORDS}. The bound holds for both keys of a matching pair.
 */
export function minSharedWords(size: number): number {
  // The epsilon keeps float error from rounding an exact bound up (13 words of 27 at 0.65).
  const byDice = Math.ceil((SAME_STORY_THRESHOLD * size) / (2 - SAME_STORY_THRESHOLD) - 1e-9);
  return Math.max(SAME_STORY_MIN_SHARED_WORDS, byDice);
}

/** A story with its headline key's words split out once, for comparing it with many others. */
export interface KeyedStory {
  headlineKey: string;
  words: ReadonlySet<string>;
  publishedAt: Date | null;
}

export function keyedStory(story: { headlineKey: string; publishedAt: Date | null }): KeyedStory {
  return { headlineKey: story.headlineKey, words: wordsOf(story.headlineKey), publishedAt: story.publishedAt };
}

/**
 * True when two articles tell the same story: headline similarity of at least
 * {@link SAME_STORY_THRESHOLD} and publication within `windowMs` of each other (default
 * {@link SAME_STORY_WINDOW_MS}). A missing date counts as "recent", so an undated article can
 * still be matched: feeds without dates are common and a duplicate post is the worse failure.
 * Different headlines must also share at least {@link SAME_STORY_MIN_SHARED_WORDS} words, so
 * short headlines differing in one name are kept apart. Word sets cannot see direction:
 * "Putin to visit Kim" matches "Kim to visit Putin".
 */
export function isSameStory(
  a: { headlineKey: string; publishedAt: Date | null },
  b: { headlineKey: string; publishedAt: Date | null },
  windowMs: number = SAME_STORY_WINDOW_MS,
): boolean {
  return isSameKeyedStory(keyedStory(a), keyedStory(b), windowMs);
}

/** {@link isSameStory} of two stories whose words are split out already. */
export function isSameKeyedStory(a: KeyedStory, b: KeyedStory, windowMs: number = SAME_STORY_WINDOW_MS): boolean {
  if (a.publishedAt !== null && b.publishedAt !== null) {
    if (Math.abs(a.publishedAt.getTime() - b.publishedAt.getTime()) > windowMs) return false;
  }
  if (a.headlineKey === "" || b.headlineKey === "") return false;
  if (a.headlineKey === b.headlineKey) return true;
  const shared = a.words.size <= b.words.size ? sharedWords(a.words, b.words) : sharedWords(b.words, a.words);
  if (shared < SAME_STORY_MIN_SHARED_WORDS) return false;
  return (2 * shared) / (a.words.size + b.words.size) >= SAME_STORY_THRESHOLD;
}
