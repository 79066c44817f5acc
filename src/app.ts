/**
 * The whole application, assembled from a config: services, bot, jobs and HTTP
 * server. main.ts starts it for real; the integration tests start and stop it
 * (and start it again on the same database) exactly the same way.
 */
import { setTimeout as sleep } from "node:timers/promises";

import { run, type RunnerHandle } from "@grammyjs/runner";
import { Api, webhookCallback, type Bot } from "grammy";
import type { Update, UserFromGetMe } from "grammy/types";

import { createAdminNotifier, type AdminNotifier } from "./bot/admin-notifier.js";
import { EDITOR_COMMANDS } from "./bot/editor-commands.js";
import { READER_COMMANDS } from "./bot/reader-commands.js";
import type { BotContext } from "./bot/context.js";
import { createBot } from "./bot/create-bot.js";
import { runSelfCheck } from "./bot/self-check.js";
import type { ChatRef, Config } from "./config.js";
import { openDatabase, type Database } from "./db/client.js";
import { createIngestDeps } from "./ingest/create-ingest-deps.js";
import { ingestAllFeeds, INGEST_LEASE, type IngestDeps } from "./ingest/ingest-feeds.js";
import type { FetcherDeps } from "./ingest/fetch/create-fetcher.js";
import type { Logger } from "./logger.js";
import { createAlertJobs } from "./publish/alert-jobs.js";
import { publishNextPost, recoverOutbox, type OutboxDeps } from "./publish/outbox.js";
import { createSendBudget, type SendBudget } from "./publish/send-budget.js";
import { createReaderRoutes } from "./server/reader-routes.js";
import { createScheduler, type Job, type Scheduler } from "./scheduler.js";
import { createServer, sendJson, type HttpServer, type Route } from "./server/create-server.js";
import { createServices, type Services } from "./services.js";

/** The updates Newsdesk asks Telegram for (reaction counts only come when asked for). */
export const ALLOWED_UPDATES: ReadonlyArray<Exclude<keyof Update, "update_id">> = [
  "message",
  "edited_message",
  "callback_query",
  "inline_query",
  "my_chat_member",
  "message_reaction_count",
];

export interface AppOptions {
  config: Config;
  logger: Logger;
  /** An already open database (tests); otherwise DATABASE_URL is opened and migrated. */
  db?: Database;
  fetcherDeps?: FetcherDeps;
  now?: () => Date;
  /** The send budget shared by channel posts and alerts (tests pass one on their own clock). */
  sendBudget?: SendBudget;
  /** Skips getMe at start (tests). */
  botInfo?: UserFromGetMe;
}

export interface App {
  services: Services;
  bot: Bot<BotContext>;
  admin: AdminNotifier;
  scheduler: Scheduler;
  server: HttpServer;
  ingestDeps: IngestDeps;
  outboxDeps: OutboxDeps;
  /** Starts jobs, the HTTP server and the bot (polling or webhook); returns the HTTP port. */
  start(options?: { listen?: boolean; receiveUpdates?: boolean }): Promise<number | null>;
  /** Stops taking updates, lets in-flight work finish, closes the database. */
  stop(): Promise<void>;
}

