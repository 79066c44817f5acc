/** The bot's core: start-up self-check, command registration, the error boundary, and Telegram outages. */
import { delay, http, HttpResponse } from "msw";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";

import { createApp, type App } from "../../src/app/create-app.js";
import { createAdminNotifier } from "../../src/ops/admin-notifier.js";
import { createTranslations } from "../../src/i18n/create-i18n.js";
import { runSelfCheck } from "../../src/bot/self-check.js";
import { createLogger } from "../../src/logger.js";
import { Api } from "grammy";
import { ADMIN_CHAT_ID, CHANNEL_ID, memoryLogger, testConfig } from "../support/config.js";
import { createTestDatabase, type TestDatabase } from "../support/database.js";
import { server } from "../support/msw.js";
import { BOT_INFO, installFakeTelegram, privateMessage, TEST_API_ROOT, TEST_TOKEN, type FakeTelegram } from "../support/telegram.js";

describe("the bot core", () => {
  let database: TestDatabase;
  let telegram: FakeTelegram;
  let app: App | null = null;

  beforeEach(async () => {
    database = await createTestDatabase("sqlite");
    telegram = installFakeTelegram();
  });
  afterEach(async () => {
    await app?.stop();
    app = null;
    await database.drop();
  });

  const api = () => new Api(TEST_TOKEN, { apiRoot: TEST_API_ROOT });

  it("the self-check says exactly what to fix, in the log and in the admin chat", async () => {
    telegram.answer("getChatMember", (payload) =>
      payload.chat_id === CHANNEL_ID
        ? { result: { status: "administrator", user: BOT_INFO, can_post_messages: false } }
        : { result: { status: "member", user: BOT_INFO } },
    );
    // Telegram cannot say the chats' titles here: they are named by id.
    telegram.answer("getChat", () => ({ error_code: 400, description: "Bad Request: chat not found" }));
    const { logger, lines } = memoryLogger();
    const admin = createAdminNotifier({ api: api(), adminChatId: () => ADMIN_CHAT_ID, translate: createTranslations().translator("en"), logger });
    const result = await runSelfCheck({ api: api(), botId: BOT_INFO.id, channelId: CHANNEL_ID, adminChatId: ADMIN_CHAT_ID, admin, logger, english: createTranslations().translator("en") });
    expect(result.problems).toEqual([
      `the bot is an administrator of the channel ${CHANNEL_ID} but may not post: give it the "Post messages" right`,
      `the bot is only a member of the admin chat ${ADMIN_CHAT_ID}: make it an administrator so it sees the editors' plain-text answers`,
    ]);
    expect(lines.filter((l) => l.level === 50).map((l) => l.msg)).toEqual(result.problems.map((p) => `self-check: ${p}`));
    expect(telegram.callsTo("sendMessage").map((c) => [c.payload.chat_id, c.payload.text])).toEqual([
      [
        ADMIN_CHAT_ID,
        [
          "⚠️ Start-up check found problems:",
          `• the bot is an administrator of the channel ${CHANNEL_ID} but may not post: give it the &quot;Post messages&quot; right`,
          `• the bot is only a member of the admin chat ${ADMIN_CHAT_ID}: make it an administrator so it sees the editors' plain-text answers`,
        ].join("\n"),
      ],
    ]);
  });

  it("the self-check names the chats by their titles", async () => {
    telegram.answer("getChatMember", () => ({ result: { status: "member", user: BOT_INFO } }));
    telegram.answer("getChat", (payload) =>
      payload.chat_id === CHANNEL_ID
        ? { result: { id: CHANNEL_ID, type: "channel", title: "Harbour News" } }
        : { result: { id: ADMIN_CHAT_ID, type: "supergroup", title: "Harbour <editors>" } },
    );
    const { logger } = memoryLogger();
    const admin = createAdminNotifier({ api: api(), adminChatId: () => ADMIN_CHAT_ID, translate: createTranslations().translator("en"), logger });
    const result = await runSelfCheck({ api: api(), botId: BOT_INFO.id, channelId: CHANNEL_ID, adminChatId: ADMIN_CHAT_ID, admin, logger, english: createTranslations().translator("en") });
    expect(result.problems).toEqual([
      "the bot is not an administrator of the channel “Harbour News”: add it as an administrator with the right to post messages",
      "the bot is only a member of the admin chat “Harbour <editors>”: make it an administrator so it sees the editors' plain-text answers",
    ]);
    expect(telegram.callsTo("getChat").map((c) => c.payload.chat_id)).toEqual([CHANNEL_ID, ADMIN_CHAT_ID]);
    expect(telegram.callsTo("sendMessage").map((c) => c.payload.text)).toEqual([
      [
        "⚠️ Start-up check found problems:",
        "• the bot is not an administrator of the channel “Harbour News”: add it as an administrator with the right to post messages",
        "• the bot is only a member of the admin chat “Harbour &lt;editors&gt;”: make it an administrator so it sees the editors' plain-text answers",
      ].join("\n"),
    ]);
  });

  it("the self-check reports a channel the bot cannot see", async () => {
    telegram.answer("getChatMember", (payload) =>
      payload.chat_id === CHANNEL_ID ? { error_code: 400, description: "Bad Request: chat not found" } : { result: { status: "administrator", user: BOT_INFO } },
    );
    const { logger } = memoryLogger();
    const admin = createAdminNotifier({ api: api(), adminChatId: () => ADMIN_CHAT_ID, translate: createTranslations().translator("en"), logger });
    const result = await runSelfCheck({ api: api(), botId: BOT_INFO.id, channelId: CHANNEL_ID, adminChatId: ADMIN_CHAT_ID, admin, logger, english: createTranslations().translator("en") });
    expect(result.problems).toEqual([
      `cannot check the channel ${CHANNEL_ID} (Bad Request: chat not found): check the id and that the bot was added to it`,
    ]);
  });

  it("the self-check's notice is in ADMIN_LANGUAGE, its log and result in English", async () => {
    telegram.answer("getChatMember", (payload) =>
      payload.chat_id === CHANNEL_ID ? { result: { status: "member", user: BOT_INFO } } : { result: { status: "administrator", user: BOT_INFO } },
    );
    telegram.answer("getChat", () => ({ error_code: 400, description: "Bad Request: chat not found" }));
    const { logger } = memoryLogger();
    const translations = createTranslations();
    const admin = createAdminNotifier({ api: api(), adminChatId: () => ADMIN_CHAT_ID, translate: translations.translator("ru"), logger });
    const result = await runSelfCheck({ api: api(), botId: BOT_INFO.id, channelId: CHANNEL_ID, adminChatId: ADMIN_CHAT_ID, admin, logger, english: translations.translator("en") });
    expect(result.problems).toEqual([`the bot is not an administrator of the channel ${CHANNEL_ID}: add it as an administrator with the right to post messages`]);
    expect(telegram.callsTo("sendMessage").map((c) => c.payload.text)).toEqual([
      `⚠️ Проверка при запуске нашла проблемы:\n• бот не администратор канала ${CHANNEL_ID}: добавьте его администратором с правом публиковать сообщения`,
    ]);
  });

  it("the self-check's notice escapes Telegram's words, so it is not lost to an HTML error", async () => {
    telegram.answer("getChatMember", (payload) =>
      payload.chat_id === CHANNEL_ID
        ? { error_code: 400, description: "Bad Request: member list is inaccessible <restricted> & hidden" }
        : { result: { status: "administrator", user: BOT_INFO } },
    );
    const { logger } = memoryLogger();
    const admin = createAdminNotifier({ api: api(), adminChatId: () => ADMIN_CHAT_ID, translate: createTranslations().translator("en"), logger });
    await runSelfCheck({ api: api(), botId: BOT_INFO.id, channelId: CHANNEL_ID, adminChatId: ADMIN_CHAT_ID, admin, logger, english: createTranslations().translator("en") });
    expect(telegram.callsTo("sendMessage").map((c) => c.payload.text)).toEqual([
      `⚠️ Start-up check found problems:\n• cannot check the channel ${CHANNEL_ID} (Bad Request: member list is inaccessible &lt;restricted&gt; &amp; hidden): check the id and that the bot was added to it`,
    ]);
  });

  it("a notice to an unreachable admin chat gives up in bounded time instead of blocking", async () => {
    server.use(
      http.post(`${TEST_API_ROOT}/bot${TEST_TOKEN}/sendMessage`, async () => {
        await delay("infinite");
        return HttpResponse.json({});
      }),
    );
    const { logger, lines } = memoryLogger();
    const admin = createAdminNotifier({ api: api(), adminChatId: () => ADMIN_CHAT_ID, translate: createTranslations().translator("en"), logger, timeoutMs: 200 });
    expect(await admin.notify("hello")).toBe(false);
    expect(lines.some((l) => l.msg === "could not tell the admin chat")).toBe(true);
  });

  it("a failing handler is logged, the reader gets a polite answer, and the bot keeps working", async () => {
    const { logger, lines } = memoryLogger();
    app = await createApp({ config: testConfig(database.url), logger, botInfo: BOT_INFO });
    vi.spyOn(app.services.articles, "latest").mockRejectedValueOnce(new Error("database on fire"));
    await app.bot.handleUpdate(privateMessage("/latest"));
    expect(telegram.callsTo("sendMessage").at(-1)!.payload.text).toBe("Sorry, something went wrong on my side. Please try again in a moment.");
    expect(lines.find((l) => l.msg === "update handler failed")).toMatchObject({ level: 50, err: { message: "database on fire" } });
    await app.bot.handleUpdate(privateMessage("/latest"));
    expect(telegram.callsTo("sendMessage").at(-1)!.payload.text).toBe("No stories yet. Check back soon.");
  });

  it("a Telegram outage at start does not stop ingestion; commands are registered once Telegram answers", async () => {
    let telegramUp = false;
    telegram.answer("getMe", () => (telegramUp ? { result: BOT_INFO } : { error_code: 502, description: "Bad Gateway" }));
    const { logger } = memoryLogger();
    app = await createApp({ config: testConfig(database.url), logger });
    await app.start({ listen: false, receiveUpdates: true });
    expect(await app.scheduler.runNow("ingest")).toBe(true);
    telegramUp = true;
    await expect.poll(() => telegram.callsTo("setMyCommands").length, { timeout: 10_000, interval: 100 }).toBeGreaterThan(0);
    expect(telegram.callsTo("setMyCommands")[0]!.payload).toMatchObject({ scope: { type: "all_private_chats" } });
  });

  it("never writes the bot token to the logs", () => {
    const lines: string[] = [];
    const logger = createLogger({ level: "info", secrets: [TEST_TOKEN], destination: { write: (line: string) => void lines.push(line) } });
    logger.error({ err: new Error(`request to ${TEST_API_ROOT}/bot${TEST_TOKEN}/getMe failed`) }, `token ${TEST_TOKEN}`);
    expect(lines.join("")).not.toContain(TEST_TOKEN);
    expect(lines.join("")).toContain("/bot[secret]/getMe");
  });
});
