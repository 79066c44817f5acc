/**
 * The whole path as a newsroom runs it: add a feed with the CLI → ingest →
 * publish to the channel → /latest lists it → restart on the same database →
 * publish again → nothing is sent twice. On SQLite and on PostgreSQL.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";

import { createApp, type App } from "../../src/app/create-app.js";
import { runCli } from "../../src/cli/run-cli.js";
import { publishNextPost } from "../../src/publish/outbox.js";
import { CHANNEL_ID, memoryLogger, testConfig } from "../support/config.js";
import { createTestDatabase, TEST_PROVIDERS, type TestDatabase } from "../support/database.js";
import { BOT_INFO, installFakeTelegram, privateMessage, type FakeTelegram } from "../support/telegram.js";
import { publicLookup, rss, serve } from "../support/web.js";

const FEED_URL = "https://news.example.com/asia/rss.xml";

describe.each(TEST_PROVIDERS)("the newsroom path on %s", (provider) => {
  let database: TestDatabase;
  let telegram: FakeTelegram;
  const apps: App[] = [];

  const startApp = async () => {
    const app = await createApp({
      config: testConfig(database.url),
      logger: memoryLogger().logger,
      botInfo: BOT_INFO,
      fetcherDeps: { lookup: publicLookup },
    });
    apps.push(app);
    return app;
  };

  const cli = async (...args: string[]) => {
    let stdout = "";
    let stderr = "";
    const code = await runCli(args, {
      env: { DATABASE_URL: database.url, LOG_LEVEL: "silent" },
      stdout: (text) => (stdout += text),
      stderr: (text) => (stderr += text),
      fetcherDeps: { lookup: publicLookup },
    });
    return { code, stdout, stderr };
  };

  beforeEach(async () => {
    database = await createTestDatabase(provider);
    telegram = installFakeTelegram();
  });

  afterEach(async () => {
    for (const app of apps.splice(0)) await app.stop();
    await database.drop();
  });

  it("posts a new story once, lists it in /latest, and sends nothing twice after a restart", async () => {
    const now = Date.now();
    const first = serve(
      FEED_URL,
      rss([{ title: "Old story from the archive", link: "https://news.example.com/asia/old-story", description: "An archived story that was in the feed before it was added to Newsdesk, long enough to be its own summary.", pubDate: new Date(now - 3_600_000) }]),
    );

    expect(await cli("feeds", "add", FEED_URL, "--topic", "North Korea")).toEqual({
      code: 0,
      stdout: `added feed #1 ${FEED_URL} [north-korea]: "Test News", 1 item\n`,
      stderr: "",
    });

    // The first fetch is the feed's back catalogue: stored, not posted (no flood). `feeds add` fetched it once before.
    expect((await cli("ingest")).stdout).toBe(
      "#1 first fetch: 1 story stored, not posted: only stories that arrive from now on are posted\n1 feed, 1 new article, 0 failed\n",
    );
    expect(first.count).toBe(2);

    serve(
      FEED_URL,
      rss([
        {
          title: "Kim to visit Russia for \"summit\" with Putin & aides",
          link: "https://news.example.com/asia/kim-russia?utm_source=rss&utm_medium=feed#top",
          description:
            "<p>SEOUL – North Korean leader Kim Jong Un will soon visit Russia to meet President Vladimir Putin, the two countries confirmed on Monday. Mr Kim will travel by train.</p>",
          pubDate: new Date(now - 600_000),
        },
        { title: "Old story from the archive", link: "https://news.example.com/asia/old-story", description: "An archived story that was in the feed before it was added to Newsdesk, long enough to be its own summary.", pubDate: new Date(now - 3_600_000) },
      ]),
    );
    expect((await cli("ingest")).stdout).toBe("#1 ok: 1 new, 0 skipped\n1 feed, 1 new article, 0 failed\n");

    const app = await startApp();
    const outcome = await publishNextPost(app.outboxDeps);
    expect(outcome).toMatchObject({ kind: "sent" });

    const sends = telegram.callsTo("sendMessage");
    expect(sends).toHaveLength(1);
    // No picture in the feed: a silent post with a large link preview, naming the feed as the source.
    expect(sends[0]!.payload).toEqual({
      chat_id: CHANNEL_ID,
      parse_mode: "HTML",
      disable_notification: true,
      link_preview_options: { url: "https://news.example.com/asia/kim-russia", prefer_large_media: true, show_above_text: true },
      text:
        "<b>Kim to visit Russia for &quot;summit&quot; with Putin &amp; aides</b>\n\n" +
        "SEOUL – North Korean leader Kim Jong Un will soon visit Russia to meet President Vladimir Putin, the two countries confirmed on Monday. Mr Kim will travel by train.\n\n" +
        '<a href="https://news.example.com/asia/kim-russia">Read more</a> · Test News\n\n' +
        "#north_korea #asia",
    });

    // Nothing else is due: the archive story was never meant to be posted.
    expect(await publishNextPost(app.outboxDeps)).toEqual({ kind: "idle", reason: { code: "nothing-new" } });
    expect(telegram.callsTo("sendMessage")).toHaveLength(1);

    await app.bot.handleUpdate(privateMessage("/latest"));
    const latest = telegram.callsTo("sendMessage")[1]!.payload;
    expect(latest.chat_id).toBe(42);
    expect(latest.text).toBe(
      "<b>Latest stories</b>\n" +
        '• <a href="https://news.example.com/asia/kim-russia">Kim to visit Russia for &quot;summit&quot; with Putin &amp; aides</a>\n' +
        '• <a href="https://news.example.com/asia/old-story">Old story from the archive</a>',
    );

    await app.bot.handleUpdate(privateMessage("/latest north korea"));
    expect(telegram.callsTo("sendMessage")[2]!.payload.text).toContain("<b>Latest on north-korea</b>");

    await app.bot.handleUpdate(privateMessage("/latest sport"));
    expect(telegram.callsTo("sendMessage")[3]!.payload.text).toBe("I don't know the topic “sport”. Topics: asia, north-korea");

    // Restart on the same database: the same feed item again, and two ticks.
    await app.stop();
    apps.length = 0;
    expect((await cli("ingest")).stdout).toBe("#1 ok: 0 new, 0 skipped\n1 feed, 0 new articles, 0 failed\n");
    const restarted = await startApp();
    expect(await publishNextPost(restarted.outboxDeps)).toEqual({ kind: "idle", reason: { code: "nothing-new" } });
    expect(await publishNextPost(restarted.outboxDeps)).toEqual({ kind: "idle", reason: { code: "nothing-new" } });
    expect(telegram.callsTo("sendMessage")).toHaveLength(4);

    const posts = await restarted.services.db.prisma.channelPost.findMany();
    expect(posts).toHaveLength(1);
    expect(posts[0]).toMatchObject({ status: "sent", chatId: String(CHANNEL_ID), attempts: 1 });
    expect(posts[0]!.telegramMessageId).toBeTypeOf("bigint");
  });

  it("registers the reader on /start and answers /help with the commands", async () => {
    const app = await startApp();
    await app.bot.handleUpdate(privateMessage("/start", { id: 77, first_name: "Ann", username: "ann" }));
    const reader = await app.services.db.prisma.subscriber.findUnique({ where: { telegramId: 77n } });
    expect(reader).toMatchObject({ chatId: 77n, username: "ann", firstName: "Ann", status: "active" });
    expect(String(telegram.callsTo("sendMessage")[0]!.payload.text)).toMatch(/^Welcome to Newsdesk!/);
  });
});
