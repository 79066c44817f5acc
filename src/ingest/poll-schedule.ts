/**
 * Adaptive polling: when to fetch a feed again after a successful fetch. A feed that keeps
 * having new stories is fetched every minute; a quiet one backs off to once an hour. Pure.
 */

/** The shortest and longest time between two fetches of a healthy feed. */
export const MIN_POLL_MS = 60_000;
export const MAX_POLL_MS = 60 * 60_000;
/** A feed waits this share of the time since its last new story. */
const QUIET_SHARE = 1 / 10;

/**
 * The feed's next fetch after a successful one: a tenth of the time since it last brought a
 * new story, within 1-60 minutes, in whole minutes (the ticks' grain). A story in the last 10
 * minutes: every minute; quiet for 2 hours: every 12 minutes; for 10 hours or more: hourly. A
 * feed that never brought one counts from its first fetch. The answer's `Cache-Control:
 * max-age` is a floor (never sooner than the server says its answer stays fresh), within the
 * hour. Counted from `fetchedAt`, the start of the ingest run, so a feed due every minute is
 * due again at the next minute's tick.
 */
export function planNextFetch(input: {
  fetchedAt: Date;
  /** When a fetch last stored a new story (this one included); null: never. */
  lastNewStoryAt: Date | null;
  /** The first successful fetch (null: this one). */
  primedAt: Date | null;
  /** The answer's Cache-Control max-age, in seconds; null when it gave none. */
  maxAgeSeconds: number | null;
}): Date {
  const since = input.lastNewStoryAt ?? input.primedAt ?? input.fetchedAt;
  const quietMs = Math.max(0, input.fetchedAt.getTime() - since.getTime());
  const intervalMs = Math.round((quietMs * QUIET_SHARE) / MIN_POLL_MS) * MIN_POLL_MS;
  const freshForMs = (input.maxAgeSeconds ?? 0) * 1000;
  const waitMs = Math.min(MAX_POLL_MS, Math.max(MIN_POLL_MS, intervalMs, freshForMs));
  return new Date(input.fetchedAt.getTime() + waitMs);
}

/**
 * Ticks fire a few milliseconds apart from the minute a fetch was planned for, and a run takes
 * its lease first: a feed due within this much of a tick is fetched at that tick.
 */
const TICK_SLACK_MS = 5_000;

/** The time up to which feeds count as due at a tick taken at `now`. */
export function dueBy(now: Date): Date {
  return new Date(now.getTime() + TICK_SLACK_MS);
}
