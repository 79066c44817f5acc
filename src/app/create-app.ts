/**
 * The whole application, assembled from a config: services, bot, jobs and HTTP
 * server. main.ts starts it for real; the integration tests start and stop it
 * (and start it again on the same database) exactly the same way.
 */
import { setTimeout as sleep } from "node:timers/promises";

import { run, type RunnerHandle } from "@grammyjs/runner";
import { Api, GrammyError, webhookCallback, type Bot } from "grammy";
import type { Update, UserFromGetMe } from "grammy/types";

import type { BotContext } from "../bot/context.js";
import { createBot } from "../bot/create-bot.js";
import { registerEditorCommands } from "../bot/editor-commands.js";
import type { ReaderDeps } from "../bot/features/reader/reader-deps.js";
import { createPacingTransformer, floodDelayText } from "../bot/pacing-transformer.js";
import { registerReaderCommands } from "../bot/reader-commands.js";
import { createLanguageNegotiator, type LanguageNegotiator } from "../bot/language-negotiator.js";
import { createRetryTransformer } from "../bot/retry-transformer.js";
import { createTranslations } from "../i18n/create-i18n.js";
import type { Language } from "../i18n/languages.js";
import type { Translate } from "../i18n/translate.js";
import { createTelegramErrorMetrics } from "../bot/telegram-error-metrics.js";
import { runSelfCheck } from "../bot/self-check.js";
import { PAID_BROADCAST_PER_SECOND, parseChatRef, type ChatRef, type Config } from "../config.js";
import { openDatabase, type Database } from "../db/client.js";
import type { FetcherDeps } from "../ingest/fetch/create-fetcher.js";
import type { IngestDeps } from "../ingest/ingest-feeds.js";
import type { Logger } from "../logger.js";
import type { Newsroom } from "../newsroom/newsroom.js";
import { createAdminNotifier, type AdminNotifier } from "../ops/admin-notifier.js";
import { telegramFailureReason } from "../ops/telegram-failure-reason.js";
import { createTelegramReachability } from "../ops/telegram-reachability.js";
import { publishNextPost, type OutboxDeps } from "../publish/outbox.js";
import { chatKeyOf, createSendBudget, type ReplyBudget } from "../publish/send-budget.js";
import { createSenderLease, type SenderLease } from "../publish/sender-lease.js";
import { escapeHtml } from "../publish/telegram-html.js";
import { createTokenBucket } from "../readers/token-bucket.js";
import { createScheduler, type Scheduler } from "../scheduler.js";
import { createServer, type HttpServer, type Route } from "../server/create-server.js";
import { createHealthRoutes } from "../server/health-routes.js";
import { createMetricsRoute } from "../server/metrics-route.js";
import { createReaderRoutes } from "../server/reader-routes.js";
import { ALERT_JOBS } from "./alert-jobs.js";
import { createHealth, type Health } from "./create-health.js";
import { createIngestDeps, createJobs, createOutboxDeps } from "./create-jobs.js";
import { createNewsroom } from "./create-newsroom.js";
import { createReviewCards } from "../bot/features/editor/review-card-messages.js";
import { createPostStyle } from "./create-post-style.js";
import { createOperationsJobs } from "./operations-jobs.js";
import { createServices, type Services } from "./create-services.js";
import { StartupError } from "../startup-error.js";
import { describeError } from "../ops/describe-error.js";

/** Searches (commands and inline queries together) one reader may make per {@link SEARCH_THROTTLE_PERIOD_MS}. */
const SEARCH_THROTTLE_LIMIT = 5;
const SEARCH_THROTTLE_PERIOD_MS = 10_000;
/** How often long polling asks again while Telegram does not answer. */
const POLL_RETRY_MS = 3_000;
/** How long polling waits before starting again after Telegram ended it (a 409 conflict). */
const POLL_RESTART_MS = 30_000;

