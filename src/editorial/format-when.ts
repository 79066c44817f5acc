/** How editors see a point in time: "Tue 1 Dec 07:00 (Europe/London)". Pure. */
import { DateTime } from "luxon";

/** A time as the newsroom reads it, in TIMEZONE, naming the zone so nobody guesses. */
export function formatWhen(date: Date, timezone: string): string {
  const local = DateTime.fromJSDate(date, { zone: timezone }).setLocale("en-GB");
  return `${local.toFormat("ccc d LLL HH:mm")} (${timezone})`;
}
