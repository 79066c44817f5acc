/**
 * Readers' alerts as readers notice them: who gets a DM for a new channel post, the
 * daily digest at the hour they picked, and what happens when Telegram says "wait"
 * (429), a reader blocked the bot (403), or a sender stopped mid-run. On SQLite and
 * on PostgreSQL.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";

import { createApp, type App } from "../../../src/app/create-app.js";
import { createAlertsRepository, type AlertsRepository } from "../../../src/db/alerts.js";
import type { Database } from "../../../src/db/client.js";
import { ALERT_JOBS } from "../../../src/app/alert-jobs.js";
import { FANOUT_DONE_SETTING } from "../../../src/publish/alerts/fan-out-alerts.js";
import { ALERT_LEASE_MS, sendDueAlerts } from "../../../src/publish/alerts/send-due-alerts.js";
import type { SendBudget } from "../../../src/publish/send-budget.js";
import { memoryLogger, testConfig } from "../../support/config.js";
import { createTestDatabase, TEST_PROVIDERS, type TestDatabase } from "../../support/database.js";
import { BOT_INFO, installFakeTelegram, privateMessage, type FakeTelegram } from "../../support/telegram.js";
import { publicLookup } from "../../support/web.js";

const FOOTER = (tags: string) => `You get this because you follow ${tags} · /settings`;

function alertText(headline: string, url: string, summary: string, tags: string): string {
  return `<b><a href="${url}">${headline}</a></b>\n\n${summary}\n\n${FOOTER(tags)}`;
}

/** A budget that never waits and remembers every pause (the pacing itself is unit-tested). */
function recordingBudget(): SendBudget & { pauses: number[] } {
  const pauses: number[] = [];
  return { pauses, take: () => Promise.resolve(), send: (_chat, _priority, send) => send(), pause: (ms) => void pauses.push(ms) };
}

