/**
 * What is wrong with the newsroom right now, one plain sentence per problem, judged from a
 * snapshot of its state. Pure: /readyz, /status, `cli status` and the admin chat's notices all
 * read this one verdict. Each problem has a stable key, so a problem whose numbers change (the
 * minutes a post has waited) is the same problem, announced once.
 */
import { describeDuration } from "../../editorial/describe-duration.js";
import { feedRefusalText } from "../../editorial/fetch-failure-text.js";
import { formatWhen } from "../../editorial/format-when.js";
import type { Translate } from "../../i18n/translate.js";
import { readFeedFailure } from "../../ingest/feeds/feed-failure.js";
import { postingForbiddenText, type PostingForbidden } from "../../publish/posting-forbidden.js";
import type { AutoPostingBlock } from "../../publish/posting-policy.js";
import type { CronTimes } from "./cron-times.js";

export interface Problem {
  /** Stable while the problem lasts: "database", "telegram", "job:ingest"… */
  key: string;
  /** In English: /readyz, the logs and the CLI. */
  sentence: string;
  /** The sentence in another language (the admin chat's notices, an editor's /status); absent, the English one stands. */
  say?: (t: Translate) => string;
}

/** What this process saw of Telegram's Bot API. */
export interface TelegramState {
  lastOkAt: Date | null;
  /** The first failed call since the last answer; null while calls are answered. */
  failingSince: Date | null;
  reason: string | null;
}

/** A scheduled job whose runs throw, since its first failure after its last success. */
export interface JobFailure {
  job: string;
  since: Date;
  reason: string;
}

/** A post waiting in the outbox, in the order the outbox takes them. */
export interface WaitingPost {
  id: number;
  headline: string;
  origin: "auto" | "editor";
  scheduledAt: Date | null;
  /** When it was queued, rescheduled or put back after a failed try. */
  changedAt: Date;
}

/** What the checks read of a feed. */
export interface FeedHealth {
  id: number;
  url: string;
  createdAt: Date;
  pausedAt: Date | null;
  lastFetchedAt: Date | null;
  lastSuccessAt: Date | null;
  lastError: string | null;
  consecutiveFailures: number;
  /** Not fetched before this (its poll schedule or back-off); null or absent: due now. */
  nextFetchAt?: Date | null;
}

export interface HealthSnapshot {
  now: Date;
  database: { writable: true } | { writable: false; reason: string };
  /** Null when no running bot has reported on Telegram (the CLI without a bot). */
  telegram: TelegramState | null;
  posting: {
    paused: { by: string | null; since: Date | null } | null;
    /** Why the bot may not post in the channel, or null. */
    forbidden: PostingForbidden | null;
    /** Why automatic posts are held now (paused, quiet hours, the hourly cap), or null. */
    autoHeld: AutoPostingBlock | null;
  };
  waiting: WaitingPost[];
  lastSentAt: Date | null;
  feeds: FeedHealth[];
  /** When the bot began watching (its start): schedules missed before then are not counted. */
  watchingSince: Date | null;
  jobs: JobFailure[];
}

export interface HealthRules {
  timezone: string;
  /** The problems' English words (locales/en: health-*). */
  english: Translate;
  publish: CronTimes;
  ingest: CronTimes;
}

/** Telegram may fail this long before it is a problem (a reconnect, one slow call). */
export const TELEGRAM_GRACE_MS = 60_000;
/** A due post may wait this long before it is a problem. */
export const DUE_GRACE_MS = 10 * 60_000;
/** Ingest is stale when this many of its runs passed without a success. */
export const INGEST_RUNS = 3;
/** How long the last of those runs may take before it counts as missed. */
const INGEST_RUN_GRACE_MS = 5 * 60_000;

