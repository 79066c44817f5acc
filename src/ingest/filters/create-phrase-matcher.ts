import { foldDiacritics } from "../topics/fold-diacritics.js";

// Scripts written without spaces between words: a phrase edge in one of these cannot be
// checked against a word boundary, so that edge matches anywhere (substring match).
const UNSPACED_SCRIPT = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]/u;
const WORD_CHAR = /[\p{L}\p{M}\p{N}_]/u;

/** Lower-cases, folds diacritics and unifies the dashes, apostrophes and spaces that
 * editors and CMSs mix freely ("COVID‑19" with a non-breaking hyphen is "covid-19"). */
function foldForMatching(text: string): string {
  return foldDiacritics(text)
    .toLowerCase()
    .replace(/[\u2010-\u2015\u2212]/g, "-")
    .replace(/[’ʼ‘]/g, "'")
    .replace(/\s+/gu, " ");
}

function escapeRegExp(text: string): string {
  // Only syntax characters: the "u" flag rejects needless escapes such as \-.
  return text.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");
}

// Filters and topic rules are a few dozen phrases tested against every new article.
const patternCache = new Map<string, RegExp | null>();
const PATTERN_CACHE_LIMIT = 5_000;

function phrasePattern(phrase: string): RegExp | null {
  let pattern = patternCache.get(phrase);
  if (pattern === undefined) {
    if (patternCache.size >= PATTERN_CACHE_LIMIT) patternCache.clear();
    pattern = compilePhrase(phrase);
    patternCache.set(phrase, pattern);
  }
  return pattern;
}

function compilePhrase(phrase: string): RegExp | null {
  const folded = foldForMatching(phrase).trim();
  const chars = [...folded];
  const first = chars[0];
  const last = chars.at(-1);
  if (first === undefined || last === undefined) return null;

  const body = folded.split(" ").map(escapeRegExp).join("\\s+");
  // Boundaries are checked only at edges that are word characters: "U.S." ends in a dot, and
  // demanding a boundary after it would reject "U.S.-led" for no reader's benefit.
  const before = WORD_CHAR.test(first) && !UNSPACED_SCRIPT.test(first) ? "(?<![\\p{L}\\p{M}\\p{N}_])" : "";
  const after = WORD_CHAR.test(last) && !UNSPACED_SCRIPT.test(last) ? "(?![\\p{L}\\p{M}\\p{N}_])" : "";
  return new RegExp(`${before}${body}${after}`, "u");
}

/**
 * Prepares `text` once for many phrase look-ups (filters and topic rules run dozens against one
 * article) and returns a test for one phrase.
 *
 * A phrase matches as literal text, never as a regular expression, case- and
 * diacritic-insensitively ("societe" finds "Société"), with any run of whitespace between its
 * words. Word boundaries are Unicode-aware: "Asia" does not match "Asian" and "Россия" does not
 * match "Россиянин". Edges made of punctuation carry no boundary ("U.S." matches "U.S. troops").
 * Chinese, Japanese, Korean, Thai and similar scripts have no spaces between words, so a
 * phrase edge in those scripts matches as a substring ("中国" finds "访问中国的").
 * An empty phrase matches nothing.
 */
export function createPhraseMatcher(text: string): (phrase: string) => boolean {
  const folded = foldForMatching(text);
  return (phrase) => phrasePattern(phrase)?.test(folded) ?? false;
}
