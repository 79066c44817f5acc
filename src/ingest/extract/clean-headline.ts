import { collapseWhitespace, squash } from "../normalise-text.js";

/** What helps tell a headline from the site name glued to it. */
export interface HeadlineHints {
  siteName?: string | null;
  pageUrl?: string | null;
}

const SEPARATOR = /\s+[|\-–—:·•»/~]\s+|\s+[|·•»]|[|·•»]\s+|\s+::\s+/g;

/**
 * Strips a site name prefix or suffix (" | The Straits Times", "BBC News - ") from a page title
 * and normalises whitespace.
 */
export function cleanHeadline(title: string, hints: HeadlineHints = {}): string {
  const text = collapseWhitespace(title);
  const site = siteKeys(hints);
  const parts = splitKeepingSeparators(text);
  if (parts.length < 2) return text;

  // Words of parts[0..i), so the words of any run of parts cost one subtraction: a title of
  // thousands of " - bbc" segments would otherwise be recounted for every segment dropped.
  const wordsBefore = [0];
  for (const part of parts) wordsBefore.push(wordsBefore.at(-1)! + countWords(part.text));
  const wordsOf = (from: number, to: number) => wordsBefore[to]! - wordsBefore[from]!;

  // Drop trailing segments that are the site (or short brand-like tails), then leading ones.
  let first = 0;
  let last = parts.length - 1;
  while (last > first && isSiteSegment(parts[last]!, site, wordsOf(first, last))) last--;
  while (first < last && isSiteSegment(parts[first]!, site, wordsOf(first + 1, last + 1), true)) first++;
  return joinParts(text, parts, first, last);
}

interface Part {
  text: string;
  start: number;
  end: number;
}

function splitKeepingSeparators(text: string): Part[] {
  const parts: Part[] = [];
  let start = 0;
  for (const match of text.matchAll(SEPARATOR)) {
    const index = match.index ?? 0;
    parts.push({ text: text.slice(start, index).trim(), start, end: index });
    start = index + match[0].length;
  }
  parts.push({ text: text.slice(start).trim(), start, end: text.length });
  return parts.filter((p) => p.text.length > 0);
}

function joinParts(text: string, parts: Part[], first: number, last: number): string {
  return collapseWhitespace(text.slice(parts[first]!.start, parts[last]!.end));
}

function isSiteSegment(part: Part, site: string[], restWords: number, leading = false): boolean {
  const key = squash(part.text);
  if (key.length === 0) return true;
  if (restWords < 3) return false;
  if (site.some((s) => s.length > 0 && (key === s || key.includes(s) || s.includes(key)) && key.length >= 2)) {
    return true;
  }
  // Without a known site name, only a short tail (not a head: "Opinion: …" is the headline's) is
  // taken for a brand, and only when the rest is clearly longer.
  if (leading) return false;
  const words = countWords(part.text);
  return site.length === 0 ? false : words <= 3 && restWords >= words * 3 && /^\p{Lu}/u.test(part.text);
}

function siteKeys(hints: HeadlineHints): string[] {
  const keys: string[] = [];
  if (hints.siteName) keys.push(squash(hints.siteName));
  if (hints.pageUrl) {
    try {
      const host = new URL(hints.pageUrl).hostname.replace(/^(?:www|m|amp|edition|mobile)\./, "");
      const labels = host.split(".");
      // "straitstimes" from straitstimes.com, "bbc" from bbc.co.uk.
      const name = labels.length > 2 && labels[labels.length - 2]!.length <= 3 ? labels[labels.length - 3] : labels[labels.length - 2];
      if (name && name.length >= 3) keys.push(squash(name));
      keys.push(squash(host));
    } catch {
      // An unparsable URL gives no hint.
    }
  }
  return keys.filter((k) => k.length >= 2);
}


function countWords(text: string): number {
  return text.match(/[\p{L}\p{N}]+/gu)?.length ?? 0;
}
