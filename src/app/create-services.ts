/**
 * The application's services: every repository and outside client, created once
 * from explicit dependencies. The composition root (this folder) builds them for
 * the bot and the CLI; handlers, use cases and jobs receive only the parts they need.
 */
import type { StorageAdapter } from "grammy";

import { parseChatRef, type ChatRef, type Config } from "../config.js";
import { createAlertsRepository, type AlertsRepository } from "../db/alerts.js";
import { createArticlesRepository, type ArticlesRepository } from "../db/articles.js";
import { createAuditLogRepository, type AuditLogRepository } from "../db/audit-log.js";
import { createChannelDigestsRepository, type ChannelDigestsRepository } from "../db/channel-digests.js";
import { createChannelPostsRepository, type ChannelPostsRepository } from "../db/channel-posts.js";
import type { Database } from "../db/client.js";
import { createPostCorrectionsRepository, type PostCorrectionsRepository } from "../db/post-corrections.js";
import { createEngagementRepository, type EngagementRepository } from "../db/engagement.js";
import { createFeedsRepository, type FeedsRepository } from "../db/feeds.js";
import { createJobLeasesRepository, type JobLeasesRepository } from "../db/job-leases.js";
import { createSearchRepository, type SearchRepository } from "../db/search.js";
import { createSessionStorage } from "../db/sessions.js";
import { createSettingsRepository, type SettingsRepository } from "../db/settings.js";
import { createSubscribersRepository, type SubscribersRepository } from "../db/subscribers.js";
import { createTopicsRepository, type TopicsRepository } from "../db/topics.js";
import type { Fetcher, FetcherDeps, FetcherOptions } from "../ingest/fetch/create-fetcher.js";
import { parsePrivateAddressPolicy } from "../ingest/fetch/private-address-policy.js";
import type { Logger } from "../logger.js";
import { createMetrics, metricsSourcesFrom, type Metrics } from "../ops/metrics.js";
import { createExtractionPool, type Extractor } from "../ingest/workers/create-extraction-pool.js";
import { describeInstance } from "./describe-instance.js";

export interface Services {
  config: Config;
  logger: Logger;
  db: Database;
  /** Names this process in leases and claims. */
  instanceId: string;
  now: () => Date;
  feeds: FeedsRepository;
  articles: ArticlesRepository;
  posts: ChannelPostsRepository;
  corrections: PostCorrectionsRepository;
  /** The channel's "Top stories" digests (CHANNEL_DIGEST_CRON). */
  digests: ChannelDigestsRepository;
  topics: TopicsRepository;
  subscribers: SubscribersRepository;
  settings: SettingsRepository;
  audit: AuditLogRepository;
  leases: JobLeasesRepository;
  alerts: AlertsRepository;
  engagement: EngagementRepository;
  search: SearchRepository;
  fetcher: Fetcher;
  /** The process's metrics (GET /metrics); the database gauges are read at each scrape. */
  metrics: Metrics;
  /** Reads feeds and extracts pages in worker threads; closed with the fetcher. */
  extractor: Extractor;
  sessionStorage<T>(prefix: string): StorageAdapter<T>;
  /**
   * The editors' chat: ADMIN_CHAT_ID, unless Telegram upgraded that group to a
   * supergroup (a new id, remembered in the database). Call `load()` once at start.
   */
  adminChat: {
    get(): ChatRef | null;
    set(chatId: ChatRef): Promise<void>;
    load(): Promise<void>;
  };
}

/** Settings key prefix under which a migrated admin chat id is kept, per configured ADMIN_CHAT_ID. */
const ADMIN_CHAT_SETTING = "admin.chat_id";

/**
 * The fetcher, loaded at its first request: undici and the decoding stack are a large
 * part of a start, and a bot without feeds or a CLI command that only reads never fetches.
 */
function createLazyFetcher(options: FetcherOptions, deps: () => FetcherDeps): Fetcher {
  let loaded: Promise<Fetcher> | null = null;
  const fetcher = () => (loaded ??= import("../ingest/fetch/create-fetcher.js").then(({ createFetcher }) => createFetcher(options, deps())));
  return {
    fetch: async (request) => (await fetcher()).fetch(request),
    postJson: async (request) => (await fetcher()).postJson(request),
    close: async () => {
      if (loaded) await (await loaded).close();
    },
  };
}

export function createServices(deps: {
  config: Config;
  logger: Logger;
  db: Database;
  fetcherDeps?: FetcherDeps;
  now?: () => Date;
  /** Who this process is, for leases and claims (default: the bot). */
  instanceId?: string;
}): Services {
  const prisma = deps.db.prisma;
  const { config } = deps;
  const settings = createSettingsRepository(prisma);
  const now = deps.now ?? (() => new Date());
  const feeds = createFeedsRepository(prisma);
  const posts = createChannelPostsRepository(prisma);
  const alerts = createAlertsRepository(prisma);
  // The readers' hot data (latest pages, topics, /popular candidates, searches) comes from memory.
  const { readCache } = deps.db;
  const articles = createArticlesRepository(prisma, readCache);
  // Created at first use: a CLI command that only reads never loads prom-client.
  let metrics: Metrics | null = null;
  const getMetrics = () => (metrics ??= createMetrics({ sources: metricsSourcesFrom({ posts, alerts, feeds, articles }), now }));
  let adminChatId: ChatRef | null = config.adminChatId;
  return {
    config,
    logger: deps.logger,
    db: deps.db,
    instanceId: deps.instanceId ?? describeInstance("the bot"),
    now,
    feeds,
    articles,
    posts,
    corrections: createPostCorrectionsRepository(prisma),
    digests: createChannelDigestsRepository(prisma),
    topics: createTopicsRepository(prisma, readCache),
    subscribers: createSubscribersRepository(prisma),
    settings,
    audit: createAuditLogRepository(prisma),
    leases: createJobLeasesRepository(prisma),
    alerts,
    engagement: createEngagementRepository(prisma, readCache),
    search: createSearchRepository(deps.db),
    fetcher: createLazyFetcher(
      {
        allowPrivate: parsePrivateAddressPolicy(config.allowPrivateUrls),
        userAgent: config.fetch.userAgent,
        connectTimeoutMs: config.fetch.connectTimeoutMs,
        requestTimeoutMs: config.fetch.requestTimeoutMs,
        maxFeedBytes: config.fetch.maxFeedBytes,
        maxPageBytes: config.fetch.maxPageBytes,
      },
      () => ({ ...deps.fetcherDeps, metrics: getMetrics() }),
    ),
    get metrics() {
      return getMetrics();
    },
    extractor: createExtractionPool(config.extract),
    sessionStorage: <T>(prefix: string) => createSessionStorage<T>(prisma, prefix),
    adminChat: {
      get: () => adminChatId,
      async set(chatId) {
        adminChatId = chatId;
        if (config.adminChatId !== null) await settings.set(`${ADMIN_CHAT_SETTING}.from.${config.adminChatId}`, String(chatId));
      },
      async load() {
        if (config.adminChatId === null) return;
        const stored = await settings.get(`${ADMIN_CHAT_SETTING}.from.${config.adminChatId}`);
        if (stored) adminChatId = parseChatRef(stored);
      },
    },
  };
}

