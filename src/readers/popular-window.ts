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

/**
 * {@link popularWindowStart} for one time zone, worked out once per local day: the starts only
 * change at local midnight, and every /popular asks for them.
 */
export function createPopularWindows(timezone: string): (period: PopularPeriod, now: Date) => Date {
  let day: { from: number; until: number; starts: Record<PopularPeriod, Date> } | null = null;
  return (period, now) => {
    const at = now.getTime();
    if (!day || at < day.from || at >= day.until) {
      const midnight = DateTime.fromJSDate(now, { zone: timezone }).startOf("day");
      day = {
        from: midnight.toMillis(),
        until: midnight.plus({ days: 1 }).toMillis(),
        starts: { today: popularWindowStart("today", now, timezone), week: popularWindowStart("week", now, timezone) },
      };
    }
    return day.starts[period];
  };
}
