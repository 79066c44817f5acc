/**
 * The background work's dependencies and schedule: ingestion, the outbox and its
 * watchdog, readers' alerts, the health checks and the heartbeat. Built here once, for the bot's scheduler and for the
 * operator's `ingest` command alike.
 */
import type { Api } from "grammy";

import { maybeInChannelKeyboard } from "../bot/keyboards/editor-post-keyboard.js";
import { correctionKeyboard } from "../bot/keyboards/correction-keyboard.js";
import { resumeFeedKeyboard } from "../bot/keyboards/feed-keyboard.js";
import type { Config } from "../config.js";
import type { Fetcher } from "../ingest/fetch/create-fetcher.js";
import { ingestAllFeeds, INGEST_JOB, type IngestDeps } from "../ingest/ingest-feeds.js";
import { createLlmSummariser, type Summariser } from "../ingest/summary/llm-summariser.js";
import type { Logger } from "../logger.js";
import { describeError } from "../ops/describe-error.js";
import type { ReviewActions } from "../newsroom/review-actions.js";
import type { PostStyle } from "../publish/post-message.js";
import type { AdminNotifier } from "../ops/admin-notifier.js";
import { publishNextPost, recoverOutbox, SLOT_GRACE_MS, type OutboxDeps } from "../publish/outbox.js";
import type { SendBudget } from "../publish/send-budget.js";
import type { SenderLease } from "../publish/sender-lease.js";
import { createSendConfirmations } from "../publish/send-confirmations.js";
import type { Translations } from "../i18n/create-i18n.js";
import { sendChannelDigest, type ChannelDigestDeps } from "../publish/channel-digest.js";
import type { Job } from "../scheduler.js";
import { createAlertJobs } from "./alert-jobs.js";
import { createHealthJobs, type Health } from "./create-health.js";
import type { Services } from "./create-services.js";

/** The LLM summariser when SUMMARY_LLM_URL is set, else null (the extractive summary is used). */
function createConfiguredSummariser(config: Config, fetcher: Fetcher, logger: Logger): Summariser | null {
  if (!config.summary.llm) return null;
  return createLlmSummariser(
    { ...config.summary.llm, maxChars: config.summary.maxChars },
    { fetcher, onFallback: (reason) => logger.warn({ reason }, "LLM summary unavailable; using the extractive summary") },
  );
}

/** Everything `ingestAllFeeds` needs. */
export function createIngestDeps(deps: { services: Services; admin: AdminNotifier; logger: Logger }): IngestDeps {
  const { services, admin, logger } = deps;
  return {
    feeds: services.feeds,
    articles: services.articles,
    topics: services.topics,
    fetcher: services.fetcher,
    extractor: services.extractor,
    admin,
    logger,
    now: services.now,
    summaryMaxChars: services.config.summary.maxChars,
    feedMaxFailures: services.config.feedMaxFailures,
    summariser: createConfiguredSummariser(services.config, services.fetcher, logger),
    metrics: services.metrics,
    topicsOpen: services.config.topicsOpen,
    resumeFeedButton: resumeFeedKeyboard,
    corrections: { articles: services.articles, corrections: services.corrections, admin, buttons: correctionKeyboard },
    reviewAll: services.config.review.all,
  };
}

/** Everything the outbox needs; `api` has no auto-retry, since the outbox applies its own policy. */
export function createOutboxDeps(deps: {
  services: Services;
  api: Pick<Api, "sendMessage" | "sendPhoto">;
  budget: SendBudget;
  admin: AdminNotifier;
  logger: Logger;
  style: PostStyle;
}): OutboxDeps {
  const { services, api, budget, admin, logger } = deps;
  const { config } = services;
  if (config.channelId === null) throw new Error("the outbox needs CHANNEL_ID");
  return {
    budget,
    posts: services.posts,
    articles: services.articles,
    settings: services.settings,
    api,
    channelId: config.channelId,
    admin,
    logger,
    instanceId: services.instanceId,
    now: services.now,
    style: deps.style,
    rules: { quietHours: config.quietHours, maxPostsPerHour: config.maxPostsPerHour, timezone: config.timezone },
    slots: config.postSlots ? { minutes: config.postSlots, graceMs: SLOT_GRACE_MS } : null,
    metrics: services.metrics,
    confirmations: createSendConfirmations({ logger }),
    uncertainKeyboard: maybeInChannelKeyboard,
  };
}

/** The longest a publish tick waits for an ingest run in progress; past it, the run's stories go at the next tick. */
export const PUBLISH_WAITS_FOR_INGEST_MS = 20_000;

/** The job sending the channel's "Top stories" digest (CHANNEL_DIGEST_CRON). */
export const CHANNEL_DIGEST_JOB = "channel-digest";

/** The bot's scheduled jobs. */
export function createJobs(deps: {
  services: Services;
  ingest: IngestDeps;
  outbox: OutboxDeps;
  /** Sends the review cards of stories that arrived since the last offer (this bot's ingest runs and `cli ingest`'s). */
  reviews: Pick<ReviewActions, "sendNewCards">;
  api: Pick<Api, "sendMessage">;
  budget: SendBudget;
  /** Channel posts and alerts are sent only by the instance holding it. */
  sender: SenderLease;
  logger: Logger;
  health: Health;
  /** Readers' alerts and digests are written in each reader's language; the channel's texts in CHANNEL_LANGUAGE. */
  translations: Translations;
}): Job[] {
  const { services, ingest, outbox, sender } = deps;
  const { config } = services;
  // Cards are the editors' view of what waits: a failure to send them must not fail the ingest or
  // the post that went out. The mark did not move, so the next run offers them again.
  const sendNewCards = () =>
    deps.reviews
      .sendNewCards()
      .catch((error: unknown) => deps.logger.warn({ ...describeError(error) }, "could not offer the new review cards; the next run tries again"));
  const digestJobs: Job[] = [];
  if (config.channelDigestCron !== null) {
    const digest: ChannelDigestDeps = {
      ...outbox,
      digests: services.digests,
      logger: deps.logger.child({ job: CHANNEL_DIGEST_JOB }),
      title: deps.translations.translator(config.channelLanguage)("channel-digest-title"),
    };
    digestJobs.push({ name: CHANNEL_DIGEST_JOB, cron: config.channelDigestCron, when: () => sender.holds(), run: () => sendChannelDigest(digest) });
  }
  return [
    {
      name: INGEST_JOB,
      cron: services.config.ingestCron,
      run: async (signal) => {
        const report = await ingestAllFeeds(ingest, { signal, due: true });
        await sendNewCards();
        return report;
      },
    },
    {
      name: "publish",
      cron: services.config.postCron,
      when: () => sender.holds(),
      // Both ticks fire on the minute: after this minute's ingest, its fresh story goes now, not a minute later.
      after: { job: INGEST_JOB, maxWaitMs: PUBLISH_WAITS_FOR_INGEST_MS },
      run: async () => {
        const outcome = await publishNextPost(outbox);
        // Stories for review stored by `cli ingest` (another process, no bot) get their cards here.
        await sendNewCards();
        return outcome;
      },
    },
    { name: "outbox-watchdog", cron: "*/30 * * * * *", run: () => recoverOutbox(outbox) },
    ...createAlertJobs({ services, api: deps.api, budget: deps.budget, sender, logger: deps.logger, translator: deps.translations.translator }),
    ...digestJobs,
    ...createHealthJobs(deps.health, services.instanceId),
  ];
}