function shorten(text: string, max = 60): string {
  return text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`;
}

/** A reason as a clause inside our sentence: no trailing full stop of its own. */
function clause(text: string): string {
  return text.trim().replace(/[.\s]+$/, "");
}

const later = (a: Date, b: Date | null): Date => (b && b > a ? b : a);

/** A problem written from the locale files: English for its sentence, any language for `say`. */
function problemOf(english: Translate, key: string, id: string, variables: (t: Translate) => Record<string, string | number>): Problem {
  const say = (t: Translate) => t(id, variables(t));
  return { key, sentence: say(english), say };
}

/**
 * The post the outbox should have sent by now, and since when it is due: the first in the
 * outbox's order among those due, not counting posts legitimately held (automatic posts while
 * paused, in quiet hours or over the hourly cap; everything while posting is forbidden). A
 * post is due from the first publish run after it was queued (or at its scheduled time), and
 * the first in line only since the run after the last post went out (one post per run).
 */
export function findOverduePost(snapshot: HealthSnapshot, rules: HealthRules): { post: WaitingPost; dueSince: Date } | null {
  if (snapshot.posting.forbidden) return null;
  for (const post of snapshot.waiting) {
    if (post.origin === "auto" && snapshot.posting.autoHeld) continue;
    const dueAt = post.scheduledAt ? rules.publish.next(new Date(post.scheduledAt.getTime() - 1000)) : rules.publish.next(post.changedAt);
    if (dueAt > snapshot.now) continue;
    const dueSince = snapshot.lastSentAt ? later(dueAt, rules.publish.next(snapshot.lastSentAt)) : dueAt;
    return { post, dueSince };
  }
  return null;
}

function ingestProblems(snapshot: HealthSnapshot, rules: HealthRules): Problem[] {
  const active = snapshot.feeds.filter((f) => f.pausedAt === null);
  if (active.length === 0) return [];
  const fetched = active.filter((f) => f.lastFetchedAt !== null);
  if (fetched.length > 0 && fetched.every((f) => f.consecutiveFailures > 0)) {
    const example = fetched[0] as FeedHealth;
    const failure = readFeedFailure(example.lastError);
    return [
      problemOf(rules.english, "ingest:failing", "health-ingest-failing", (t) => ({
        count: fetched.length,
        id: example.id,
        url: example.url,
        error: clause(failure ? feedRefusalText(t, failure) : t("health-unknown-error")),
      })),
    ];
  }
  const successes = snapshot.feeds.map((f) => f.lastSuccessAt).filter((d): d is Date => d !== null);
  const lastSuccess = successes.length > 0 ? new Date(Math.max(...successes.map((d) => d.getTime()))) : null;
  const oldestFeed = new Date(Math.min(...active.map((f) => f.createdAt.getTime())));
  // A quiet feed polled hourly is not late while it is not due: count the runs from the first feed due.
  const firstDue = active.some((f) => !f.nextFetchAt) ? null : new Date(Math.min(...active.map((f) => f.nextFetchAt?.getTime() ?? 0)));
  const from = later(later(lastSuccess ?? oldestFeed, snapshot.watchingSince), firstDue);
  let previous = from;
  let run = from;
  for (let i = 0; i < INGEST_RUNS; i++) {
    previous = run;
    run = rules.ingest.next(run);
  }
  const grace = Math.min(run.getTime() - previous.getTime(), INGEST_RUN_GRACE_MS);
  if (snapshot.now.getTime() < run.getTime() + grace) return [];
  const since = (t: Translate) => (lastSuccess ? formatWhen(lastSuccess, rules.timezone, snapshot.now, t.language) : "none");
  return [problemOf(rules.english, "ingest:stale", "health-ingest-stale", (t) => ({ since: since(t) }))];
}

/** Every current problem, most fundamental first. */
export function judgeProblems(snapshot: HealthSnapshot, rules: HealthRules): Problem[] {
  const { now } = snapshot;
  const when = (date: Date, t: Translate) => formatWhen(date, rules.timezone, now, t.language);
  const problems: Problem[] = [];
  const problem = (key: string, id: string, variables: (t: Translate) => Record<string, string | number>) => problems.push(problemOf(rules.english, key, id, variables));
  if (!snapshot.database.writable) {
    const reason = clause(snapshot.database.reason);
    problem("database", "health-database", () => ({ reason }));
  }
  const telegram = snapshot.telegram;
  if (telegram?.failingSince && now.getTime() - telegram.failingSince.getTime() > TELEGRAM_GRACE_MS) {
    const silentMs = now.getTime() - telegram.failingSince.getTime();
    const reason = telegram.reason ? clause(telegram.reason) : "none";
    problem("telegram", "health-telegram", (t) => ({ duration: describeDuration(silentMs, t), reason }));
  }
  if (snapshot.posting.forbidden) {
    const forbidden = snapshot.posting.forbidden;
    problem("posting:forbidden", "health-posting-forbidden", (t) => ({ reason: clause(postingForbiddenText(t, forbidden)) }));
  }
  const paused = snapshot.posting.paused;
  if (paused) {
    problem("posting:paused", "health-posting-paused", (t) => ({ by: paused.by ?? "none", since: paused.since ? when(paused.since, t) : "none" }));
  }
  const overdue = findOverduePost(snapshot, rules);
  if (overdue && now.getTime() - overdue.dueSince.getTime() > DUE_GRACE_MS) {
    const waitedMs = now.getTime() - overdue.dueSince.getTime();
    const { id, headline } = overdue.post;
    problem("outbox:stalled", "health-outbox-stalled", (t) => ({ id, headline: shorten(headline), duration: describeDuration(waitedMs, t) }));
  }
  problems.push(...ingestProblems(snapshot, rules));
  for (const failure of [...snapshot.jobs].sort((a, b) => a.job.localeCompare(b.job))) {
    problem(`job:${failure.job}`, "health-job-failing", (t) => ({ job: failure.job, since: when(failure.since, t), reason: clause(failure.reason) }));
  }
  return problems;
}
