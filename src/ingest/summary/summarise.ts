import { isBoilerplate } from "./is-boilerplate.js";
import { isTeaser } from "./is-teaser.js";
import { splitSentences } from "./split-sentences.js";

/** What the extractive summariser reads. */
export interface SummaryInput {
  /** Clean text, paragraphs separated by blank lines. */
  body: string;
  /** The feed's description, already plain text. */
  standfirst?: string | null;
  headline?: string | null;
  /** SUMMARY_MAX_CHARS, default 400. */
  maxChars: number;
}

/** A news lede rarely needs more; a longer summary starts retelling the story. */
const MAX_LEDE_SENTENCES = 3;
/** Enough for the lede even when a standfirst already said what its first sentences say. */
const LEDE_SENTENCES_READ = 10;

/** WordPress appends this to every description; it is never part of the summary. */
const FEED_TRAILER = /\s*The post .{1,300}? appeared first on .{1,200}$/su;
/** The trailer is at most this long, so only the standfirst's end is searched for it. */
const FEED_TRAILER_CHARS = 9 + 300 + 19 + 200;
/**
 * A line is read for the lede up to this many characters. Real paragraphs are far shorter; a
 * page that is one 5 MiB line would otherwise be split into sentences and checked whole.
 */
export const MAX_LEDE_LINE_CHARS = 8_000;

/**
 * Extractive, offline summary: ends on a whole sentence within maxChars, never
 * mid-word. Prefers the feed's standfirst when it is a real summary (see
 * `isTeaser`), followed by the lede sentences that add to it while there is room; otherwise the lede: the first sentences of the body (at most
 * three) once datelines, bylines, captions, adverts, promotions and fragments
 * are skipped.
 */
export function summarise(input: SummaryInput): string {
  const { maxChars } = input;
  if (!(maxChars > 0)) return "";
  const standfirst = withoutFeedTrailer(input.standfirst ?? "").trim();

  const lede = ledeSentences(input.body, input.headline);
  if (standfirst && !isTeaser(standfirst, input.headline)) {
    const cut = cutAtSentence(standfirst, maxChars);
    if (!cut.endsWith("…")) return extendWithLede(cut, lede, maxChars);
  }

  const picked = fitSentences(lede.slice(0, MAX_LEDE_SENTENCES), maxChars);
  if (picked) return picked;
  if (lede[0]) return cutAtSentence(lede[0], maxChars);

  // Nothing usable in the body: a teaser still beats an empty post.
  const teaser = standfirst.replace(/\s*(?:\[\s*(?:…|\.\.\.)\s*\]|read more|continue reading)\W*$/i, "").trim();
  return cutAtSentence(teaser || input.body, maxChars);
}

/**
 * Cuts text at the last sentence boundary that fits maxChars (falls back to a
 * word boundary + "…" only when even the first sentence is too long). Used for
 * feed descriptions too. Whitespace, line breaks included, is collapsed.
 */
export function cutAtSentence(text: string, maxChars: number): string {
  if (!(maxChars > 0)) return "";
  // Only the sentences that fit are kept, so only the start of an over-long text is read: the
  // same cut unless the text is mostly whitespace, and no pass over megabytes of a hostile one.
  const head = text.length > 20 * maxChars + 10_000 ? text.slice(0, 20 * maxChars + 10_000) : text;
  const clean = head.replace(/\s+/g, " ").trim();
  if (clean.length <= maxChars) return clean;
  return fitSentences(splitSentences(head), maxChars) || cutAtWord(clean, maxChars);
}

function withoutFeedTrailer(text: string): string {
  const start = Math.max(0, text.length - FEED_TRAILER_CHARS);
  return text.slice(0, start) + text.slice(start).replace(FEED_TRAILER, "");
}

/**
 * The body's first sentences in order, without the furniture around the news. Only the top of
 * the story is read: the summary never reaches further, and every line costs a date parse.
 */
function ledeSentences(body: string, headline?: string | null): string[] {
  const sentences: string[] = [];
  for (const whole of body.split(/\n+/)) {
    if (sentences.length >= LEDE_SENTENCES_READ) break;
    const line = whole.length > MAX_LEDE_LINE_CHARS ? whole.slice(0, whole.lastIndexOf(" ", MAX_LEDE_LINE_CHARS) + 1 || MAX_LEDE_LINE_CHARS) : whole;
    if (isBoilerplate(line, headline)) continue;
    for (const sentence of splitSentences(line)) {
      if (!isBoilerplate(sentence, headline)) sentences.push(sentence);
    }
  }
  return sentences;
}

/**
 * A standfirst is often one line; the lede sentences after it that say something new fill the
 * rest of the room, up to the lede's usual length.
 */
function extendWithLede(standfirst: string, lede: string[], maxChars: number): string {
  const said = new Set(contentWords(standfirst));
  let out = standfirst;
  let count = splitSentences(standfirst).length;
  for (const sentence of lede) {
    if (count >= MAX_LEDE_SENTENCES) break;
    const words = contentWords(sentence);
    const fresh = words.filter((word) => !said.has(word)).length;
    if (words.length === 0 || fresh / words.length < 0.5) continue;
    const next = `${out} ${sentence}`;
    if (next.length > maxChars) break;
    out = next;
    count++;
    for (const word of words) said.add(word);
  }
  return out;
}

function contentWords(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}]{4,}/gu) ?? [];
}

/** As many leading sentences as fit, joined by spaces; "" when not even one does. */
function fitSentences(sentences: string[], maxChars: number): string {
  let out = "";
  for (const sentence of sentences) {
    const next = out ? `${out} ${sentence}` : sentence;
    if (next.length > maxChars) break;
    out = next;
  }
  return out;
}

function cutAtWord(text: string, maxChars: number): string {
  const room = maxChars - 1; // for the "…"
  if (room <= 0) return "…".slice(0, maxChars);
  const head = text.slice(0, room + 1);
  const space = head.lastIndexOf(" ");
  // A single word longer than maxChars leaves no word boundary to cut at.
  let cut = space > 0 ? head.slice(0, space) : text.slice(0, room);
  if (/[\uD800-\uDBFF]$/.test(cut)) cut = cut.slice(0, -1);
  cut = cut.replace(/[\s,;:–—\-(/]+$/u, "");
  return `${cut}…`;
}
