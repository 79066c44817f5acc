/**
 * Newsdesk's Prometheus metrics (prom-client), all named newsdesk_…, on a registry of
 * their own: never prom-client's global one, so tests and several apps in one process
 * do not collide. Counters and histograms are bumped where things happen; the gauges
 * that describe the database (the outbox, the alert queue, the feeds) are read from it
 * at each scrape. Label values come from small fixed sets, so the number of series
 * stays small whatever Telegram or a feed says.
 */
import { createRequire } from "node:module";

import type * as PromClientModule from "prom-client";
import type { Counter, Histogram, Registry } from "prom-client";

import type { AlertsRepository } from "../db/alerts.js";
import type { ArticlesRepository } from "../db/articles.js";
import type { ChannelPostsRepository } from "../db/channel-posts.js";
import type { FeedsRepository, FeedState } from "../db/feeds.js";
import { notPostedRange } from "../publish/posting-policy.js";
import { SEND_FAILURE_CAUSES, type SendFailureCause } from "../publish/send-failure-policy.js";

/** Telegram error codes counted one by one; other 4xx are "other", 5xx "5xx", no answer at all "network". */
export const TELEGRAM_ERROR_CODES = ["400", "401", "403", "404", "409", "429", "5xx", "other", "network"] as const;
export type TelegramErrorCode = (typeof TELEGRAM_ERROR_CODES)[number];

/**
 * What became of a feed item: stored as a new article; known (stored before, seen again);
 * duplicate (the same link or story from this or another feed); filtered out by the feed's
 * keywords; invalid (no link or headline, or nothing usable).
 */
export const INGEST_ITEM_RESULTS = ["stored", "known", "duplicate", "filtered", "invalid"] as const;
export type IngestItemResult = (typeof INGEST_ITEM_RESULTS)[number];

export const FETCH_KINDS = ["feed", "page"] as const;
export type FetchKind = (typeof FETCH_KINDS)[number];

/** Update kinds timed: Telegram's update types, with commands apart from other messages. */
export const UPDATE_KINDS = [
  "command",
  "message",
  "edited_message",
  "callback_query",
  "inline_query",
  "my_chat_member",
  "message_reaction_count",
  "other",
] as const;
export type UpdateKind = (typeof UPDATE_KINDS)[number];

/** What the database gauges are read from, at each scrape. */
export interface MetricsSources {
  /** Channel posts due now, and since when the longest-waiting one has been due. */
  outboxDue(now: Date): Promise<{ count: number; oldestDueAt: Date | null }>;
  /** Alerts waiting to be sent (or being sent). */
  alertsPending(): Promise<number>;
  /** Feeds by state, as `feeds list` names them. */
  feedsByState(): Promise<Record<FeedState, number>>;
  /** Stories that aged out of the auto-post window unposted in the last 7 days. */
  storiesNotPosted(now: Date): Promise<number>;
}

/** The database gauges' sources, from the repositories that own those tables. */
export function metricsSourcesFrom(repositories: {
  posts: ChannelPostsRepository;
  alerts: AlertsRepository;
  feeds: FeedsRepository;
  articles: ArticlesRepository;
}): MetricsSources {
  return {
    storiesNotPosted: (now) => {
      const { from, before } = notPostedRange(now);
      return repositories.articles.countNotPosted(from, before);
    },
    outboxDue: (now) => repositories.posts.dueSummary(now),
    alertsPending: () => repositories.alerts.countPending(),
    feedsByState: () => repositories.feeds.countByState(),
  };
}

/** A timer started when the work starts; call it when the work ends. */
export type StopTimer = () => void;

/** The metrics, as typed handles: label values can only be those of the fixed sets above. */
export interface Metrics {
  registry: Registry;
  /** The content type of `scrape()`'s text. */
  contentType: string;
  /** Reads the database gauges, then renders every metric in Prometheus' text format. */
  scrape(): Promise<string>;
  postsSent: { inc(): void };
  postsFailed: { inc(reason: SendFailureCause, count?: number): void };
  /** Photo posts whose picture Telegram refused: each went out as a preview instead. */
  photosRefused: { inc(): void };
  alertsSent: { inc(): void };
  telegramErrors: { inc(code: TelegramErrorCode): void };
  ingestItems: { inc(result: IngestItemResult, count: number): void };
  fetchDuration: { startTimer(kind: FetchKind): StopTimer };
  updateDuration: { startTimer(kind: UpdateKind): StopTimer };
}

const PREFIX = "newsdesk_";

/** A counter whose every label value exists from the start, so rate() and increase() see the first event. */
type PromClient = typeof PromClientModule;

/**
 * prom-client, loaded when metrics are first created: a CLI command that never fetches
 * nor sends does not pay for it (its module graph is a noticeable part of a start).
 */
function loadPromClient(): PromClient {
  return createRequire(import.meta.url)("prom-client") as PromClient;
}

function labelledCounter<L extends string>(
  prom: PromClient,
  registry: Registry,
  name: string,
  help: string,
  label: L,
  values: readonly string[],
): Counter<L> {
  const counter = new prom.Counter<L>({ name, help, labelNames: [label], registers: [registry] });
  for (const value of values) counter.inc({ [label]: value } as Record<L, string>, 0);
  return counter;
}

