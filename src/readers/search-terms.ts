/**
 * What a reader typed into /search, a plain message or inline mode: words and quoted
 * phrases, made safe for a LIKE pattern. Every term must appear in a story; a phrase
 * ("climate deal") must appear as it is, not as two words anywhere.
 */
import type { Language } from "../i18n/languages.js";

/** At most this many terms count; the rest of a long query is ignored. */
export const MAX_SEARCH_WORDS = 8;
/** Longer words are cut: no headline word is this long, and it bounds the pattern size. */
export const MAX_SEARCH_WORD_LENGTH = 40;
/** Longer phrases are cut, for the same reasons. */
export const MAX_SEARCH_PHRASE_LENGTH = 100;

/**
 * Words nearly every story contains, per language: alone they would match everything, so
 * they are left out of a query, and a query of nothing else is refused. Kept short on
 * purpose: only words that say nothing on their own. Both lists always apply (a reader
 * may search stories in either language); their scripts cannot collide.
 */
export const SEARCH_STOPWORDS: Readonly<Record<Language, readonly string[]>> = {
  en: ["a", "an", "the", "and", "or", "of", "in", "on", "at", "to", "for", "by", "with", "from", "as", "is", "are", "was", "be", "it", "its", "this", "that"],
  ru: ["и", "в", "во", "на", "с", "со", "по", "к", "ко", "о", "об", "а", "но", "не", "что", "это", "из", "у", "за", "для", "от", "до", "же", "ли", "бы"],
};
const STOPWORDS: ReadonlySet<string> = new Set(Object.values(SEARCH_STOPWORDS).flat());

/** What a query asks for. */
export type SearchQuery =
  /** Nothing typed. */
  | { kind: "empty" }
  /** Only words every story has ("the", "и"): the reader should say more. */
  | { kind: "too-common"; asTyped: string }
  /** Terms to find, every one; `asShown` is how the answer quotes the query back (phrases in quotes). */
  | { kind: "terms"; terms: string[]; asShown: string };

/** Quotation marks a reader may wrap a phrase in: straight, English and Russian ones. */
const QUOTES = `"“”„«»`;
const TOKEN = new RegExp(`[${QUOTES}]([^${QUOTES}]*)[${QUOTES}]?|([^\\s${QUOTES}]+)`, "gu");

const cut = (text: string, length: number) => [...text].slice(0, length).join("");

/**
 * Reads a query: quoted text is one phrase (white space inside collapsed), everything else
 * splits on white space; repeated terms (any case) and stopwords are dropped; at most
 * {@link MAX_SEARCH_WORDS} terms, each bounded in length.
 */
export function parseSearchQuery(query: string): SearchQuery {
  const seen = new Set<string>();
  const terms: { text: string; phrase: boolean }[] = [];
  let common = 0;
  for (const match of query.matchAll(TOKEN)) {
    const phraseText = match[1]?.trim().split(/\s+/u).filter(Boolean) ?? null;
    const words = phraseText ?? [match[2] ?? ""];
    if (words.length === 0 || words[0] === "") continue;
    if (words.every((word) => STOPWORDS.has(word.toLowerCase()))) {
      common++;
      continue;
    }
    const phrase = words.length > 1;
    const text = phrase ? cut(words.join(" "), MAX_SEARCH_PHRASE_LENGTH) : cut(words[0] ?? "", MAX_SEARCH_WORD_LENGTH);
    const key = text.toLowerCase();
    if (seen.has(key)) continue;
    seen.add(key);
    terms.push({ text, phrase });
    if (terms.length === MAX_SEARCH_WORDS) break;
  }
  if (terms.length === 0) return common > 0 ? { kind: "too-common", asTyped: query.trim().replace(/\s+/gu, " ") } : { kind: "empty" };
  return {
    kind: "terms",
    terms: terms.map((term) => term.text),
    asShown: terms.map((term) => (term.phrase ? `"${term.text}"` : term.text)).join(" "),
  };
}

/** The terms of a query, or none when it asks for nothing specific (inline mode then offers the latest stories). */
export function searchWords(query: string): string[] {
  const parsed = parseSearchQuery(query);
  return parsed.kind === "terms" ? parsed.terms : [];
}

/** The escape character used with LIKE ... ESCAPE in the search query. */
export const LIKE_ESCAPE = "\\";

/**
 * A LIKE pattern matching `word` anywhere: "%" and "_" typed by a reader are
 * literal characters, not wildcards ("50%" finds "50%", not "500").
 */
export function likeContains(word: string): string {
  return `%${word.replace(/[\\%_]/g, (c) => LIKE_ESCAPE + c)}%`;
}
