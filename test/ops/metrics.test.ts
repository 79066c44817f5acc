/**
 * GET /metrics as Prometheus scrapes it, through a real HTTP server, after real work:
 * posts sent and refused by Telegram, feeds ingested, alerts sent, updates handled.
 * The database gauges are read from real rows, on SQLite and on PostgreSQL.
 */
import { Api, Bot } from "grammy";
import { http, HttpResponse } from "msw";
import { afterAll, afterEach, beforeEach, describe, expect, it } from "vitest";

import { createTelegramErrorMetrics } from "../../src/bot/telegram-error-metrics.js";
import { createUpdateTiming } from "../../src/bot/update-timing.js";
import { createAlertsRepository } from "../../src/db/alerts.js";
import { createArticlesRepository } from "../../src/db/articles.js";
import { createChannelPostsRepository } from "../../src/db/channel-posts.js";
import type { Database } from "../../src/db/client.js";
import { createFeedsRepository } from "../../src/db/feeds.js";
import { createSettingsRepository } from "../../src/db/settings.js";
import { createSubscribersRepository } from "../../src/db/subscribers.js";
import { createTopicsRepository } from "../../src/db/topics.js";
import type { Fetcher } from "../../src/ingest/fetch/create-fetcher.js";
import { ingestAllFeeds } from "../../src/ingest/ingest-feeds.js";
import { createSendConfirmations } from "../../src/publish/send-confirmations.js";
import { createExtractionPool } from "../../src/ingest/workers/create-extraction-pool.js";
import { createMetrics, metricsSourcesFrom, type Metrics } from "../../src/ops/metrics.js";
import { sendDueAlerts } from "../../src/publish/alerts/send-due-alerts.js";
import { publishNextPost, type OutboxDeps } from "../../src/publish/outbox.js";
import type { SendBudget } from "../../src/publish/send-budget.js";
import { createServer, type HttpServer } from "../../src/server/create-server.js";
import { createMetricsRoute } from "../../src/server/metrics-route.js";
import { numberedStory, seedNotPostedStories } from "../support/articles.js";
import { CHANNEL_ID, memoryLogger } from "../support/config.js";
import { createTestDatabase, TEST_PROVIDERS, type TestDatabase } from "../support/database.js";
import { allowLoopback, server } from "../support/msw.js";
import { BOT_INFO, installFakeTelegram, privateMessage, TEST_API_ROOT, TEST_TOKEN, type FakeTelegram } from "../support/telegram.js";
import { createTestFetcher, rss, serve } from "../support/web.js";
import { testPostStyle } from "../support/post-style.js";

/** One extraction pool for the file: a worker thread starts once. */
const extractor = createExtractionPool({ timeoutMs: 15_000, workers: 1 });
afterAll(() => extractor.close());

const T0 = new Date("2026-11-28T12:00:00Z");
const METRICS_TOKEN = "scrape-token-0123456789";

/** A budget that never waits (the pacing itself is tested elsewhere). */
const openBudget: SendBudget = { take: () => Promise.resolve(), send: (_chat, _priority, send) => send(), pause: () => undefined };

const story = (title: string, link: string) => ({
  title,
  link,
  description: `${title} — the full story from our correspondents, with reactions, background and what happens next in the days ahead.`,
  pubDate: new Date(T0.getTime() - 3_600_000),
});

/** Serves `metrics` on a real HTTP server on 127.0.0.1; returns its base URL. */
async function serveMetrics(metrics: Metrics, token: string | null): Promise<{ http: HttpServer; base: string }> {
  const httpServer = createServer({ routes: [createMetricsRoute({ metrics, token })], logger: memoryLogger().logger });
  const port = await httpServer.listen(0, "127.0.0.1");
  return { http: httpServer, base: `http://127.0.0.1:${port}` };
}

/** The sample lines of the metrics whose names start with `prefix`, as Prometheus reads them. */
function samples(text: string, prefix: string): string[] {
  return text.split("\n").filter((line) => line.startsWith(prefix));
}

/** The repositories the instrumented work uses, on one database. */
function repositoriesOf(db: Database) {
  const prisma = db.prisma;
  return {
    feeds: createFeedsRepository(prisma),
    articles: createArticlesRepository(prisma),
    topics: createTopicsRepository(prisma),
    posts: createChannelPostsRepository(prisma),
    settings: createSettingsRepository(prisma),
    subscribers: createSubscribersRepository(prisma),
    alerts: createAlertsRepository(prisma),
  };
}

