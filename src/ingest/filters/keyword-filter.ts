import { createPhraseMatcher } from "./create-phrase-matcher.js";

/** A feed's keyword filter as editors set it: phrases, not patterns. */
export interface KeywordFilter {
  include: string[];
  exclude: string[];
}

/** Longest filter phrase, in characters. */
export const MAX_FILTER_PHRASE_LENGTH = 100;

/**
 * True when an article's text passes a feed's filter: no exclude phrase matches, and either
 * there are no include phrases or at least one matches. Exclusion wins over inclusion, so an
 * editor can take "sport" but not "doping". Matching follows {@link createPhraseMatcher}:
 * literal, case- and diacritic-insensitive, on Unicode word boundaries ("Asia" does not match
 * "Asian"; "U.S." and "covid-19" work), substring for Chinese/Japanese/Korean/Thai text.
 */
export function passesKeywordFilter(text: string, filter: KeywordFilter): boolean {
  const matches = createPhraseMatcher(text);
  if (filter.exclude.some(matches)) return false;
  return filter.include.length === 0 || filter.include.some(matches);
}

/**
 * Checks a phrase an editor typed for a filter or topic rule: surrounding whitespace trimmed
 * and inner runs of whitespace collapsed; 1 to {@link MAX_FILTER_PHRASE_LENGTH} characters; at
 * least one letter or digit (a phrase of only punctuation would match almost anything once
 * boundaries are relaxed for it). Returns the cleaned phrase or a message to show the editor.
 */
export function parseFilterPhrase(input: string): { ok: true; phrase: string } | { ok: false; error: string } {
  const phrase = input.replace(/\s+/gu, " ").trim();
  if (phrase === "") return { ok: false, error: "The phrase is empty." };
  const length = [...phrase].length;
  if (length > MAX_FILTER_PHRASE_LENGTH) {
    return { ok: false, error: `The phrase is ${length} characters long; the limit is ${MAX_FILTER_PHRASE_LENGTH}.` };
  }
  if (!/[\p{L}\p{N}]/u.test(phrase)) {
    return { ok: false, error: "The phrase needs at least one letter or digit." };
  }
  return { ok: true, phrase };
}
