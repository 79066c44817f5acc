/**
 * "When should it go out?" as editors write it — `now`, `18:30`, `tomorrow 9am`,
 * `in 2h`, `2026-12-01 07:00`, `monday 14:00` — read as wall-clock time in TIMEZONE.
 * Pure: the caller passes the current instant.
 */
import { DateTime } from "luxon";

import type { Translate } from "../i18n/translate.js";
import { chrono } from "../lazy-modules.js";
import { formatWhen } from "./format-when.js";

export type WhenResult = { ok: true; date: Date } | { ok: false; error: string };

/**
 * Examples of what an editor may type, shown whenever a time is asked for or not understood:
 * "now, 12:00, tomorrow 9am, in 2h, 2026-12-01 07:00". Every one is in the future as of `now`
 * in `timezone` (a hint must never suggest a past time): the clock time is two hours ahead,
 * left out late in the evening, and the date is tomorrow's.
 */
export function whenExamples(now: Date, timezone: string): string {
  const local = DateTime.fromJSDate(now, { zone: timezone });
  const later = local.plus({ hours: 2 }).startOf("hour");
  const today = later.hasSame(local, "day") ? [later.toFormat("HH:mm")] : [];
  return ["now", ...today, "tomorrow 9am", "in 2h", `${local.plus({ days: 1 }).toFormat("yyyy-LL-dd")} 07:00`].join(", ");
}

/** A schedule further ahead than this is almost certainly a typo in the year. */
const MAX_AHEAD_DAYS = 366;

const UNIT_MS: Record<string, number> = { m: 60_000, h: 3_600_000, d: 86_400_000 };

function unitOf(word: string): keyof typeof UNIT_MS | null {
  if (/^(m|min|mins|minute|minutes)$/.test(word)) return "m";
  if (/^(h|hr|hrs|hour|hours)$/.test(word)) return "h";
  if (/^(d|day|days)$/.test(word)) return "d";
  return null;
}

/** Wall-clock fields in `timezone` to an instant, refusing times that a clock change skips. */
function fromWallClock(
  t: Translate,
  fields: { year: number; month: number; day: number; hour: number; minute: number },
  timezone: string,
  shown: string,
): WhenResult {
  const local = DateTime.fromObject(fields, { zone: timezone });
  if (!local.isValid) return { ok: false, error: t("when-not-real", { text: shown }) };
  // Luxon moves a time inside a spring-forward gap onto the other side of it; editors must know.
  if (local.hour !== fields.hour || local.minute !== fields.minute || local.day !== fields.day) {
    const day = DateTime.fromObject({ year: fields.year, month: fields.month, day: fields.day }, { zone: timezone }).setLocale("en-GB");
    const hhmm = `${String(fields.hour).padStart(2, "0")}:${String(fields.minute).padStart(2, "0")}`;
    return { ok: false, error: t("when-skipped-by-clocks", { time: hhmm, day: day.toFormat("ccc d LLL"), timezone }) };
  }
  // A time the clocks pass twice (they go back) means the first of the two: a post is never late.
  const earlier = local.minus({ hours: 1 });
  const ambiguous = earlier.hour === fields.hour && earlier.minute === fields.minute && earlier.day === fields.day;
  return { ok: true, date: (ambiguous ? earlier : local).toJSDate() };
}

function readWhen(t: Translate, text: string, now: Date, timezone: string): WhenResult {
  if (text === "now") return { ok: true, date: now };

  const relative = /^in\s+(\d{1,4})\s*([a-z]+)$/.exec(text);
  if (relative) {
    const unit = unitOf(relative[2] ?? "");
    if (!unit) return { ok: false, error: t("when-unknown-unit", { unit: relative[2] ?? "" }) };
    return { ok: true, date: new Date(now.getTime() + Number(relative[1]) * UNIT_MS[unit]!) };
  }

  const today = DateTime.fromJSDate(now, { zone: timezone });
  const clock = /^([01]?\d|2[0-3]):([0-5]\d)$/.exec(text);
  if (clock) {
    return fromWallClock(t, { year: today.year, month: today.month, day: today.day, hour: Number(clock[1]), minute: Number(clock[2]) }, timezone, text);
  }
  const iso = /^(\d{4})-(\d{2})-(\d{2})(?:\s+|t)([01]?\d|2[0-3]):([0-5]\d)$/.exec(text);
  if (iso) {
    const [, year, month, day, hour, minute] = iso.map(Number) as [number, number, number, number, number, number];
    return fromWallClock(t, { year, month, day, hour, minute }, timezone, text);
  }

  const results = chrono.en.GB.parse(text, { instant: now, timezone: today.offset }, { forwardDate: true });
  const found = results[0];
  if (results.length !== 1 || !found || found.index !== 0 || found.text.length !== text.length) {
    return { ok: false, error: t("when-not-understood", { text, examples: whenExamples(now, timezone) }) };
  }
  if (!found.start.isCertain("hour")) {
    return { ok: false, error: t("when-needs-time", { text }) };
  }
  // An explicit zone ("9am UTC") fixes the instant; otherwise the fields are wall-clock time in TIMEZONE.
  if (found.start.isCertain("timezoneOffset")) return { ok: true, date: found.start.date() };
  const field = (name: "year" | "month" | "day" | "hour" | "minute") => found.start.get(name) ?? 0;
  return fromWallClock(t, { year: field("year"), month: field("month"), day: field("day"), hour: field("hour"), minute: field("minute") }, timezone, text);
}

/**
 * Parses when a post should go out. Times in the past (before the current minute)
 * and more than a year ahead are refused, with the reason in `t`'s language (what an
 * editor types stays English: "tomorrow 9am").
 */
export function parseWhen(t: Translate, text: string, now: Date, timezone: string): WhenResult {
  const cleaned = text.trim().toLowerCase().replace(/\s+/g, " ");
  if (cleaned === "") return { ok: false, error: t("when-empty", { examples: whenExamples(now, timezone) }) };
  const result = readWhen(t, cleaned, now, timezone);
  if (!result.ok) return result;
  const startOfMinute = Math.floor(now.getTime() / 60_000) * 60_000;
  if (result.date.getTime() < startOfMinute) return { ok: false, error: t("when-past", { when: formatWhen(result.date, timezone, now, t.language) }) };
  if (result.date.getTime() - now.getTime() > MAX_AHEAD_DAYS * 86_400_000) {
    return { ok: false, error: t("when-too-far", { when: formatWhen(result.date, timezone, now, t.language) }) };
  }
  return result;
}
