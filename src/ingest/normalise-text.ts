/** Collapses runs of whitespace (including no-break spaces) to one space and trims. */
export function collapseWhitespace(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}

/**
 * Letters and digits only, lower-cased: a key for "the same words", whatever the spacing,
 * punctuation or case ("Kim to visit Russia!" and "kim-to-visit-russia" agree).
 */
export function squash(text: string): string {
  return text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, "");
}