describe.each(TEST_PROVIDERS)("readers' alerts on %s", (provider) => {
  let database: TestDatabase;
  let db: Database;
  let app: App;
  let telegram: FakeTelegram;
  let alerts: AlertsRepository;
  // 08:10 in Berlin.
  let now = new Date("2026-11-28T07:10:00Z");

  const startApp = async (env: Record<string, string> = {}) => {
    db = await database.open();
    app = await createApp({
      config: testConfig(database.url, { TIMEZONE: "Europe/Berlin", ...env }),
      logger: memoryLogger().logger,
      db,
      botInfo: BOT_INFO,
      fetcherDeps: { lookup: publicLookup },
      now: () => now,
    });
    alerts = createAlertsRepository(db.prisma);
    // The only instance: it holds the sender lease, as it would seconds after start.
    expect(await app.sender.refresh()).toBe(true);
  };

  beforeEach(async () => {
    now = new Date("2026-11-28T07:10:00Z");
    telegram = installFakeTelegram();
    database = await createTestDatabase(provider);
    await startApp();
  });

  afterEach(async () => {
    await app.stop();
    await database.drop();
  });

  let nextReaderId = 5000;
  /** A reader who started the bot, follows `topics` and chose `mode`. */
  const reader = async (
    topics: string[],
    options: { mode?: string; digestHour?: number; status?: string; languageCode?: string; language?: string } = {},
  ) => {
    const telegramId = ++nextReaderId;
    const { id } = await app.services.subscribers.register({ telegramId, chatId: telegramId, firstName: "Reader", languageCode: options.languageCode ?? null });
    await db.prisma.subscriber.update({
      where: { id },
      data: {
        alertMode: options.mode ?? "instant",
        digestHour: options.digestHour ?? 8,
        status: options.status ?? "active",
        language: options.language ?? null,
      },
    });
    for (const slug of topics) {
      const topic = await app.services.topics.ensure(slug, slug);
      await db.prisma.subscription.create({ data: { subscriberId: id, topicId: topic.id } });
    }
    return { id, chatId: telegramId };
  };

  let nextStory = 0;
  /** A story that is in the channel: an article with topics, and its post sent at `sentAt`. */
  const channelPost = async (headline: string, topics: string[], sentAt: Date, summary = `${headline}: the details.`) => {
    const url = `https://news.example.com/story-${++nextStory}`;
    const [stored] = await app.services.articles.storeBatch([
      {
        url,
        guid: null,
        feedId: null,
        headline,
        summary,
        body: summary,
        section: null,
        author: null,
        language: "en",
        imageUrl: null,
        publishedAt: sentAt,
        modifiedAt: null,
        sortAt: sentAt,
        headlineKey: headline.toLowerCase(),
        autoPost: true,
        source: "feed",
        topics: topics.map((slug) => ({ slug, name: slug })),
        otherUrls: [],
      },
    ]);
    const post = await app.services.posts.create({ articleId: stored!.id, origin: "auto" });
    await db.prisma.channelPost.update({
      where: { id: post!.id },
      data: { status: "sent", sentAt, chatId: "-1001111111111", telegramMessageId: BigInt(900 + nextStory) },
    });
    return { id: post!.id, url, headline, summary };
  };

  const dmsTo = (chatId: number) => telegram.callsTo("sendMessage").filter((c) => c.payload.chat_id === chatId).map((c) => c.payload.text);
  const deliveries = () =>
    db.prisma.alertDelivery.findMany({
      orderBy: { id: "asc" },
      select: { subscriberId: true, postId: true, kind: true, digestKey: true, status: true },
    });
  const minutesAgo = (minutes: number) => new Date(now.getTime() - minutes * 60_000);
  const send = (budget: SendBudget = recordingBudget()) =>
    sendDueAlerts({ alerts, api: app.outboxDeps.api, budget, logger: memoryLogger().logger, instanceId: "test", now: () => now });

  it("sends a new post to the instant readers of its topics, and to nobody else", async () => {
    const economist = await reader(["economy"]);
    const both = await reader(["markets", "economy"]);
    const sportsFan = await reader(["sport"]);
    const digestReader = await reader(["economy"], { mode: "digest", digestHour: 19 });
    const quiet = await reader(["economy"], { mode: "off" });
    const gone = await reader(["economy"], { status: "blocked" });
    const post = await channelPost("Rates held at 5% & <steady>", ["economy", "markets"], minutesAgo(1));

    expect(await app.scheduler.runNow(ALERT_JOBS.fanOut)).toBe(true);
    expect(await app.scheduler.runNow(ALERT_JOBS.send)).toBe(true);

    const summary = "Rates held at 5% &amp; &lt;steady&gt;: the details.";
    const headline = "Rates held at 5% &amp; &lt;steady&gt;";
    expect(dmsTo(economist.chatId)).toEqual([alertText(headline, post.url, summary, "#economy")]);
    expect(dmsTo(both.chatId)).toEqual([alertText(headline, post.url, summary, "#economy, #markets")]);
    for (const nobody of [sportsFan, digestReader, quiet, gone]) expect(dmsTo(nobody.chatId)).toEqual([]);
    expect(telegram.callsTo("sendMessage")).toHaveLength(2);
    expect(await deliveries()).toEqual([
      { subscriberId: economist.id, postId: post.id, kind: "instant", digestKey: null, status: "sent" },
      { subscriberId: both.id, postId: post.id, kind: "instant", digestKey: null, status: "sent" },
    ]);
  });

  it("writes each reader's alert and digest in their language: their /language choice, else their Telegram language", async () => {
    const russian = await reader(["economy"], { languageCode: "ru" });
    const choseEnglish = await reader(["economy"], { languageCode: "ru", language: "en" });
    const choseRussian = await reader(["economy"], { languageCode: "de", language: "ru" });
    const digest = await reader(["economy"], { mode: "digest", digestHour: 8, languageCode: "ru-RU" });
    const post = await channelPost("Rates held", ["economy"], minutesAgo(1));

    await app.scheduler.runNow(ALERT_JOBS.fanOut);
    await app.scheduler.runNow(ALERT_JOBS.digest);
    await app.scheduler.runNow(ALERT_JOBS.send);

    const russianAlert = `<b><a href="${post.url}">Rates held</a></b>\n\nRates held: the details.\n\nВы получили это, потому что следите за #economy · /settings`;
    expect(dmsTo(russian.chatId)).toEqual([russianAlert]);
    expect(dmsTo(choseRussian.chatId)).toEqual([russianAlert]);
    expect(dmsTo(choseEnglish.chatId)).toEqual([alertText("Rates held", post.url, "Rates held: the details.", "#economy")]);
    expect(dmsTo(digest.chatId)).toEqual([
      "<b>Ваша ежедневная сводка · сб 28 нояб.</b>\n\n" + `• <a href="${post.url}">Rates held</a>\n\n` + "Сводка приходит каждый день в 08:00 · /settings",
    ]);
  });

  it("queues each reader's alert once, however often fan-out runs or restarts", async () => {
    const first = await reader(["economy"]);
    const second = await reader(["economy"]);
    await channelPost("Budget passes", ["economy"], minutesAgo(2));

    await app.scheduler.runNow(ALERT_JOBS.fanOut);
    await app.scheduler.runNow(ALERT_JOBS.fanOut);
    // A crash after queueing but before remembering the post: the next run meets the same post again.
    await app.services.settings.delete(FANOUT_DONE_SETTING);
    await app.stop();
    await startApp();
    await app.scheduler.runNow(ALERT_JOBS.fanOut);
    await app.scheduler.runNow(ALERT_JOBS.send);
    await app.scheduler.runNow(ALERT_JOBS.fanOut);
    await app.scheduler.runNow(ALERT_JOBS.send);

    expect(dmsTo(first.chatId)).toHaveLength(1);
    expect(dmsTo(second.chatId)).toHaveLength(1);
    expect((await deliveries()).map((d) => d.status)).toEqual(["sent", "sent"]);
  });

  it("gives no instant alert for posts sent more than an hour before fan-out first sees them", async () => {
    const economist = await reader(["economy"]);
    await channelPost("Yesterday's news", ["economy"], minutesAgo(61));
    await app.scheduler.runNow(ALERT_JOBS.fanOut);
    expect(await deliveries()).toEqual([]);
    expect(dmsTo(economist.chatId)).toEqual([]);
  });

  it("sends the daily digest at the reader's hour in TIMEZONE with the new posts of their topics", async () => {
    const morning = await reader(["economy", "world"], { mode: "digest", digestHour: 8 });
    const evening = await reader(["economy"], { mode: "digest", digestHour: 9 });
    await channelPost("Old budget story", ["economy"], minutesAgo(25 * 60));
    const rates = await channelPost("Rates held", ["economy"], minutesAgo(120));
    await channelPost("Cup final tonight", ["sport"], minutesAgo(90));
    const summit = await channelPost("Summit in Geneva", ["world"], minutesAgo(30));

    // 07:10 UTC is 08:10 in Berlin: the morning reader's hour.
    await app.scheduler.runNow(ALERT_JOBS.digest);
    await app.scheduler.runNow(ALERT_JOBS.digest);
    await app.scheduler.runNow(ALERT_JOBS.send);

    expect(dmsTo(morning.chatId)).toEqual([
      "<b>Your daily digest · Sat 28 Nov</b>\n\n" +
        `• <a href="${summit.url}">Summit in Geneva</a>\n` +
        `• <a href="${rates.url}">Rates held</a>\n\n` +
        "You get this every day at 08:00 · /settings",
    ]);
    expect(dmsTo(evening.chatId)).toEqual([]);
    expect(telegram.callsTo("sendMessage")[0]!.payload.link_preview_options).toEqual({ is_disabled: true });

    // The next morning: only what was posted since the last digest.
    now = new Date("2026-11-29T07:05:00Z");
    const treaty = await channelPost("Treaty signed", ["world"], minutesAgo(60));
    await app.scheduler.runNow(ALERT_JOBS.digest);
    await app.scheduler.runNow(ALERT_JOBS.send);
    expect(dmsTo(morning.chatId)[1]).toBe(
      "<b>Your daily digest · Sun 29 Nov</b>\n\n" + `• <a href="${treaty.url}">Treaty signed</a>\n\n` + "You get this every day at 08:00 · /settings",
    );
    expect(await deliveries()).toEqual([
      { subscriberId: morning.id, postId: null, kind: "digest", digestKey: "2026-11-28", status: "sent" },
      { subscriberId: morning.id, postId: null, kind: "digest", digestKey: "2026-11-29", status: "sent" },
    ]);
  });

  it("with ALLOW_PAID_BROADCAST=true sends alerts as paid broadcasts, and channel posts and replies never", async () => {
    const plain = await reader(["economy"]);
    await channelPost("Rates held", ["economy"], minutesAgo(1));
    expect(await app.scheduler.runNow(ALERT_JOBS.fanOut)).toBe(true);
    expect(await app.scheduler.runNow(ALERT_JOBS.send)).toBe(true);
    await app.stop();
    await startApp({ ALLOW_PAID_BROADCAST: "true" });
    const paid = await reader(["economy"]);
    const markets = await channelPost("Markets fall", ["economy"], minutesAgo(1));
    const queued = await channelPost("Oil climbs", ["markets"], minutesAgo(1));
    await db.prisma.channelPost.update({ where: { id: queued.id }, data: { status: "queued", sentAt: null, chatId: null, telegramMessageId: null } });

    expect(await app.scheduler.runNow(ALERT_JOBS.fanOut)).toBe(true);
    expect(await app.scheduler.runNow(ALERT_JOBS.send)).toBe(true);
    expect(await app.scheduler.runNow("publish")).toBe(true);
    await app.bot.handleUpdate(privateMessage("/start", { id: paid.chatId, first_name: "Reader" }));

    const channel = String(app.services.config.channelId);
    expect(telegram.calls.map((c) => [c.method, String(c.payload.chat_id), c.payload.allow_paid_broadcast ?? "absent"])).toEqual([
      ["sendMessage", String(plain.chatId), "absent"], // before the flag was set
      ["sendMessage", String(plain.chatId), true],
      ["sendMessage", String(paid.chatId), true],
      ["sendMessage", channel, "absent"], // the channel post
      ["getChat", channel, "absent"],
      ["sendMessage", String(paid.chatId), "absent"], // the answer to /start
    ]);
    expect(telegram.callsTo("sendMessage")[2]?.payload).toEqual({
      chat_id: paid.chatId,
      text: alertText("Markets fall", markets.url, "Markets fall: the details.", "#economy"),
      parse_mode: "HTML",
      allow_paid_broadcast: true,
    });
  });

  it("on 429 pauses the whole budget, reschedules that alert for retry_after, and loses or repeats nothing", async () => {
    const a = await reader(["economy"]);
    const b = await reader(["economy"]);
    const c = await reader(["economy"]);
    await channelPost("Markets fall", ["economy"], minutesAgo(1));
    await app.scheduler.runNow(ALERT_JOBS.fanOut);
    let floods = 0;
    telegram.answer("sendMessage", (payload) => {
      if (payload.chat_id === b.chatId && floods++ === 0) {
        return { error_code: 429, description: "Too Many Requests: retry after 3", parameters: { retry_after: 3 } };
      }
      return { result: { message_id: 1, date: 0, chat: { id: payload.chat_id, type: "private" }, text: payload.text } };
    });

    const budget = recordingBudget();
    expect(await send(budget)).toMatchObject({ sent: 2, retried: 1, floodWaits: 1 });
    expect(budget.pauses).toEqual([3000]);
    const waiting = await db.prisma.alertDelivery.findFirstOrThrow({ where: { subscriberId: b.id } });
    expect(waiting).toMatchObject({ status: "pending", nextAttemptAt: new Date(now.getTime() + 3000), attempts: 0 });

    now = new Date(now.getTime() + 2000);
    expect(await send()).toMatchObject({ sent: 0 });
    now = new Date(now.getTime() + 1000);
    expect(await send()).toMatchObject({ sent: 1 });

    const delivered = (chatId: number) => dmsTo(chatId).length;
    expect([delivered(a.chatId), delivered(b.chatId), delivered(c.chatId)]).toEqual([1, 2, 1]);
    expect((await deliveries()).map((d) => d.status)).toEqual(["sent", "sent", "sent"]);
  });

  it("with paid broadcasting sends a second's worth of alerts (1,000 claimed in one run) with allow_paid_broadcast", async () => {
    const readers = Array.from({ length: 1000 }, (_, i) => ({ telegramId: BigInt(5_000_000 + i), chatId: BigInt(5_000_000 + i), firstName: "Reader" }));
    await db.prisma.subscriber.createMany({ data: readers });
    const ids = (await db.prisma.subscriber.findMany({ where: { telegramId: { gte: 5_000_000n } }, select: { id: true } })).map((r) => r.id);
    expect(await alerts.enqueue(ids.map((subscriberId) => ({ subscriberId, kind: "instant" as const, text: "Rates held" })), now)).toBe(1000);

    const report = await sendDueAlerts(
      { alerts, api: app.outboxDeps.api, budget: recordingBudget(), logger: memoryLogger().logger, instanceId: "test", now: () => now, paidBroadcast: true },
      { batchSize: 1000 },
    );

    expect(report).toMatchObject({ sent: 1000, failed: 0 });
    const sends = telegram.callsTo("sendMessage");
    expect(sends.filter((c) => c.payload.allow_paid_broadcast === true)).toHaveLength(1000);
    expect(await db.prisma.alertDelivery.count({ where: { status: "sent" } })).toBe(1000);
  });

  it("marks a reader who blocked the bot as blocked, skips their other alerts and never retries them", async () => {
    const blocker = await reader(["economy", "world"]);
    const fan = await reader(["economy"]);
    await channelPost("Rates held", ["economy"], minutesAgo(3));
    await channelPost("Summit opens", ["world"], minutesAgo(2));
    await app.scheduler.runNow(ALERT_JOBS.fanOut);
    telegram.answer("sendMessage", (payload) =>
      payload.chat_id === blocker.chatId
        ? { error_code: 403, description: "Forbidden: bot was blocked by the user" }
        : { result: { message_id: 1, date: 0, chat: { id: payload.chat_id, type: "private" }, text: payload.text } },
    );

    await app.scheduler.runNow(ALERT_JOBS.send);
    now = new Date(now.getTime() + 60 * 60_000);
    await app.scheduler.runNow(ALERT_JOBS.send);
    await channelPost("Another summit", ["world"], minutesAgo(1));
    await app.scheduler.runNow(ALERT_JOBS.fanOut);
    await app.scheduler.runNow(ALERT_JOBS.send);

    expect(dmsTo(blocker.chatId)).toHaveLength(1);
    expect(dmsTo(fan.chatId)).toHaveLength(1);
    expect(await db.prisma.subscriber.findUniqueOrThrow({ where: { id: blocker.id }, select: { status: true } })).toEqual({ status: "blocked" });
    expect((await deliveries()).filter((d) => d.subscriberId === blocker.id).map((d) => d.status)).toEqual(["failed", "skipped"]);
  });

  it("after a sender stopped mid-run, sends what it had claimed once its lease runs out, and nothing twice", async () => {
    const readers = [await reader(["economy"]), await reader(["economy"]), await reader(["economy"]), await reader(["economy"])];
    await channelPost("Jobs report", ["economy"], minutesAgo(1));
    await app.scheduler.runNow(ALERT_JOBS.fanOut);
    // Another process claimed two alerts and died before sending them.
    const claimed = await alerts.claimDue("dead-instance:1", now, 2, ALERT_LEASE_MS);
    expect(claimed).toHaveLength(2);

    await app.scheduler.runNow(ALERT_JOBS.send);
    expect(telegram.callsTo("sendMessage")).toHaveLength(2);
    expect((await deliveries()).map((d) => d.status)).toEqual(["sending", "sending", "sent", "sent"]);

    // Restart on the same database after the dead process's lease ran out.
    await app.stop();
    now = new Date(now.getTime() + ALERT_LEASE_MS + 1000);
    await startApp();
    await app.scheduler.runNow(ALERT_JOBS.send);
    await app.scheduler.runNow(ALERT_JOBS.send);

    expect(readers.map((r) => dmsTo(r.chatId).length)).toEqual([1, 1, 1, 1]);
    expect((await deliveries()).map((d) => d.status)).toEqual(["sent", "sent", "sent", "sent"]);
  });
});
