/**
 * When a cron schedule fires next after a given time, on any clock (node-cron's own tasks
 * only answer for the wall clock). Deterministic: the health checks ask "when was this post
 * first due" and "when should ingest have run three times" on the app's injected clock.
 */
import { DateTime } from "luxon";
import { parse } from "node-cron";

/** The runs of one schedule. */
export interface CronTimes {
  /** The first run strictly after `after`. */
  next(after: Date): Date;
}

/** Gives up after this many steps (a schedule that never fires, such as 30 February). */
const MAX_STEPS = 200_000;

const NTH_WEEKDAY = /^([0-7])#([1-5])$/;
const LAST_WEEKDAY = /^([0-7])L$/i;

function dayOfMonthMatches(values: (number | string)[], t: DateTime): boolean {
  return values.some((value) => {
    if (typeof value === "number") return value === t.day;
    if (value === "L") return t.day === t.daysInMonth;
    // Rarer tokens (W, L-n) are taken as "any day": the health checks then expect a run early, never late.
    return true;
  });
}

function dayOfWeekMatches(values: (number | string)[], t: DateTime): boolean {
  const weekday = t.weekday % 7; // luxon: Monday 1 … Sunday 7; cron: Sunday 0
  return values.some((value) => {
    if (typeof value === "number") return value % 7 === weekday;
    const nth = NTH_WEEKDAY.exec(value);
    if (nth) return Number(nth[1]) % 7 === weekday && Math.ceil(t.day / 7) === Number(nth[2]);
    const last = LAST_WEEKDAY.exec(value);
    if (last) return Number(last[1]) % 7 === weekday && t.day + 7 > (t.daysInMonth ?? 31);
    return true;
  });
}

/** The runs of `expression` (node-cron syntax, optional seconds field) in `timezone`. */
export function createCronTimes(expression: string, timezone: string): CronTimes {
  const fields = parse(expression);
  const seconds = new Set(fields.second);
  const minutes = new Set(fields.minute);
  const hours = new Set(fields.hour);
  const months = new Set(fields.month);
  return {
    next(after) {
      let t = DateTime.fromJSDate(after, { zone: timezone }).startOf("second").plus({ seconds: 1 });
      for (let step = 0; step < MAX_STEPS; step++) {
        if (!months.has(t.month)) t = t.plus({ months: 1 }).startOf("month");
        else if (!dayOfMonthMatches(fields.dayOfMonth, t) || !dayOfWeekMatches(fields.dayOfWeek, t)) t = t.plus({ days: 1 }).startOf("day");
        else if (!hours.has(t.hour)) t = t.plus({ hours: 1 }).startOf("hour");
        else if (!minutes.has(t.minute)) t = t.plus({ minutes: 1 }).startOf("minute");
        else if (!seconds.has(t.second)) t = t.plus({ seconds: 1 });
        else return t.toJSDate();
      }
      throw new Error(`the schedule "${expression}" never fires`);
    },
  };
}
