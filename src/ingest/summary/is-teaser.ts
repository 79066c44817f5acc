import { splitSentences } from "./split-sentences.js";

// Both end patterns are tested on the text's last END_CHARS: from each "…" of a long run of
// them, "\W*$" would scan the rest of the run again.
const END_CHARS = 200;
const ELLIPSIS_END = /(?:…|\.\.\.|\[\s*(?:…|\.\.\.)\s*\]|\(\s*(?:more|…)\s*\))\W*$/iu;
const READ_MORE_END =
  /(?:read more|continue reading|keep reading|read (?:the )?full (?:story|article)|full story|more here|find out more|learn more|click to read)\W*$/i;
const TERMINAL = /[.!?]["”’')\]]*$/u;

/** Below these a description is a hook, not a summary. */
const MIN_CHARS = 80;
const MIN_WORDS = 10;

/**
 * Whether a feed's description is a teaser rather than a summary worth posting:
 * very short, ends with "…", "[…]", "Read more" or "Continue reading", repeats
 * the headline, is nothing but questions, or is a fragment cut off mid-sentence.
 */
export function isTeaser(standfirst: string, headline?: string | null): boolean {
  const text = standfirst.replace(/\s+/g, " ").trim();
  const words = tokens(text);
  if (text.length < MIN_CHARS || words.length < MIN_WORDS) return true;
  const end = text.slice(-END_CHARS);
  if (ELLIPSIS_END.test(end) || READ_MORE_END.test(end)) return true;
  if (!TERMINAL.test(text) || /^\p{Ll}/u.test(text)) return true;
  if (headline && mostlyHeadline(words, tokens(headline))) return true;
  return splitSentences(text).every((sentence) => /\?["”’')\]]*$/u.test(sentence));
}

function tokens(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}

/** True when the description adds almost nothing to the headline. */
function mostlyHeadline(words: string[], headlineWords: string[]): boolean {
  const headline = new Set(headlineWords);
  const shared = words.filter((word) => headline.has(word)).length;
  return shared / words.length >= 0.8;
}
