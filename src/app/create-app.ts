/**
 * The whole application, assembled from a config: services, bot, jobs and HTTP
 * server. main.ts starts it for real; the integration tests start and stop it
 * (and start it again on the same database) exactly the same way.
 */
import { setTimeout as sleep } from "node:timers/promises";

import { run, type RunnerHandle } from "@grammyjs/runner";
import { Api, webhookCallback, type Bot } from "grammy";
import type { Update, UserFromGetMe } from "grammy/types";

import type { BotContext } from "../bot/context.js";
import { createBot } from "../bot/create-bot.js";
import { EDITOR_COMMANDS } from "../bot/editor-commands.js";
import type { ReaderDeps } from "../bot/features/reader/reader-deps.js";
import { createPacingTransformer, floodDelayText } from "../bot/pacing-transformer.js";
import { READER_COMMANDS } from "../bot/reader-commands.js";
import { createRetryTransformer } from "../bot/retry-transformer.js";
import { runSelfCheck } from "../bot/self-check.js";
import { parseChatRef, type ChatRef, type Config } from "../config.js";
import { openDatabase, type Database } from "../db/client.js";
import type { FetcherDeps } from "../ingest/fetch/create-fetcher.js";
import type { IngestDeps } from "../ingest/ingest-feeds.js";
import type { Logger } from "../logger.js";
import type { Newsroom } from "../newsroom/newsroom.js";
import { createAdminNotifier, type AdminNotifier } from "../ops/admin-notifier.js";
import { publishNextPost, type OutboxDeps } from "../publish/outbox.js";
import { chatKeyOf, createSendBudget, type ReplyBudget } from "../publish/send-budget.js";
import { createSenderLease, type SenderLease } from "../publish/sender-lease.js";
import { escapeHtml } from "../publish/telegram-html.js";
import { createTokenBucket } from "../readers/token-bucket.js";
import { createScheduler, type Scheduler } from "../scheduler.js";
import { createServer, sendJson, type HttpServer, type Route } from "../server/create-server.js";
import { createReaderRoutes } from "../server/reader-routes.js";
import { createIngestDeps, createJobs, createOutboxDeps } from "./create-jobs.js";
import { createNewsroom } from "./create-newsroom.js";
import { createServices, type Services } from "./create-services.js";

/** Searches (commands and inline queries together) one reader may make per {@link SEARCH_THROTTLE_PERIOD_MS}. */
const SEARCH_THROTTLE_LIMIT = 5;
const SEARCH_THROTTLE_PERIOD_MS = 10_000;

/** The readers' dependencies, built from the application's services. */
function createReaderDeps(services: Services): ReaderDeps {
  return {
    subscribers: services.subscribers,
    topics: services.topics,
    articles: services.articles,
    engagement: services.engagement,
    search: services.search,
    searchThrottle: createTokenBucket({ capacity: SEARCH_THROTTLE_LIMIT, periodMs: SEARCH_THROTTLE_PERIOD_MS, now: services.now }),
    timezone: services.config.timezone,
    now: services.now,
    logger: services.logger.child({ feature: "readers" }),
  };
}

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
  /** The send budget shared by channel posts, alerts and the bot's replies (tests pass one on their own clock). */
  sendBudget?: ReplyBudget;
  /** Skips getMe at start (tests). */
  botInfo?: UserFromGetMe;
}

export interface App {
  services: Services;
  newsroom: Newsroom;
  bot: Bot<BotContext>;
  admin: AdminNotifier;
  scheduler: Scheduler;
  server: HttpServer;
  ingestDeps: IngestDeps;
  outboxDeps: OutboxDeps;
  /** Whether this instance is the one that sends channel posts and alerts. */
  sender: SenderLease;
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
  const budget = options.sendBudget ?? createSendBudget();
  // The bot's own messages (replies, edits, notices) are paced through the same budget, ahead of alerts.
  const pacing = createPacingTransformer({
    budget,
    onFloodWaitOver: async (chatKey, delayMs) => {
      const adminChatId = services.adminChat.get();
      if (adminChatId !== null && chatKeyOf(adminChatId) === chatKey) await admin.notify(escapeHtml(floodDelayText(delayMs)));
    },
  });
  // The outbox and the alerts use an Api without auto-retry or pacing: they take the budget and apply their own policy.
  const plainApi = new Api(config.botToken, { apiRoot: config.telegramApiRoot, timeoutSeconds: 20 });
  // Editors' corrections of channel messages retry like the bot's own calls.
  const editingApi = new Api(config.botToken, { apiRoot: config.telegramApiRoot, timeoutSeconds: 60 });
  editingApi.config.use(pacing, createRetryTransformer());
  // Notices time out quickly (the notifier's own limit) and never retry beyond the pacing.
  const noticeApi = new Api(config.botToken, { apiRoot: config.telegramApiRoot, timeoutSeconds: 20 });
  noticeApi.config.use(pacing);
  const admin = createAdminNotifier({ api: noticeApi, adminChatId: () => services.adminChat.get(), logger });

  const ingestDeps = createIngestDeps({ services, admin, logger: logger.child({ job: "ingest" }) });
  const outboxDeps = createOutboxDeps({ services, api: plainApi, budget, admin, logger: logger.child({ job: "publish" }) });
  const newsroom = createNewsroom({
    services,
    admin,
    channel: {
      publish: (postId) => publishNextPost(outboxDeps, { postId }),
      messages: {
        edit: async (chatId, messageId, html) => {
          await editingApi.editMessageText(parseChatRef(chatId), messageId, html, { parse_mode: "HTML" });
        },
        remove: async (chatId, messageId) => {
          await editingApi.deleteMessage(parseChatRef(chatId), messageId);
        },
      },
    },
  });
  const bot = createBot(
    { token: config.botToken, apiRoot: config.telegramApiRoot, apiTransformers: [pacing], ...(options.botInfo ? { botInfo: options.botInfo } : {}) },
    {
      logger,
      readers: createReaderDeps(services),
      editors: {
        newsroom,
        admin,
        adminChat: services.adminChat,
        channelId: config.channelId,
        editorIds: config.editorIds,
        timezone: config.timezone,
        now: services.now,
        logger: logger.child({ feature: "editors" }),
        sessionStorage: (prefix) => services.sessionStorage(prefix),
      },
    },
  );
  const sender = createSenderLease({ leases: services.leases, instanceId: services.instanceId, now: services.now, logger });
  const jobs = createJobs({ services, ingest: ingestDeps, outbox: outboxDeps, api: plainApi, budget, sender, logger });
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
  routes.push(...createReaderRoutes({ engagement: services.engagement }));
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
    newsroom,
    bot,
    admin,
    scheduler,
    server,
    ingestDeps,
    outboxDeps,
    sender,
    async start(startOptions = {}) {
      sender.start();
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
      // After the jobs: whatever Telegram took must be recorded, and only then may another instance send.
      await outboxDeps.confirmations.stop();
      await sender.stop();
      await services.fetcher.close();
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