/** The readers' dependencies, built from the application's services. */
function createReaderDeps(services: Services, languages: LanguageNegotiator, channelId: ChatRef): ReaderDeps {
  return {
    subscribers: services.subscribers,
    languages,
    channelId,
    topics: services.topics.shownToReaders(!services.config.topicsOpen),
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
  // Editors demoted in the admin chat lose their rights at once (the bot must be an administrator there).
  "chat_member",
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
  /**
   * Called when the bot can never start as configured (Telegram rejects BOT_TOKEN); main.ts
   * prints the line and exits. Without it the line is logged as an error.
   */
  onFatal?: (message: string) => void;
}

export interface App {
  services: Services;
  newsroom: Newsroom;
  bot: Bot<BotContext>;
  admin: AdminNotifier;
  health: Health;
  scheduler: Scheduler;
  server: HttpServer;
  ingestDeps: IngestDeps;
  outboxDeps: OutboxDeps;
  /** Whether this instance is the one that sends channel posts and alerts. */
  sender: SenderLease;
  /** Starts jobs, the HTTP server and the bot (polling or webhook); returns the HTTP port. */
  start(options?: { listen?: boolean; receiveUpdates?: boolean }): Promise<number | null>;
  /** Stops taking updates, cancels work in flight, waits for it, closes the database. Safe to call twice. */
  stop(): Promise<void>;
}

/** Assembles the application. Nothing starts until `start()`. */
export async function createApp(options: AppOptions): Promise<App> {
  const { config, logger } = options;
  if (!config.botToken || config.channelId === null) throw new Error("the bot needs BOT_TOKEN and CHANNEL_ID");
  // Aborted by stop(): fetches in flight, the getMe back-off and running jobs all end at once.
  const stopping = new AbortController();
  const db = options.db ?? (await openDatabase(config.database, { backupDir: config.backup.dir, logger }));
  const services = createServices({
    config,
    logger,
    db,
    fetcherDeps: { ...options.fetcherDeps, stopSignal: stopping.signal },
    ...(options.now ? { now: options.now } : {}),
  });
  await services.adminChat.load();
  const budget =
    options.sendBudget ?? createSendBudget({ paidAlertsPerSecond: config.allowPaidBroadcast ? PAID_BROADCAST_PER_SECOND : null });
  // The bot's own messages (replies, edits, notices) are paced through the same budget, ahead of alerts.
  const pacing = createPacingTransformer({
    budget,
    onFloodWaitOver: async (chatKey, delayMs) => {
      const adminChatId = services.adminChat.get();
      if (adminChatId !== null && chatKeyOf(adminChatId) === chatKey) await admin.notify((t) => escapeHtml(floodDelayText(t, delayMs)));
    },
  });
  // The outbox and the alerts use an Api without auto-retry or pacing: they take the budget and apply their own policy.
  const plainApi = new Api(config.botToken, { apiRoot: config.telegramApiRoot, timeoutSeconds: 20 });
  // Editors' corrections of channel messages retry like the bot's own calls (each retried 429 counted).
  const editingApi = new Api(config.botToken, { apiRoot: config.telegramApiRoot, timeoutSeconds: 60 });
  // Every Api the app creates reports whether Telegram answers and counts its errors; all but the
  // outbox's (which takes the send budget itself) keep to the per-chat pace. Auto-retry goes around them.
  const telegram = createTelegramReachability({
    now: services.now,
    apiRoot: config.telegramApiRoot,
    // At start the start-up loop says it; later the long-polling runner retries quietly, so this is the one line.
    changes: {
      lost: (reason) => {
        if (telegram.state().lastOkAt) logger.warn({ reason }, `Telegram stopped answering (${reason}); updates, posts and alerts wait and are retried every ${POLL_RETRY_MS / 1000} s`);
      },
      regained: (silentMs) => logger.info({ silentMs }, `Telegram answers again after ${Math.round(silentMs / 1000)} s`),
    },
  });
  const watched = [telegram.transformer, createTelegramErrorMetrics(services.metrics)];
  plainApi.config.use(...watched);
  editingApi.config.use(...watched, pacing, createRetryTransformer());
  // Notices time out quickly (the notifier's own limit) and never retry beyond the pacing.
  const noticeApi = new Api(config.botToken, { apiRoot: config.telegramApiRoot, timeoutSeconds: 20 });
  noticeApi.config.use(...watched, pacing);
  const translations = createTranslations();
  const adminTranslate = translations.translator(config.adminLanguage);
  const admin = createAdminNotifier({ api: noticeApi, adminChatId: () => services.adminChat.get(), translate: adminTranslate, logger });
  const health = createHealth({
    services,
    admin,
    // grammY types its signal with the abort-controller polyfill's type; the platform's is compatible.
    telegram: { watch: telegram, recheck: () => plainApi.getMe(AbortSignal.timeout(3_000) as unknown as Parameters<Api["getMe"]>[0]) },
  });

  const postStyle = createPostStyle(config, translations.translator(config.channelLanguage));
  const ingestDeps = createIngestDeps({ services, admin, logger: logger.child({ job: "ingest" }) });
  const outboxDeps = createOutboxDeps({ services, api: plainApi, budget, admin, logger: logger.child({ job: "publish" }), style: postStyle });
  const newsroom = createNewsroom({
    services,
    admin,
    health,
    postStyle: () => postStyle,
    adminTranslate: () => adminTranslate,
    channel: {
      publish: (postId) => publishNextPost(outboxDeps, { postId }),
      messages: {
        edit: async (chatId, messageId, message) => {
          if (message.media === "photo") {
            await editingApi.editMessageCaption(parseChatRef(chatId), messageId, { caption: message.caption, parse_mode: "HTML" });
          } else {
            await editingApi.editMessageText(parseChatRef(chatId), messageId, message.text, { parse_mode: "HTML", link_preview_options: message.linkPreview });
          }
        },
        remove: async (chatId, messageId) => {
          await editingApi.deleteMessage(parseChatRef(chatId), messageId);
        },
      },
      breakingSent: () => {
        // Fan out now, then send (only the sender instance sends; the others' runNow does nothing).
        scheduler
          .runNow(ALERT_JOBS.fanOut)
          .then(() => scheduler.runNow(ALERT_JOBS.send))
          .catch((error: unknown) => logger.warn({ ...describeError(error) }, "could not send breaking news alerts at once; the next tick sends them"));
      },
      cards: createReviewCards({ api: editingApi, adminChatId: () => services.adminChat.get(), translate: adminTranslate, logger }),
    },
  });
  const languages = createLanguageNegotiator({
    chosenLanguages: () => services.subscribers.chosenLanguages(),
    channelLanguage: config.channelLanguage,
  });
  const bot = createBot(
    { token: config.botToken, apiRoot: config.telegramApiRoot, apiTransformers: [...watched, pacing], ...(options.botInfo ? { botInfo: options.botInfo } : {}) },
    {
      logger,
      metrics: services.metrics,
      readers: createReaderDeps(services, languages, config.channelId),
      i18n: translations.middleware<BotContext>((ctx) => languages.negotiate(ctx)),
      fallbackTranslate: translations.translator("en"),
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
        translator: translations.translator,
        adminLanguage: config.adminLanguage,
      },
    },
  );
  const sender = createSenderLease({ leases: services.leases, instanceId: services.instanceId, now: services.now, logger });
  const jobs = [
    ...createJobs({ services, ingest: ingestDeps, outbox: outboxDeps, reviews: newsroom.reviews, api: plainApi, budget, sender, logger, health, translations }),
    ...createOperationsJobs({ services, logger }),
  ];
  const scheduler = createScheduler({
    jobs,
    leases: services.leases,
    instanceId: services.instanceId,
    timezone: config.timezone,
    logger,
    now: services.now,
    hooks: health.jobFailures,
  });

  const routes: Route[] = [...createHealthRoutes({ monitor: health.monitor })];
  routes.push(...createReaderRoutes({ engagement: services.engagement, config, now: services.now }));
  routes.push(createMetricsRoute({ metrics: services.metrics, token: config.metricsToken }));
  if (config.botMode === "webhook" && config.webhook) {
    const handle = webhookCallback(bot, "http", { secretToken: config.webhook.secret, timeoutMilliseconds: 55_000, onTimeout: "return" });
    routes.push({
      method: "POST",
      path: config.webhook.path,
      handler: async (req, res) => {
        try {
          await handle(req, res);
        } catch (error) {
          // Only a caller that knows the secret gets this far; Telegram never sends a body that is not JSON.
          if (!(error instanceof SyntaxError) || res.headersSent) throw error;
          logger.warn({ path: config.webhook?.path }, "webhook: refused a request whose body is not a JSON update (400)");
          res.writeHead(400, { "content-type": "application/json" }).end(JSON.stringify({ error: "the body is not a JSON update" }));
        }
      },
    });
  }
  const server = createServer({ routes, logger });

  let runner: RunnerHandle | null = null;
  let stopped = false;
  const apiRoot = config.telegramApiRoot;

  /** Retries `step` with a growing pause (one warning line each) until it works or the app stops; false when stopped. */
  const untilTelegramAnswers = async (what: string, step: () => Promise<unknown>): Promise<boolean> => {
    for (let attempt = 1; !stopped; attempt++) {
      try {
        await step();
        return true;
      } catch (error) {
        if (stopped) return false;
        const rejected = tokenRejection(error);
        if (rejected) {
          if (options.onFatal) options.onFatal(rejected);
          else logger.error(rejected);
          return false;
        }
        const waitMs = Math.min(60_000, 1000 * 2 ** attempt);
        const reason = telegramFailureReason(error);
        logger.warn({ apiRoot, reason, retryInMs: waitMs }, `cannot reach Telegram at ${apiRoot} (${what}: ${reason}); trying again in ${Math.round(waitMs / 1000)} s`);
        await sleep(waitMs, undefined, { signal: stopping.signal }).catch(() => undefined);
      }
    }
    return false;
  };

  let pollingRefusedNoticeSent = false;
  /**
   * Long polling, started again when Telegram ends it: a revoked token stops the app as at start;
   * a 409 (another process polls with this token, or a webhook is set) is said once, in the log and
   * the admin chat, and polling is tried again every 30 s, so the bot is never silently deaf.
   */
  const startPolling = (): void => {
    // silent: the runner would print each failed getUpdates with its URL, which carries the token; the
    // reachability watch logs the outage once. A fixed retry interval: the default doubles without a
    // cap and gives up after 15 hours, so a long outage would leave the bot deaf long after it ended.
    const handle = run(bot, {
      runner: { fetch: { allowed_updates: ALLOWED_UPDATES }, silent: true, retryInterval: POLL_RETRY_MS, maxRetryTime: Number.POSITIVE_INFINITY },
    });
    runner = handle;
    void handle.task()?.catch(async (error: unknown) => {
      if (stopped) return;
      const rejected = tokenRejection(error);
      if (rejected) {
        if (options.onFatal) options.onFatal(rejected);
        else logger.error(rejected);
        return;
      }
      logger.error({ reason: telegramFailureReason(error) }, pollingStoppedLine(error));
      if (!pollingRefusedNoticeSent) {
        pollingRefusedNoticeSent = true;
        await admin.notify(escapeHtml(pollingStoppedLine(error)));
      }
      await sleep(POLL_RESTART_MS, undefined, { signal: stopping.signal }).catch(() => undefined);
      if (!stopped) startPolling();
    });
  };

  const startBot = async (): Promise<void> => {
    // Ingestion is already running: a Telegram outage delays only the bot's own start.
    if (!bot.isInited()) {
      const signal = stopping.signal as unknown as Parameters<typeof plainApi.getMe>[0];
      if (!(await untilTelegramAnswers("getMe", async () => (bot.botInfo = await plainApi.getMe(signal))))) return;
    }
    await runSelfCheck({ api: plainApi, botId: bot.botInfo.id, channelId: config.channelId, adminChatId: services.adminChat.get(), admin, logger, english: translations.translator("en") });
    await registerCommands(bot, services.adminChat.get(), translations.translator).catch((error: unknown) =>
      logger.warn({ reason: telegramFailureReason(error) }, "could not register the command lists (setMyCommands); they are registered at the next start"),
    );
    if (config.botMode === "webhook" && config.webhook) {
      const { url, secret, path } = config.webhook;
      if (!(await untilTelegramAnswers("setWebhook", () => plainApi.setWebhook(url, { secret_token: secret, allowed_updates: ALLOWED_UPDATES })))) return;
      logger.info({ path }, "webhook set");
    } else {
      if (!(await untilTelegramAnswers("deleteWebhook", () => plainApi.deleteWebhook()))) return;
      if (stopped) return;
      startPolling();
      logger.info("long polling started");
    }
  };

  let botStarting: Promise<void> = Promise.resolve();
  let stoppingDone: Promise<void> | null = null;
  return {
    services,
    newsroom,
    bot,
    admin,
    health,
    scheduler,
    server,
    ingestDeps,
    outboxDeps,
    sender,
    async start(startOptions = {}) {
      const port = startOptions.listen === false ? null : await listenOn(server, config.port);
      if (port !== null) logger.info({ port }, "HTTP server listening");
      sender.start();
      scheduler.start();
      // The first heartbeat at once, so `cli status` sees this bot without waiting a minute.
      scheduler.runNow(`heartbeat:${services.instanceId}`).catch((error: unknown) => logger.warn({ ...describeError(error) }, "first heartbeat failed"));
      if (startOptions.receiveUpdates !== false) {
        botStarting = startBot().catch((error: unknown) => logger.error({ ...describeError(error) }, "the bot could not start"));
      }
      return port;
    },
    stop() {
      stopped = true;
      stoppingDone ??= (async () => {
        // Cancels fetches in flight (an editor's /queue, a long ingest) so nothing below waits for them.
        stopping.abort();
        if (runner?.isRunning()) await runner.stop();
        await botStarting;
        await server.close();
        await scheduler.stop();
        // After the jobs: whatever Telegram took must be recorded, and only then may another instance send.
        await outboxDeps.confirmations.stop();
        await sender.stop();
        await services.fetcher.close();
        await services.extractor.close();
        await db.close();
      })();
      return stoppingDone;
    },
  };
}

