/** When automatic posts may go out: quiet hours, an hourly cap, a manual pause. Pure. */
import { DateTime } from "luxon";

/** Only stories published this recently are posted automatically (older ones are stored, not posted). */
export const AUTO_POST_MAX_AGE_MS = 24 * 60 * 60 * 1000;
/** /status, `cli status` and the metrics count stories that aged out unposted over this long. */
export const NOT_POSTED_LOOKBACK_MS = 7 * 24 * 60 * 60 * 1000;

/** The stories published in this range aged out of the auto-post window without a post ("not posted"). */
export function notPostedRange(now: Date): { from: Date; before: Date } {
  const before = new Date(now.getTime() - AUTO_POST_MAX_AGE_MS);
  return { from: new Date(before.getTime() - NOT_POSTED_LOOKBACK_MS), before };
}

export interface PostingRules {
  /** Local "HH:MM" in `timezone`; the window may cross midnight (23:00-07:00). */
  quietHours: { start: string; end: string } | null;
  maxPostsPerHour: number | null;
  timezone: string;
}

function minutesOf(hhmm: string): number {
  const [h, m] = hhmm.split(":").map(Number);
  return (h ?? 0) * 60 + (m ?? 0);
}

/** True when `now` falls inside the quiet hours (start inclusive, end exclusive). */
export function isQuietTime(now: Date, rules: PostingRules): boolean {
  if (!rules.quietHours) return false;
  const local = DateTime.fromJSDate(now, { zone: rules.timezone });
  const minute = local.hour * 60 + local.minute;
  const start = minutesOf(rules.quietHours.start);
  const end = minutesOf(rules.quietHours.end);
  if (start === end) return false;
  return start < end ? minute >= start && minute < end : minute >= start || minute < end;
}

/** Why automatic posts wait now: an editor's pause, quiet hours, or the hourly cap reached. */
export type AutoPostingBlock = { code: "paused" } | { code: "quiet-hours"; start: string; end: string } | { code: "hourly-cap"; max: number };

/** Whether an automatic post may go out now: null when it may, else why not. */
export function autoPostingBlock(now: Date, rules: PostingRules, state: { paused: boolean; sentInLastHour: number }): AutoPostingBlock | null {
  if (state.paused) return { code: "paused" };
  if (rules.quietHours && isQuietTime(now, rules)) return { code: "quiet-hours", start: rules.quietHours.start, end: rules.quietHours.end };
  if (rules.maxPostsPerHour !== null && state.sentInLastHour >= rules.maxPostsPerHour) return { code: "hourly-cap", max: rules.maxPostsPerHour };
  return null;
}