describe.each(TEST_PROVIDERS)("metrics on %s", (provider) => {
  let database: TestDatabase;
  let db: Database;
  let repos: ReturnType<typeof repositoriesOf>;
  let telegram: FakeTelegram;
  let metrics: Metrics;
  let clock: Date;
  const servers: HttpServer[] = [];
  const admin = { notify: () => Promise.resolve(true) };

  const outboxDeps = (api: OutboxDeps["api"]): OutboxDeps => ({
    ...repos,
    confirmations: createSendConfirmations({ logger: memoryLogger().logger }),
    api,
    budget: openBudget,
    channelId: CHANNEL_ID,
    admin,
    logger: memoryLogger().logger,
    instanceId: "test",
    now: () => clock,
    style: testPostStyle(),
    rules: { quietHours: null, maxPostsPerHour: null, timezone: "UTC" },
    metrics,
  });
  const ingest = (fetcher: Fetcher) =>
    ingestAllFeeds({ ...repos, fetcher, extractor, admin, logger: memoryLogger().logger, now: () => clock, summaryMaxChars: 400, feedMaxFailures: 10, metrics });

  const scrape = async (): Promise<string> => {
    const { http: httpServer, base } = await serveMetrics(metrics, METRICS_TOKEN);
    servers.push(httpServer);
    const response = await fetch(`${base}/metrics`, { headers: { authorization: `Bearer ${METRICS_TOKEN}` } });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/plain; version=0.0.4; charset=utf-8");
    return response.text();
  };

  beforeEach(async () => {
    database = await createTestDatabase(provider);
    db = await database.open();
    repos = repositoriesOf(db);
    telegram = installFakeTelegram();
    allowLoopback();
    clock = T0;
    metrics = createMetrics({ sources: metricsSourcesFrom(repos), now: () => clock });
  });
  afterEach(async () => {
    for (const httpServer of servers.splice(0)) await httpServer.close();
    await db.close();
    await database.drop();
  });

  it("counts a post sent, and a 429 as a failed post and a Telegram error with code 429", async () => {
    await repos.articles.storeBatch([numberedStory(1, T0)]);
    const api = new Api(TEST_TOKEN, { apiRoot: TEST_API_ROOT });
    api.config.use(createTelegramErrorMetrics(metrics));
    let calls = 0;
    telegram.answer("sendMessage", (payload) =>
      ++calls === 1
        ? { error_code: 429, description: "Too Many Requests: retry after 5", parameters: { retry_after: 5 } }
        : { result: { message_id: 77, date: 0, chat: { id: payload.chat_id, type: "channel" }, text: payload.text } },
    );
    const deps = outboxDeps(api);

    expect(await publishNextPost(deps)).toMatchObject({ kind: "not-sent", action: "retry" });
    clock = new Date(T0.getTime() + 5_000);
    expect(await publishNextPost(deps)).toMatchObject({ kind: "sent", messageId: 77 });

    const text = await scrape();
    expect(samples(text, "newsdesk_posts_")).toEqual([
      "newsdesk_posts_sent_total 1",
      'newsdesk_posts_failed_total{reason="flood_wait"} 1',
      'newsdesk_posts_failed_total{reason="forbidden"} 0',
      'newsdesk_posts_failed_total{reason="bad_request"} 0',
      'newsdesk_posts_failed_total{reason="server_error"} 0',
      'newsdesk_posts_failed_total{reason="network"} 0',
      'newsdesk_posts_failed_total{reason="uncertain"} 0',
    ]);
    expect(samples(text, "newsdesk_telegram_errors_total")).toContain('newsdesk_telegram_errors_total{code="429"} 1');
    expect(samples(text, "newsdesk_outbox_")).toEqual(["newsdesk_outbox_due 0", "newsdesk_outbox_oldest_due_seconds 0"]);
  });

  it("shows an editor's post that is due and waiting, and for how long", async () => {
    const [late, later] = await repos.articles.storeBatch([numberedStory(1, T0), numberedStory(2, T0)]);
    const due = await repos.posts.create({ articleId: late!.id, origin: "editor", scheduledAt: new Date("2026-11-28T12:00:00Z") });
    await repos.posts.create({ articleId: later!.id, origin: "editor", scheduledAt: new Date("2026-11-28T13:00:00Z") });
    await db.prisma.channelPost.update({ where: { id: due!.id }, data: { createdAt: new Date("2026-11-28T11:00:00Z") } });

    clock = new Date("2026-11-28T12:15:00Z");
    expect(samples(await scrape(), "newsdesk_outbox_")).toEqual(["newsdesk_outbox_due 1", "newsdesk_outbox_oldest_due_seconds 900"]);
  });

  it("counts the stories that outlived the auto-post window unposted", async () => {
    await seedNotPostedStories(db, repos.articles, T0);
    expect(samples(await scrape(), "newsdesk_stories_not_posted")).toEqual(["newsdesk_stories_not_posted 2"]);
  });

  it("counts feed items by what became of them, times fetches, and counts feeds by state", async () => {
    const { feeds } = repos;
    const wire = await feeds.add({ url: "https://wire.example.com/rss.xml" });
    await feeds.addFilter(wire.id, "exclude", "sport");
    serve(
      "https://wire.example.com/rss.xml",
      rss([
        story("Parliament passes budget", "https://wire.example.com/budget"),
        story("Storm closes ports", "https://wire.example.com/storm"),
        story("Parliament passes budget", "https://wire.example.com/budget?utm_source=rss"),
        story("Sport: cup final tonight", "https://wire.example.com/cup"),
        story("A story without a link", ""),
      ]),
    );
    await feeds.add({ url: "https://gone.example.com/rss.xml" });
    server.use(http.get("https://gone.example.com/rss.xml", () => new HttpResponse("gone", { status: 404, statusText: "Not Found" })));
    const paused = await feeds.add({ url: "https://paused.example.com/rss.xml" });
    await feeds.recordFailure(paused.id, { now: T0, error: "answered 410 Gone", nextFetchAt: null, pauseReason: "the feed answered 410 Gone: it was removed" });
    const resumed = await feeds.add({ url: "https://resumed.example.com/rss.xml" });
    await feeds.recordFailure(resumed.id, { now: T0, error: "answered 500", nextFetchAt: null, pauseReason: "10 failures in a row" });

    const fetcher = createTestFetcher({ metrics });
    try {
      await ingest(fetcher);
      // The next run finds the wire's stories stored already; the failing feed is backing off.
      await ingest(fetcher);
    } finally {
      await fetcher.close();
    }
    await feeds.resume(resumed.id);
    await feeds.add({ url: "https://new.example.com/rss.xml" });

    const text = await scrape();
    expect(samples(text, "newsdesk_ingest_items_total")).toEqual([
      'newsdesk_ingest_items_total{result="stored"} 2',
      'newsdesk_ingest_items_total{result="known"} 2',
      'newsdesk_ingest_items_total{result="duplicate"} 2',
      'newsdesk_ingest_items_total{result="filtered"} 2',
      'newsdesk_ingest_items_total{result="invalid"} 2',
    ]);
    // Two runs of the wire and one of the 404 (paused feeds are not fetched).
    expect(samples(text, "newsdesk_fetch_duration_seconds_count")).toEqual(['newsdesk_fetch_duration_seconds_count{kind="feed"} 3']);
    expect(samples(text, "newsdesk_feeds{")).toEqual([
      'newsdesk_feeds{state="ok"} 1',
      'newsdesk_feeds{state="error"} 1',
      'newsdesk_feeds{state="paused"} 1',
      'newsdesk_feeds{state="resumed"} 1',
      'newsdesk_feeds{state="new"} 1',
    ]);
  });

  it("counts alerts sent and the ones still waiting", async () => {
    for (const telegramId of [5001, 5002]) {
      const { id } = await repos.subscribers.register({ telegramId, chatId: telegramId, firstName: "Reader" });
      await repos.alerts.enqueue([{ subscriberId: id, kind: "digest", digestKey: "2026-11-28", text: "Your digest" }], clock);
    }
    expect(samples(await scrape(), "newsdesk_alerts_")).toEqual(["newsdesk_alerts_sent_total 0", "newsdesk_alerts_pending 2"]);

    const api = new Api(TEST_TOKEN, { apiRoot: TEST_API_ROOT });
    await sendDueAlerts({ alerts: repos.alerts, api, budget: openBudget, logger: memoryLogger().logger, instanceId: "test", now: () => clock, metrics });
    expect(samples(await scrape(), "newsdesk_alerts_")).toEqual(["newsdesk_alerts_sent_total 2", "newsdesk_alerts_pending 0"]);
  });
});

