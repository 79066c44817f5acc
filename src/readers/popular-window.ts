/** Which period /popular looks at: "today" (since midnight in TIMEZONE) or "week" (the last seven days). */
import { DateTime } from "luxon";

export type PopularPeriod = "today" | "week";

/** The period named by a reader ("", "today", "week", any case); null for anything else. */
export function parsePopularPeriod(text: string): PopularPeriod | null {
  const word = text.trim().toLowerCase();
  if (word === "" || word === "today") return "today";
  if (word === "week") return "week";
  return null;
}

/** The calendar days "week" covers, today included. */
export const POPULAR_WEEK_DAYS = 7;

/** The start of the period: local midnight today, or local midnight six days ago (seven calendar days). */
export function popularWindowStart(period: PopularPeriod, now: Date, timezone: string): Date {
  const midnight = DateTime.fromJSDate(now, { zone: timezone }).startOf("day");
  return (period === "today" ? midnight : midnight.minus({ days: POPULAR_WEEK_DAYS - 1 })).toJSDate();
}
