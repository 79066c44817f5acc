import { sbd } from "../../lazy-modules.js";

/**
 * Abbreviations after which a full stop does not end a sentence. sbd's own list
 * is tuned for scientific prose and holds ordinary words ("no", "Sun", "Mon",
 * "pop", "est"), so "Voters said no. The result stands." stayed one sentence;
 * this one is for news copy.
 */
const ABBREVIATIONS = [
  // titles and ranks
  "Mr", "Mrs", "Ms", "Mx", "Messrs", "Mmes", "Dr", "Prof", "Rev", "Fr", "Msgr", "Hon", "Rt",
  "Sr", "Jr", "St", "Gen", "Gens", "Lt", "Col", "Maj", "Capt", "Cmdr", "Adm", "Sgt", "Cpl", "Pvt",
  "Supt", "Insp", "Det", "Gov", "Sen", "Sens", "Rep", "Reps", "Pres", "Amb", "Ald",
  // companies and places
  "Co", "Corp", "Inc", "Ltd", "Bros", "Dept", "Univ", "Assn", "Ave", "Blvd", "Mt", "Ft",
  // months and weekdays (not "May", "Sun", "Mon" or "Sat", which are words)
  "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec",
  "Tue", "Tues", "Wed", "Thu", "Thur", "Thurs", "Fri",
  // prose
  "al", "approx", "cf", "eg", "ie", "etc", "vs", "Vol", "Fig", "Nos",
];

/**
 * Words that often open a sentence. After "U.S." or "U.K." a capitalised word
 * that is not one of these ("Senate", "Treasury") is read as part of a name.
 */
const SENTENCE_OPENERS = new Set(
  (
    "a an the this that these those there here it its he she they we i you his her their our my your " +
    "but and or so yet for nor if when while after before since as at in on by from to with without " +
    "last next earlier later meanwhile however still now then today yesterday tomorrow this some many " +
    "most several few all both each every no not one two three officials police analysts critics " +
    "according asked what why how who where which"
  ).split(" "),
);

const DOTTED_INITIALISM = /^(?:\p{Lu}\.){2,}$/u;
const SPEECH_VERB = /^(?:said|says|asked|asks|added|adds|told|tells|wrote|writes|replied|replies|shouted|cried|insisted|declared|tweeted|posted)\b/i;
const QUOTED_QUESTION = /([?!]["”’'»])\s+(?=["“‘'«]?\p{Lu})/gu;

/**
 * Sentences of a plain text, in order, trimmed and with whitespace collapsed.
 * Line breaks always end a sentence: in cleaned feed text they separate captions,
 * bylines and paragraphs. Built on `sbd` (rule-based boundary detection with
 * abbreviation, initial, decimal and ellipsis handling) plus two news-specific
 * repairs: "the U.S. Senate" is not split after "U.S.", and a question or
 * exclamation closed by a quote mark ends a sentence (`he asked “why?” Then…`).
 */
export function splitSentences(text: string): string[] {
  const out: string[] = [];
  for (const line of text.split(/\n+/)) {
    const clean = line.replace(/\s+/g, " ").trim();
    if (!clean) continue;
    const pieces = sbd.sentences(clean, {
      newline_boundaries: false,
      preserve_whitespace: false,
      abbreviations: ABBREVIATIONS,
    });
    out.push(...splitQuotedQuestions(mergeInitialisms(pieces.map((p) => p.trim()).filter(Boolean))));
  }
  return out;
}

function mergeInitialisms(pieces: string[]): string[] {
  const merged: string[] = [];
  for (const piece of pieces) {
    const previous = merged.at(-1);
    if (previous !== undefined && endsWithInitialism(previous) && continuesName(piece)) {
      merged[merged.length - 1] = `${previous} ${piece}`;
    } else {
      merged.push(piece);
    }
  }
  return merged;
}

/** Whether text's last word is a dotted initialism ("U.S."); only that word is read, however long the text grows. */
function endsWithInitialism(text: string): boolean {
  return DOTTED_INITIALISM.test(text.slice(text.lastIndexOf(" ") + 1));
}

function continuesName(piece: string): boolean {
  const first = /^[\p{L}'’-]+/u.exec(piece)?.[0];
  if (!first || !/^\p{Lu}/u.test(first)) return false;
  return !SENTENCE_OPENERS.has(first.toLowerCase());
}

function splitQuotedQuestions(pieces: string[]): string[] {
  return pieces.flatMap((piece) => {
    const parts: string[] = [];
    let start = 0;
    for (const match of piece.matchAll(QUOTED_QUESTION)) {
      const end = match.index + (match[1]?.length ?? 0);
      // “Where is the money?” Johnson asked. — attribution, not a new sentence. Only the next six
      // words are split off, not the rest of the line at every question.
      const next = piece.slice(end, end + 200).trimStart().split(/\s+/, 6);
      if (next.slice(1).some((word) => SPEECH_VERB.test(word))) continue;
      parts.push(piece.slice(start, end).trim());
      start = end;
    }
    parts.push(piece.slice(start).trim());
    return parts.filter(Boolean);
  });
}