describe("the metrics endpoint", () => {
  const servers: HttpServer[] = [];
  beforeEach(() => allowLoopback());
  afterEach(async () => {
    for (const httpServer of servers.splice(0)) await httpServer.close();
  });
  const start = async (metrics: Metrics, token: string | null) => {
    const served = await serveMetrics(metrics, token);
    servers.push(served.http);
    return served.base;
  };

  it("with METRICS_TOKEN, answers 401 without the token or with a wrong one, and the metrics with it", async () => {
    const base = await start(createMetrics(), METRICS_TOKEN);
    for (const headers of [{}, { authorization: "Bearer wrong-token-0123456789" }, { authorization: METRICS_TOKEN }] as Record<string, string>[]) {
      const refused = await fetch(`${base}/metrics`, { headers });
      expect(refused.status).toBe(401);
      expect(refused.headers.get("www-authenticate")).toBe('Bearer realm="newsdesk metrics"');
      expect(await refused.text()).toBe("a bearer token (METRICS_TOKEN) is required\n");
    }
    const allowed = await fetch(`${base}/metrics`, { headers: { authorization: `Bearer ${METRICS_TOKEN}` } });
    expect(allowed.status).toBe(200);
    expect(await allowed.text()).toContain("newsdesk_posts_sent_total 0");
  });

  it("without a token, serves the metrics, the process's own among them, all named newsdesk_", async () => {
    const base = await start(createMetrics(), null);
    const text = await (await fetch(`${base}/metrics`)).text();
    expect(text).toContain("# TYPE newsdesk_process_cpu_user_seconds_total counter");
    expect(text).toContain("# TYPE newsdesk_nodejs_eventloop_lag_seconds gauge");
    const names = new Set(text.split("\n").filter((line) => line && !line.startsWith("#")).map((line) => line.split(/[{ ]/)[0]!));
    expect([...names].filter((name) => !name.startsWith("newsdesk_"))).toEqual([]);
    // Without the database, the gauges read from it are not shown at all (rather than as zeros).
    expect(text).not.toContain("newsdesk_outbox_due");
  });

  it("two apps in one process keep their own counts", async () => {
    const first = createMetrics();
    const second = createMetrics();
    first.postsSent.inc();
    expect(samples(await first.scrape(), "newsdesk_posts_sent_total")).toEqual(["newsdesk_posts_sent_total 1"]);
    expect(samples(await second.scrape(), "newsdesk_posts_sent_total")).toEqual(["newsdesk_posts_sent_total 0"]);
  });
});

describe("bot metrics", () => {
  let telegram: FakeTelegram;
  beforeEach(() => {
    telegram = installFakeTelegram();
  });

  it("times updates by kind and counts Telegram's refusals and unreachable calls by code", async () => {
    const metrics = createMetrics();
    const bot = new Bot(TEST_TOKEN, { botInfo: BOT_INFO, client: { apiRoot: TEST_API_ROOT } });
    bot.api.config.use(createTelegramErrorMetrics(metrics));
    bot.use(createUpdateTiming(metrics));
    bot.command("start", (ctx) => ctx.reply("Welcome"));
    bot.on("message", (ctx) => ctx.reply("Try /help"));

    await bot.handleUpdate(privateMessage("/start"));
    telegram.answer("sendMessage", () => ({ error_code: 403, description: "Forbidden: bot was blocked by the user" }));
    await expect(bot.handleUpdate(privateMessage("hello"))).rejects.toThrow("(403: Forbidden: bot was blocked by the user)");
    server.use(http.post(`${TEST_API_ROOT}/bot${TEST_TOKEN}/sendMessage`, () => HttpResponse.error()));
    await expect(bot.handleUpdate(privateMessage("hello again"))).rejects.toThrow("Network request for 'sendMessage' failed!");

    const text = await metrics.scrape();
    expect(samples(text, "newsdesk_update_duration_seconds_count")).toEqual([
      'newsdesk_update_duration_seconds_count{kind="command"} 1',
      'newsdesk_update_duration_seconds_count{kind="message"} 2',
    ]);
    expect(samples(text, "newsdesk_telegram_errors_total").filter((line) => !line.endsWith(" 0"))).toEqual([
      'newsdesk_telegram_errors_total{code="403"} 1',
      'newsdesk_telegram_errors_total{code="network"} 1',
    ]);
    expect(telegram.callsTo("sendMessage")).toHaveLength(2);
  });
});
