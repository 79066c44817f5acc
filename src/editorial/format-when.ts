/**
 * The one way people see a point in time, in the bot and the CLI: "Sun 6 Dec 18:30", and in
 * Russian "вс 6 декабря 18:30" (the month named in full: its abbreviations carry dots). Pure.
 */
import { DateTime } from "luxon";

import type { Language } from "../i18n/languages.js";

/** Luxon's locale and pattern for each language: the day and month names come from Intl. */
const FORMATS: Record<Language, { locale: string; thisYear: string; otherYear: string }> = {
  en: { locale: "en-GB", thisYear: "ccc d LLL HH:mm", otherYear: "ccc d LLL yyyy HH:mm" },
  ru: { locale: "ru", thisYear: "ccc d MMMM HH:mm", otherYear: "ccc d MMMM yyyy HH:mm" },
};

/**
 * A time as the newsroom reads it, in TIMEZONE: "Sun 6 Dec 18:30", with the year
 * ("Sat 6 Dec 2025 18:30") when it is not the year of `now` there. The zone is named
 * once where a screen needs it (the status header), not after every time.
 */
export function formatWhen(date: Date, timezone: string, now: Date, language: Language = "en"): string {
  const format = FORMATS[language];
  const local = DateTime.fromJSDate(date, { zone: timezone }).setLocale(format.locale);
  const thisYear = DateTime.fromJSDate(now, { zone: timezone }).year;
  return local.toFormat(local.year === thisYear ? format.thisYear : format.otherYear);
}