/** The one line for a token Telegram refuses (401, or 404 for a token of no bot), else null. */
function pollingStoppedLine(error: unknown): string {
  if (error instanceof GrammyError && error.error_code === 409) {
    return (
      `Telegram does not give this instance its updates (409 ${error.description}): another process is long-polling with this BOT_TOKEN, or a webhook is set. ` +
      `Only one instance may use long polling (run the others with BOT_MODE=webhook). Trying again every ${POLL_RESTART_MS / 1000} s`
    );
  }
  return `long polling stopped (${telegramFailureReason(error)}); starting it again in ${POLL_RESTART_MS / 1000} s`;
}

function tokenRejection(error: unknown): string | null {
  if (!(error instanceof GrammyError) || (error.error_code !== 401 && error.error_code !== 404)) return null;
  return `Telegram rejected BOT_TOKEN (${error.error_code} ${error.description}): copy the token again from @BotFather (/mybots → API Token) into .env`;
}

/** Opens the HTTP server, turning the usual operator mistakes into one line naming PORT. */
async function listenOn(server: HttpServer, port: number): Promise<number> {
  try {
    return await server.listen(port);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "EADDRINUSE") throw new StartupError(`PORT ${port} is already in use by another program: stop it, or set PORT to a free port`);
    if (code === "EACCES") throw new StartupError(`PORT ${port} needs more privileges than this user has: set PORT to 1024 or above`);
    throw error;
  }
}

/** Registers reader commands for private chats (in every language) and editor commands for the admin chat only. */
export async function registerCommands(bot: Bot<BotContext>, adminChatId: ChatRef | null, translator: (language: Language) => Translate): Promise<void> {
  await registerReaderCommands(bot.api, translator);
  if (adminChatId !== null) await registerEditorCommands(bot.api, adminChatId, translator);
}
