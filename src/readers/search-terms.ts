/** What a reader typed into /search or inline mode, made safe for a LIKE pattern. */

/** At most this many words count; the rest of a long query is ignored. */
export const MAX_SEARCH_WORDS = 8;
/** Longer words are cut: no headline word is this long, and it bounds the pattern size. */
export const MAX_SEARCH_WORD_LENGTH = 40;

/** The words of a query: split on white space, duplicates (any case) dropped, bounded in number and length. */
export function searchWords(query: string): string[] {
  const seen = new Set<string>();
  const words: string[] = [];
  for (const raw of query.trim().split(/\s+/u)) {
    const word = [...raw].slice(0, MAX_SEARCH_WORD_LENGTH).join("");
    const key = word.toLowerCase();
    if (word === "" || seen.has(key)) continue;
    seen.add(key);
    words.push(word);
    if (words.length === MAX_SEARCH_WORDS) break;
  }
  return words;
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
