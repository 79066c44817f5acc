import { chrono } from "../../lazy-modules.js";

/**
 * A dateline standing alone: "LONDON, Sept 11 (Reuters) -", "WASHINGTON (AP) —",
 * "(Reuters) -". A dateline that opens a real sentence is not matched here.
 */
const DATELINE_ALONE =
  /^(?!.*\p{Ll}[.!?]$)(?:\p{Lu}[\p{Lu}\p{M} .'’/-]*\p{Lu}(?:,\s*[\p{L}\p{N} .,]{1,40})?)?\s*(?:\([^()]{1,40}\))?\s*[-–—:|]?$/u;

const BYLINE_PREFIX = /^(?:by|words by|written by|reporting by|reported by|text by|von|par|por)\s+\p{Lu}/iu;
/** "Jane Doe, Reuters", "Jane Doe and John Roe | AP", "JANE DOE - Bloomberg". */
const BYLINE_NAME_AGENCY =
  /^(?:\p{Lu}[\p{L}'’.-]*\s+){0,3}\p{Lu}[\p{L}'’.-]*(?:\s+(?:and|&)\s+(?:\p{Lu}[\p{L}'’.-]*\s+){0,3}\p{Lu}[\p{L}'’.-]*)?\s*[,|–—-]\s*(?:the\s+)?\p{Lu}[\p{L}&' ]{1,40}$/u;
const BYLINE_LINKS = new Set(["and", "in", "at", "of", "for", "the", "with", "from", "&", "de", "van", "von", "da", "al"]);
const EDITING_CREDIT = /^(?:reporting|additional reporting|writing|editing|compiled|produced) by\b/i;

// The patterns anchored at the end are tested on the line's last TAIL_CHARS only: a caption's
// credit is short, and "AP/a AP/a …" made the last pattern rescan the whole line from every "AP".
const TAIL_CHARS = 200;
const CAPTION_PATTERNS = [
  /^(?:file\s+)?(?:photo|photograph|picture|image|video|graphic|illustration)s?(?:\s+(?:caption|source|credit))?\s*[:|]/i,
  /^(?:image|photo|picture|video)\s+(?:caption|source|credit)\s*,/i,
  /^(?:caption|credit|source|copyright|©)\s*[:,]/i,
  /^\(?(?:photo|picture|image|video)s?\s+(?:by|courtesy|credit)\b[^)]*\)?\.?$/i,
];
const CAPTION_END_PATTERNS = [
  /\((?:photo|picture|image|credit)s?\s*(?::|by\b|courtesy of\b|credit\b:?)[^)]*\)\s*$/i,
  /(?:getty images|shutterstock|alamy|afp via getty|pa wire|pa media|ap photo|epa-efe|reuters\/\S.*)\W*$/i,
  // A caption credit in capitals at the end: "... in Tokyo. REUTERS/Kim Kyung-Hoon" or "... AFP".
  /\b(?:REUTERS|AFP|AP|EPA|XINHUA|ANADOLU|BLOOMBERG)(?:\/[\p{L} .'-]+)*\s*$/u,
];

const ADVERT =
  /^(?:advertisement|advertising|sponsored(?: content)?|ad|promoted|(?:the )?story continues below(?: (?:this )?advertisement)?|scroll (?:down )?to continue(?: with content)?|(?:article|story) continues (?:below|after (?:this )?advertisement)|continue reading (?:below|the main story))\W*$/i;

const PROMO_START =
  /^(?:join (?:our|us|the)|sign up\b|subscribe\b|read (?:also|more|next|the full|our)\b|also read\b|see also\b|click here\b|tap here\b|follow (?:us|our|the)\b|like us on\b|download (?:our|the)\b|get (?:our|the latest|breaking)\b|don['’]t miss\b|listen to (?:this|our|the latest)\b|watch(?: now| live| the video)?\s*[:|]|related(?: coverage| stories| articles)?\s*[:|]|recommended\s*[:|]|more on this story\b|share this\b|for the latest\b|to get (?:our|breaking|the latest)\b|we['’]re on (?:whatsapp|telegram)\b)/i;
const PROMO_ANYWHERE =
  /\b(?:telegram channel|whatsapp channel|our newsletter|our app|appeared first on|all rights reserved|this article (?:was originally|first) (?:published|appeared))\b/i;

const TIMEZONE_AND_FILLER =
  /\b(?:published|updated|last updated|posted|first published|modified|on|at|gmt|utc|bst|cet|cest|est|edt|cst|cdt|pst|pdt|et|pt|ist|jst|aest|aedt|am|pm)\b/gi;

const TERMINAL = /[.!?…]["”’')\]]*$/u;

/**
 * Whether a line or sentence of article text is furniture rather than news:
 * a dateline or date standing alone, a byline, a photo caption or credit, an
 * advertisement marker, a promotion ("Join our Telegram channel…", "Read also:"),
 * the headline repeated, or a fragment too short to be a sentence.
 */
export function isBoilerplate(text: string, headline?: string | null): boolean {
  const line = text.replace(/\s+/g, " ").trim();
  if (!line) return true;
  if (headline && (sameWords(line, headline) || isHeadingRepeat(line, headline))) return true;
  return (
    isFragment(line) ||
    DATELINE_ALONE.test(line) ||
    isDateOnly(line) ||
    isByline(line) ||
    CAPTION_PATTERNS.some((pattern) => pattern.test(line)) ||
    CAPTION_END_PATTERNS.some((pattern) => pattern.test(tail(line))) ||
    ADVERT.test(line) ||
    PROMO_START.test(line) ||
    PROMO_ANYWHERE.test(line)
  );
}

/** Too short or too shapeless to stand in a summary: "Share", "2 min read", "UPDATED". */
function isFragment(line: string): boolean {
  const words = line.split(" ").filter((word) => /[\p{L}\p{N}]/u.test(word));
  if (words.length < 3) return true;
  if (!/\p{Ll}/u.test(line)) return true;
  // Sub-headings and labels have no closing punctuation.
  return !TERMINAL.test(line) && words.length < 8;
}

/** The end of a line, cut at a space so no word is cut in two (which would make a false word boundary). */
function tail(line: string): string {
  if (line.length <= TAIL_CHARS) return line;
  const cut = line.slice(-TAIL_CHARS);
  const space = cut.indexOf(" ");
  return space >= 0 ? cut.slice(space + 1) : cut;
}

function isByline(line: string): boolean {
  if (EDITING_CREDIT.test(line)) return true;
  if (line.length > 120) return false;
  // "By Jane Doe, Political Correspondent, in Westminster" is names and titles;
  // "By Tuesday evening, 2,000 people had fled" has ordinary lower-case words.
  if (BYLINE_PREFIX.test(line)) return line.split(" ").slice(1).every((word) => !/^\p{Ll}/u.test(word) || BYLINE_LINKS.has(word));
  return !TERMINAL.test(line) && BYLINE_NAME_AGENCY.test(line);
}

function isDateOnly(line: string): boolean {
  if (line.length > 80) return false;
  const found = chrono.parse(line);
  if (found.length === 0) return false;
  let rest = line;
  for (const result of found) rest = rest.replace(result.text, " ");
  return rest.replace(TIMEZONE_AND_FILLER, " ").replace(/[\s\p{P}\p{S}]+/gu, "") === "";
}

function sameWords(a: string, b: string): boolean {
  return wordsOf(a).join(" ") === wordsOf(b).join(" ");
}

/**
 * The page's own heading above the text, longer than the headline the feed or <title> gave:
 * "Council approves new river bridge after ten-year wait" under "Council approves bridge".
 * Only an unpunctuated line of heading length that carries every word of the headline.
 */
function isHeadingRepeat(line: string, headline: string): boolean {
  if (TERMINAL.test(line) || line.length > 200) return false;
  const lineWords = new Set(wordsOf(line));
  const headlineWords = wordsOf(headline);
  return headlineWords.length >= 2 && headlineWords.every((word) => lineWords.has(word));
}

function wordsOf(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}
