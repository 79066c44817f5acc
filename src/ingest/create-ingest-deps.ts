/**
 * The ingest job's dependencies, built the same way for the scheduled job
 * (app.ts) and the operator's `ingest` command, so both summarise, notify and
 * fetch alike.
 */
import type { AdminNotifier } from "../bot/admin-notifier.js";
import type { Config } from "../config.js";
import type { Logger } from "../logger.js";
import type { Services } from "../services.js";
import type { IngestDeps } from "./ingest-feeds.js";
import { createLlmSummariser, type Summariser } from "./summary/llm-summariser.js";

/** The LLM summariser when SUMMARY_LLM_URL is set, else null (the extractive summary is used). */
function createConfiguredSummariser(config: Config, logger: Logger): Summariser | null {
  if (!config.summary.llm) return null;
  return createLlmSummariser(
    { ...config.summary.llm, maxChars: config.summary.maxChars },
    { onFallback: (reason) => logger.warn({ reason }, "LLM summary unavailable; using the extractive summary") },
  );
}

/** Everything `ingestAllFeeds` needs, from the services, the admin notifier and a logger. */
export function createIngestDeps(deps: {
  services: Pick<Services, "config" | "feeds" | "articles" | "topics" | "fetcher" | "extractor" | "now">;
  admin: AdminNotifier;
  logger: Logger;
}): IngestDeps {
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
    summariser: createConfiguredSummariser(services.config, logger),
  };
}