function timer<L extends string>(histogram: Histogram<L>, label: L): { startTimer(value: string): StopTimer } {
  return {
    startTimer(value) {
      const end = histogram.startTimer({ [label]: value } as Record<L, string>);
      return () => void end();
    },
  };
}

/**
 * Creates the metrics on a new registry, with Node's process metrics (CPU, memory,
 * event loop lag, GC…) named newsdesk_process_… and newsdesk_nodejs_…. Without
 * `sources` the database gauges are left out (the CLI has nothing to scrape).
 */
export function createMetrics(options: { sources?: MetricsSources; now?: () => Date } = {}): Metrics {
  const prom = loadPromClient();
  const { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } = prom;
  const registry = new Registry();
  const now = options.now ?? (() => new Date());
  collectDefaultMetrics({ register: registry, prefix: PREFIX });

  const postsSent = new Counter({ name: `${PREFIX}posts_sent_total`, help: "Channel posts sent", registers: [registry] });
  const postsFailed = labelledCounter(prom, registry,
    `${PREFIX}posts_failed_total`,
    "Channel post sends that did not put the post in the channel, by reason",
    "reason",
    SEND_FAILURE_CAUSES,
  );
  const photosRefused = new Counter({
    name: `${PREFIX}post_photos_refused_total`,
    help: "Photo posts whose picture Telegram refused (each went out once as a link preview instead)",
    registers: [registry],
  });
  const alertsSent = new Counter({ name: `${PREFIX}alerts_sent_total`, help: "Alerts and digests sent to readers", registers: [registry] });
  const telegramErrors = labelledCounter(prom, registry,
    `${PREFIX}telegram_errors_total`,
    "Bot API calls that failed, by Telegram's error code (network: no answer)",
    "code",
    TELEGRAM_ERROR_CODES,
  );
  const ingestItems = labelledCounter(prom, registry, `${PREFIX}ingest_items_total`, "Feed items read, by what became of them", "result", INGEST_ITEM_RESULTS);
  const fetchDuration = new Histogram({
    name: `${PREFIX}fetch_duration_seconds`,
    help: "Time to fetch a feed or an article page (one attempt, redirects and body included)",
    labelNames: ["kind"],
    buckets: [0.1, 0.25, 0.5, 1, 2.5, 5, 10, 20, 30, 60],
    registers: [registry],
  });
  const updateDuration = new Histogram({
    name: `${PREFIX}update_duration_seconds`,
    help: "Time to handle a Telegram update, by kind",
    labelNames: ["kind"],
    buckets: [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
    registers: [registry],
  });

  const { sources } = options;
  let readSources: () => Promise<void> = () => Promise.resolve();
  if (sources) {
    const outboxDue = new Gauge({ name: `${PREFIX}outbox_due`, help: "Channel posts due now and not yet sent", registers: [registry] });
    const oldestDue = new Gauge({
      name: `${PREFIX}outbox_oldest_due_seconds`,
      help: "How long the longest-waiting due channel post has been due (0 when none is)",
      registers: [registry],
    });
    const alertsPending = new Gauge({ name: `${PREFIX}alerts_pending`, help: "Alerts queued for readers and not yet sent", registers: [registry] });
    const feeds = new Gauge({ name: `${PREFIX}feeds`, help: "Feeds by state (as `feeds list` shows them)", labelNames: ["state"], registers: [registry] });
    const notPosted = new Gauge({
      name: `${PREFIX}stories_not_posted`,
      help: "Stories meant for automatic posting that aged out of the auto-post window unposted, over the last 7 days",
      registers: [registry],
    });
    readSources = async () => {
      const at = now();
      const [due, pending, byState, unposted] = await Promise.all([
        sources.outboxDue(at),
        sources.alertsPending(),
        sources.feedsByState(),
        sources.storiesNotPosted(at),
      ]);
      notPosted.set(unposted);
      outboxDue.set(due.count);
      oldestDue.set(due.oldestDueAt ? Math.max(0, (at.getTime() - due.oldestDueAt.getTime()) / 1000) : 0);
      alertsPending.set(pending);
      for (const [state, count] of Object.entries(byState)) feeds.set({ state }, count);
    };
  }

  return {
    registry,
    contentType: registry.contentType,
    async scrape() {
      // A database that does not answer fails the scrape (Prometheus' `up` turns 0) rather than showing stale numbers.
      await readSources();
      return registry.metrics();
    },
    postsSent: { inc: () => postsSent.inc() },
    postsFailed: { inc: (reason, count = 1) => postsFailed.inc({ reason }, count) },
    photosRefused: { inc: () => photosRefused.inc() },
    alertsSent: { inc: () => alertsSent.inc() },
    telegramErrors: { inc: (code) => telegramErrors.inc({ code }) },
    ingestItems: { inc: (result, count) => ingestItems.inc({ result }, count) },
    fetchDuration: timer(fetchDuration, "kind"),
    updateDuration: timer(updateDuration, "kind"),
  };
}
