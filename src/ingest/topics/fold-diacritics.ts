// Letters that carry no combining mark in Unicode, so NFKD alone cannot fold them.
const LETTER_FOLDS: Readonly<Record<string, string>> = {
  ß: "ss", ẞ: "SS", æ: "ae", Æ: "AE", œ: "oe", Œ: "OE", ø: "o", Ø: "O",
  đ: "d", Đ: "D", ð: "d", Ð: "D", ł: "l", Ł: "L", þ: "th", Þ: "TH",
  ı: "i", ħ: "h", Ħ: "H", ŧ: "t", Ŧ: "T", ŀ: "l", Ŀ: "L",
  // Russian writes ё as е more often than not; readers expect both to match.
  ё: "е", Ё: "Е",
};
const LETTER_FOLD_PATTERN = new RegExp(`[${Object.keys(LETTER_FOLDS).join("")}]`, "gu");

/**
 * Folds Latin diacritics and ligatures ("Société" -> "Societe", "Straße" -> "Strasse",
 * "ﬁnal" -> "final") and Cyrillic ё to е, leaving every other script as it is.
 *
 * Marks are stripped only after Latin letters: stripping them everywhere would turn
 * Cyrillic "й" into "и" and break Devanagari or Arabic words, whose marks are part of
 * the spelling. Used for headline keys, topic slugs and keyword matching so that all
 * three agree on what "the same word" is.
 */
export function foldDiacritics(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/(\p{Script=Latin})\p{M}+/gu, "$1")
    .normalize("NFC")
    .replace(LETTER_FOLD_PATTERN, (letter) => LETTER_FOLDS[letter] ?? letter);
}
