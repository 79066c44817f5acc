import { collapseWhitespace } from "../normalise-text.js";

/** Whitespace-collapsed, non-empty, de-duplicated strings in their first order (for categories). */
export function uniqueNonEmpty(values: readonly (string | null | undefined)[]): string[] {
  const seen = new Set<string>();
  for (const value of values) {
    const cleaned = value ? collapseWhitespace(value) : "";
    if (cleaned !== "") seen.add(cleaned);
  }
  return [...seen];
}
