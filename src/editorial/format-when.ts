/** The one way people see a point in time, in the bot and the CLI: "Sun 6 Dec 18:30". Pure. */
import { DateTime } from "luxon";

/**
 * A time as the newsroom reads it, in TIMEZONE: "Sun 6 Dec 18:30", with the year
 * ("Sat 6 Dec 2025 18:30") when it is not the year of `now` there. The zone is named
 * once where a screen needs it (the status header), not after every time.
 */
export function formatWhen(date: Date, timezone: string, now: Date): string {
  const local = DateTime.fromJSDate(date, { zone: timezone }).setLocale("en-GB");
  const thisYear = DateTime.fromJSDate(now, { zone: timezone }).year;
  return local.toFormat(local.year === thisYear ? "ccc d LLL HH:mm" : "ccc d LLL yyyy HH:mm");
}