/** Assembles the application. Nothing starts until `start()`. */
export async function createApp(options: AppOptions): Promise<App> {
  const { config, logger } = options;
  if (!config.botToken || config.channelId === null) throw new Error("the bot needs BOT_TOKEN and CHANNEL_ID");
  const db = options.db ?? (await openDatabase(config.database));
  const services = createServices({
    config,
    logger,
    db,
    ...(options.fetcherDeps ? { fetcherDeps: options.fetcherDeps } : {}),
    ...(options.now ? { now: options.now } : {}),
  });
  await services.adminChat.load();
  // The outbox and notices use an Api without auto-retry: they time out quickly and apply their own policy.
  const plainApi = new Api(config.botToken, { apiRoot: config.telegramApiRoot, timeoutSeconds: 20 });
  const admin = createAdminNotifier({ api: plainApi, adminChatId: () => services.adminChat.get(), logger });

  const ingestDeps: IngestDeps = createIngestDeps({ services, admin, logger: logger.child({ job: "ingest" }) });
  const budget = options.sendBudget ?? createSendBudget();
  const outboxDeps: OutboxDeps = {
    budget,
    posts: services.posts,
    articles: services.articles,
    settings: services.settings,
    api: plainApi,
    channelId: config.channelId,
    admin,
    logger: logger.child({ job: "publish" }),
    instanceId: services.instanceId,
    now: services.now,
    publicUrl: config.publicUrl,
    rules: { quietHours: config.quietHours, maxPostsPerHour: config.maxPostsPerHour, timezone: config.timezone },
  };
  const bot = createBot(
    { token: config.botToken, apiRoot: config.telegramApiRoot, ...(options.botInfo ? { botInfo: options.botInfo } : {}) },
    services,
    admin,
    outboxDeps,
  );
  const jobs: Job[] = [
    { name: INGEST_LEASE.name, cron: config.ingestCron, leaseMs: INGEST_LEASE.ms, run: () => ingestAllFeeds(ingestDeps) },
    { name: "publish", cron: config.postCron, leaseMs: 5 * 60_000, run: () => publishNextPost(outboxDeps) },
    { name: "outbox-watchdog", cron: "*/30 * * * * *", leaseMs: 60_000, run: () => recoverOutbox(outboxDeps) },
    ...createAlertJobs({ services, api: plainApi, budget, logger }),
  ];
  const scheduler = createScheduler({ jobs, leases: services.leases, instanceId: services.instanceId, timezone: config.timezone, logger, now: services.now });

  const routes: Route[] = [
    {
      method: "GET",
      path: "/healthz",
      handler: async (_req, res) => {
        await db.ping();
        sendJson(res, 200, { ok: true });
      },
    },
  ];
  routes.push(...createReaderRoutes(services));
  if (config.botMode === "webhook" && config.webhook) {
    const handle = webhookCallback(bot, "http", { secretToken: config.webhook.secret, timeoutMilliseconds: 55_000, onTimeout: "return" });
    routes.push({ method: "POST", path: config.webhook.path, handler: (req, res) => handle(req, res) });
  }
  const server = createServer({ routes, logger });

  let runner: RunnerHandle | null = null;
  let stopped = false;
  const stopping = new AbortController();

  const startBot = async (): Promise<void> => {
    // Retry getMe until Telegram answers: an outage must not stop ingestion, which is already running.
    for (let attempt = 1; !stopped; attempt++) {
      try {
        await bot.init();
        break;
      } catch (error) {
        const waitMs = Math.min(60_000, 1000 * 2 ** attempt);
        logger.error({ err: error, retryInMs: waitMs }, "cannot reach Telegram (getMe); retrying");
        await sleep(waitMs, undefined, { signal: stopping.signal }).catch(() => undefined);
      }
    }
    if (stopped) return;
    await runSelfCheck({ api: plainApi, botId: bot.botInfo.id, channelId: config.channelId, adminChatId: services.adminChat.get(), admin, logger });
    await registerCommands(bot, services.adminChat.get()).catch((error: unknown) => logger.warn({ err: error }, "setMyCommands failed"));
    if (config.botMode === "webhook" && config.webhook) {
      await bot.api.setWebhook(config.webhook.url, { secret_token: config.webhook.secret, allowed_updates: ALLOWED_UPDATES });
      logger.info({ path: config.webhook.path }, "webhook set");
    } else {
      await bot.api.deleteWebhook();
      runner = run(bot, { runner: { fetch: { allowed_updates: ALLOWED_UPDATES } } });
      logger.info("long polling started");
    }
  };

  let botStarting: Promise<void> = Promise.resolve();
  return {
    services,
    bot,
    admin,
    scheduler,
    server,
    ingestDeps,
    outboxDeps,
    async start(startOptions = {}) {
      scheduler.start();
      const port = startOptions.listen === false ? null : await server.listen(config.port);
      if (port !== null) logger.info({ port }, "HTTP server listening");
      if (startOptions.receiveUpdates !== false) {
        botStarting = startBot().catch((error: unknown) => logger.error({ err: error }, "the bot could not start"));
      }
      return port;
    },
    async stop() {
      stopped = true;
      stopping.abort();
      if (runner?.isRunning()) await runner.stop();
      await botStarting;
      await server.close();
      await scheduler.stop();
      await services.fetcher.close();
      await services.extractor.close();
      await db.close();
    },
  };
}

/** Registers reader commands for private chats and editor commands for the admin chat only. */
export async function registerCommands(bot: Bot<BotContext>, adminChatId: ChatRef | null): Promise<void> {
  await bot.api.setMyCommands(READER_COMMANDS, { scope: { type: "all_private_chats" } });
  if (adminChatId !== null && EDITOR_COMMANDS.length > 0) {
    await bot.api.setMyCommands(EDITOR_COMMANDS, { scope: { type: "chat", chat_id: adminChatId } });
  }
}
