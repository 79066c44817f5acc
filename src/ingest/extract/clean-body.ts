import { squash } from "../normalise-text.js";
import { isDateOnly } from "./parse-date.js";

/** What the caller already knows about the page, to recognise its headline in the body. */
export interface BodyHints {
  headline?: string | null;
}

// Headings that introduce a list of other stories: the heading and the headline-only lines after
// it are page furniture, not the article.
const LIST_HEADING =
  /^(?:more on (?:this|the) (?:topic|story|subject)|more (?:stories|news|articles|from [\p{L}\s'’&.-]{1,40})|related(?: (?:stories|articles|content|news|coverage|topics|links|posts|reading|videos?))?|see also|(?:you|we think you) (?:may|might) (?:also )?(?:like|enjoy|be interested in)|recommended(?: for you| stories| reading)?|most (?:popular|read|viewed|shared|commented)|trending(?: now| stories)?|top stories|latest(?: news| stories| headlines)?|editor'?’?s? picks?|further reading|also read|read (?:also|more|next)|what to read next|in other news|popular (?:now|stories)|don'?’?t miss|around the web|sponsored (?:stories|links|content)|promoted (?:stories|links|content)|from around the web|topics?|tags?)\s*:?$/iu;

// Whole-paragraph advertising markers.
const AD_MARKER =
  /^[\s\p{P}\p{S}]*(?:advert(?:is(?:e)?ment|isment|ising)?|ads?|sponsored(?: content| post)?|paid (?:content|post)|story continues below(?: this)?(?: advertisement| ad)?|continue reading (?:below|the main story)|scroll (?:down )?to continue(?: with content)?|article continues (?:below|after (?:this )?(?:advertisement|ad)))[\s\p{P}\p{S}]*$/iu;

// Calls to follow the outlet elsewhere or sign up for something.
const PROMO_ACTION =
  /\b(?:join|follow|subscribe|sign(?:\s|-)?up|download|get (?:our|the latest)|stay (?:updated|informed)|register|enter your e-?mail|like us)\b/i;
const PROMO_TARGET =
  /\b(?:telegram|whatsapp|newsletters?|e-?mail(?:s| alerts)?|inbox|channel|facebook|twitter|instagram|youtube|tiktok|linkedin|google news|podcast|our app|the app|breaking news alerts|push notifications?)\b/i;

const READ_ALSO = /^(?:read (?:also|more|next)|also read|see also|related|recommended|watch|listen|more)\s*[:|–—-]\s*\S/i;

const SHARE_WORD =
  /^(?:share(?: this)?(?: (?:article|story|post|page))?(?: on)?|tweet|e-?mail|print|facebook|twitter|x|whatsapp|telegram|linkedin|pinterest|reddit|messenger|copy(?: the)? link|link copied|comments?|\d+ comments?|save|bookmark|gift (?:this )?article|listen(?: to (?:this )?article)?)$/i;

const CREDIT_START = /^(?:photo|photograph|image|picture|pic|video|graphic|illustration|credit|source|caption|file photo)s?(?: credits?)?\s*[:/|]/i;
const CREDIT_AGENCY =
  /(?:getty images|reuters|afp|associated press|ap photo|\bap\b|epa(?:-efe)?|shutterstock|alamy|bloomberg|xinhua|anadolu|pa (?:wire|media)|istock(?:photo)?|file photo|handout)\W*$/i;
const CREDIT_PREFIX = /^\(?\s*(?:photo|image|picture|pictured|credit)\b.*\b(?:by|via|courtesy|credit)\b/i;

// A declaration is a lower-case property ending in ";" or "}": "Smith: We will build" is a speaker.
const CSS_LINE =
  /^(?:[@.#:\w[\]="'*>~+,()\s-]+\{|\}|[a-z-]+\s*:\s*[^;{}]*(?:;\s*\}?|\})|\/\*.*\*\/|@media.*|@font-face.*|@import.*)$/;
const JS_LINE =
  /(?:^(?:var|let|const|function|if|for|window\.|document\.|return)\b|[;{}]\s*$|=>|\bfunction\s*\(|googletag|dataLayer|\.push\()/;

// Interface text and legal lines that sit inside article containers.
const UI_LINE =
  /^(?:skip to (?:main )?content|sign in|log in|close|caption|hide caption|toggle caption|enlarge this image|expand|menu|search|loading\.*|image \d+ of \d+|\d+ of \d+|photos?|gallery|this (?:slideshow|video|content|page) requires javascript\.?|tell us what you think\.*)$/i;
const LEGAL =
  /(?:©|\(c\)\s*\d{4}|\ball rights reserved\b|\bcopyright\s+(?:©\s*)?\d{4}|this (?:website|site) uses cookies|\bsubject to copyright\b)/i;
const CLICK_HERE = /\bclick(?:ing)? here\b/i;
const BYLINE = /^(?:[Bb]y|BY|[Ww]ords by|[Ww]ritten by|[Rr]eporting by|[Vv]on|[Pp]ar|[Pp]or)\s+\p{Lu}[\p{L}.'’-]*(?:\s+(?:and\s+)?[\p{Lu}][\p{L}.'’-]*){0,6}(?:\s*[,|–—-].*)?$/u;
const DATE_LINE = /\b(?:published|posted|updated|last updated|modified)\b/i;

const SENTENCE_END = /[.!?…"”’)\]»:]$/u;

/**
 * Removes boilerplate paragraphs from plain text whose paragraphs are separated by blank lines:
 * inline CSS/script, advertising markers, follow/newsletter promos, share rows, photo credits,
 * "related stories" headings with the headline-only lines after them, and page chrome (banner
 * dates, breadcrumbs, a repeated headline) before the article starts.
 */
export function cleanBodyText(text: string, hints: BodyHints = {}): string {
  const paragraphs = text
    .replace(/\r\n?/g, "\n")
    .split(/\n[ \t\u00a0]*\n+/)
    .map((p) => p.split("\n").map((line) => line.replace(/[ \t\u00a0]+/g, " ").trim()).filter(Boolean).join("\n"))
    .filter((p) => p.length > 0);

  const kept: string[] = [];
  for (let i = 0; i < paragraphs.length; i++) {
    const paragraph = paragraphs[i]!;
    const plain = paragraph.replace(/\n/g, " ");
    if (isListHeading(plain)) {
      // Skip the heading and the run of headline-like lines that follows it.
      while (i + 1 < paragraphs.length && isHeadlineLike(paragraphs[i + 1]!)) i++;
      continue;
    }
    if (isBoilerplate(paragraph, plain)) continue;
    kept.push(paragraph);
  }
  return trimLeadingChrome(kept, hints.headline ?? null).join("\n\n");
}

function isListHeading(plain: string): boolean {
  return plain.length <= 60 && LIST_HEADING.test(plain.replace(/[\s\p{P}\p{S}]+$/u, "").trim());
}

function isBoilerplate(paragraph: string, plain: string): boolean {
  if (AD_MARKER.test(plain)) return true;
  if (isCode(paragraph)) return true;
  const words = countWords(plain);
  if (words <= 30 && PROMO_ACTION.test(plain) && PROMO_TARGET.test(plain)) return true;
  if (words <= 25 && READ_ALSO.test(plain)) return true;
  if (words <= 20 && isShareRow(plain)) return true;
  if (words <= 25 && isCredit(plain)) return true;
  if (words <= 8 && UI_LINE.test(plain)) return true;
  if (words <= 40 && LEGAL.test(plain)) return true;
  if (words <= 15 && CLICK_HERE.test(plain)) return true;
  if (words <= 12 && BYLINE.test(plain)) return true;
  if (words <= 20 && DATE_LINE.test(plain) && /\d/.test(plain) && !SENTENCE_END.test(plain.replace(/\b(?:a|p)\.?m\.$/i, ""))) return true;
  return false;
}

function isShareRow(plain: string): boolean {
  const items = plain.split(/\s*[|•·,/]\s*|\s{2,}/).filter(Boolean);
  return items.length > 0 && items.every((item) => SHARE_WORD.test(item.trim()));
}

function isCredit(plain: string): boolean {
  if (CREDIT_START.test(plain) || CREDIT_PREFIX.test(plain)) return true;
  // "Kim Jong Un arrives in Vladivostok. Photo/AFP" style trailing credits, and bare "REUTERS".
  if (/(?:\/|\bphoto:?\s*|\bpicture:?\s*|\bimage:?\s*|\bcredit:?\s*)[^/]{0,40}$/i.test(plain) && CREDIT_AGENCY.test(plain)) {
    return /(?:\/|photo|picture|image|credit)/i.test(plain.slice(-60));
  }
  return /^[\s\p{P}]*(?:reuters|afp|ap|getty images|epa|bloomberg|file photo)[\s\p{P}]*$/iu.test(plain);
}

function isCode(paragraph: string): boolean {
  const lines = paragraph.split("\n");
  let code = 0;
  for (const line of lines) {
    if (CSS_LINE.test(line) || (JS_LINE.test(line) && !/\s[a-z]+\s[a-z]+\s[a-z]+\s/i.test(line))) code++;
  }
  if (code / lines.length >= 0.6 && (lines.length > 1 || /[{};]/.test(paragraph))) return true;
  return isRunOnCss(paragraph.replace(/\n/g, " "));
}

const CSS_SELECTOR = /^[@.#\w:[\]="'*>~+,\s-]+$/;
const CSS_DECLARATION = /^\s*[\w-]+\s*:\s*[^;{}]+$/;
const CSS_PROPERTY_END = /[\w-]\s*$/;

/**
 * A single run-on line of CSS such as "p.x:before { display: inline-block; color: red }": a
 * selector, "{", and two declarations in a row, with nothing but an optional "}" closing it.
 * Read piece by piece between the ";" (one regular expression over the whole line backtracked
 * cubically: 8 KB of "a{a:a;a:a;…" took seconds).
 */
export function isRunOnCss(text: string): boolean {
  const open = text.indexOf("{");
  if (open <= 0 || !CSS_SELECTOR.test(text.slice(0, open))) return false;
  let rules = text.slice(open + 1);
  if (rules.endsWith("}")) rules = rules.slice(0, -1);
  if (/[{}]/.test(rules)) return false;
  const pieces = rules.split(";");
  // The last piece follows the last ";": it ends no declaration.
  for (let i = 0; i + 2 < pieces.length; i++) {
    if (endsWithDeclaration(pieces[i]!) && CSS_DECLARATION.test(pieces[i + 1]!)) return true;
  }
  return false;
}

/** Whether text ends in "property: value" (anything may come before it). */
function endsWithDeclaration(piece: string): boolean {
  for (let colon = piece.indexOf(":"); colon >= 0; colon = piece.indexOf(":", colon + 1)) {
    if (colon + 1 < piece.length && CSS_PROPERTY_END.test(piece.slice(Math.max(0, colon - 200), colon))) return true;
  }
  return false;
}

/** A line that reads like a headline or a link: short, no closing punctuation. */
function isHeadlineLike(paragraph: string): boolean {
  const plain = paragraph.replace(/\n/g, " ");
  const words = countWords(plain);
  return words > 0 && words <= 25 && !SENTENCE_END.test(plain) && !paragraph.includes("\n\n");
}

/** Drops page chrome above the article: banner dates, breadcrumbs and repeated headlines. */
function trimLeadingChrome(paragraphs: string[], headline: string | null): string[] {
  const target = headline ? squash(headline) : null;
  let start = 0;
  // Only the first few short paragraphs can be chrome; the article starts with prose.
  while (start < paragraphs.length && start < 6) {
    const paragraph = paragraphs[start]!;
    const plain = paragraph.replace(/\n/g, " ");
    if (countWords(plain) > 40) break;
    const key = squash(plain);
    const next = paragraphs[start + 1];
    const nextKey = next !== undefined ? squash(next) : "";
    if (isDateOnly(plain)) {
      start++;
    } else if (target && key.length > 0 && (key === target || (key.endsWith(target) && isHeadlineLike(paragraph)))) {
      start++;
    } else if (next !== undefined && nextKey.length >= 12 && key !== nextKey && key.endsWith(nextKey) && isHeadlineLike(next)) {
      // A breadcrumb trail glued to the headline, e.g. "HomeasiaTitle" followed by "Title".
      start++;
    } else if (next !== undefined && key === nextKey && isHeadlineLike(paragraph)) {
      start++;
    } else if (start > 0 && paragraphs.slice(0, start).some((p) => squash(p).endsWith(key)) && isHeadlineLike(paragraph)) {
      // The headline a breadcrumb trail already repeated.
      start++;
    } else {
      break;
    }
  }
  return paragraphs.slice(start);
}


const WORD = /[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu;
/** Every check here is for short paragraphs, so counting stops past the longest of them. */
const MAX_COUNTED_WORDS = 64;

/**
 * Words in text; past MAX_COUNTED_WORDS + 1 the count may stop, so a long paragraph is never
 * listed word by word. Ordinary paragraphs take one native match, which is far faster than a
 * loop of exec calls.
 */
function countWords(text: string): number {
  if (text.length <= 10_000) return text.match(WORD)?.length ?? 0;
  WORD.lastIndex = 0;
  let count = 0;
  while (count <= MAX_COUNTED_WORDS && WORD.exec(text) !== null) count++;
  return count;
}
