import { DateTime } from "luxon";

import { chrono } from "../../lazy-modules.js";

/** Dates found in a visible byline such as "Published Sep 11, 2023, 08:12 AM | Updated 3h ago". */
export interface BylineDates {
  publishedAt: Date | null;
  modifiedAt: Date | null;
}

const EARLIEST = Date.UTC(1990, 0, 1);
const LATEST = Date.UTC(2100, 0, 1);

/**
 * Parses a machine-readable date (ISO 8601, RFC 2822, or a plain written date) as UTC when it
 * carries no zone; null when it is not a plausible date.
 */
export function parseDate(value: string | null | undefined): Date | null {
  const text = value?.trim();
  if (!text || text.length > 100) return null;
  const iso = DateTime.fromISO(text, { zone: "utc" });
  if (iso.isValid) return plausible(iso.toJSDate());
  const sql = DateTime.fromSQL(text, { zone: "utc" });
  if (sql.isValid) return plausible(sql.toJSDate());
  if (/^\d{10}(?:\d{3})?$/.test(text)) return plausible(new Date(Number(text) * (text.length === 10 ? 1000 : 1)));
  const rfc = DateTime.fromRFC2822(text, { zone: "utc" });
  if (rfc.isValid) return plausible(rfc.toJSDate());
  return parseWrittenDate(text);
}

/** Finds "Published …" / "Updated …" dates in visible text; never a bare banner date. */
export function parseBylineDate(text: string): BylineDates {
  const result: BylineDates = { publishedAt: null, modifiedAt: null };
  const pattern =
    /\b(first published|published|posted|released|created|last updated|updated|last modified|modified)\b(?:\s+(?:on|at))?\s*[:\-–—]?\s*/gi;
  for (const match of text.matchAll(pattern)) {
    const after = text.slice((match.index ?? 0) + match[0].length, (match.index ?? 0) + match[0].length + 80);
    const date = parseWrittenDate(after, true);
    if (!date) continue;
    const kind = match[1]!.toLowerCase();
    if (/updated|modified/.test(kind)) result.modifiedAt ??= date;
    else result.publishedAt ??= date;
  }
  return result;
}

/** A full written date with nothing else in it, e.g. a "Saturday, May 18, 2024" banner. */
export function isDateOnly(text: string): boolean {
  const trimmed = text.trim();
  if (trimmed.length < 6 || trimmed.length > 60 || !/\d/.test(trimmed)) return false;
  const [first] = chrono.strict.parse(trimmed, { instant: new Date(), timezone: "UTC" });
  if (!first) return false;
  const rest = (trimmed.slice(0, first.index) + trimmed.slice(first.index + first.text.length)).replace(
    /[\s\p{P}]+|\b(?:updated|published|today|gmt|utc|am|pm)\b/giu,
    "",
  );
  return rest.length === 0;
}

/** Parses the first full written date (day, month and year) in text, as UTC unless it says otherwise. */
function parseWrittenDate(text: string, atStart = false): Date | null {
  const results = chrono.strict.parse(text, { instant: new Date(), timezone: "UTC" });
  for (const result of results) {
    if (atStart && result.index > 3) return null;
    const start = result.start;
    if (!start.isCertain("year") || !start.isCertain("month") || !start.isCertain("day")) continue;
    return plausible(result.date());
  }
  return null;
}

function plausible(date: Date): Date | null {
  const time = date.getTime();
  return Number.isFinite(time) && time >= EARLIEST && time < LATEST ? date : null;
}
