/**
 * The outbox never posts twice and never loses a post silently: stories an editor
 * would recognise, on SQLite and PostgreSQL.
 */
import { HttpResponse, http } from "msw";
import { afterEach, beforeEach, describe, expect, it } from "vitest";

import { createApp, type App } from "../../src/app/create-app.js";
import type { NewArticle } from "../../src/db/articles.js";
import { createSendBudget, type ReplyBudget, type SendBudget } from "../../src/publish/send-budget.js";
import { OUTBOX_FORBIDDEN, OUTBOX_PAUSED, publishNextPost, recoverOutbox } from "../../src/publish/outbox.js";
import { ADMIN_CHAT_ID, CHANNEL_ID, memoryLogger, testConfig } from "../support/config.js";
import { createTestDatabase, TEST_PROVIDERS, type TestDatabase } from "../support/database.js";
import { server } from "../support/msw.js";
import { BOT_INFO, installFakeTelegram, TEST_API_ROOT, TEST_TOKEN, type FakeTelegram } from "../support/telegram.js";
import { publicLookup } from "../support/web.js";
import { numberedStory } from "../support/articles.js";

const T0 = new Date("2026-11-28T12:00:00Z");

function article(n: number, overrides: Partial<NewArticle> = {}): NewArticle {
  return numberedStory(n, T0, overrides);
}

describe.each(TEST_PROVIDERS)("the outbox on %s", (provider) => {
  let database: TestDatabase;
  let telegram: FakeTelegram;
  let clock: Date;
  const apps: App[] = [];

  const startApp = async (env: Record<string, string> = {}, sendBudget?: ReplyBudget) => {
    const app = await createApp({
      ...(sendBudget ? { sendBudget } : {}),
      config: testConfig(database.url, env),
      logger: memoryLogger().logger,
      botInfo: BOT_INFO,
      fetcherDeps: { lookup: publicLookup },
      now: () => clock,
    });
    apps.push(app);
    return app;
  };
  const channelSends = () => telegram.callsTo("sendMessage").filter((c) => c.payload.chat_id === CHANNEL_ID);
  const adminSends = () => telegram.callsTo("sendMessage").filter((c) => c.payload.chat_id === ADMIN_CHAT_ID);

  beforeEach(async () => {
    database = await createTestDatabase(provider);
    telegram = installFakeTelegram();
    clock = T0;
  });
  afterEach(async () => {
    for (const app of apps.splice(0)) await app.stop();
    await database.drop();
  });

  it("sends the best recent story first (here, of equals, the freshest) and skips stories older than 24 hours", async () => {
    const app = await startApp();
    await app.services.articles.storeBatch([
      article(1),
      article(2),
      article(3, { sortAt: new Date(T0.getTime() - 25 * 3_600_000), publishedAt: new Date(T0.getTime() - 25 * 3_600_000) }),
    ]);
    expect(await publishNextPost(app.outboxDeps)).toMatchObject({ kind: "sent" });
    expect(await publishNextPost(app.outboxDeps)).toMatchObject({ kind: "sent" });
    expect(await publishNextPost(app.outboxDeps)).toEqual({ kind: "idle", reason: { code: "nothing-new" } });
    expect(channelSends().map((c) => String(c.payload.text).split("\n")[0])).toEqual(["<b>Story number 1</b>", "<b>Story number 2</b>"]);
  });

  it("a post that waits too long for the send budget goes back to the queue instead of becoming uncertain", async () => {
    const app = await startApp();
    await app.services.articles.storeBatch([article(1)]);
    // A budget held by a long flood wait: it only ever gives up when the outbox stops waiting.
    const wait = (signal?: AbortSignal) => new Promise<never>((_resolve, reject) => signal?.addEventListener("abort", () => reject(new Error("gave up"))));
    const held: SendBudget = {
      take: (_chat, _priority, signal) => wait(signal),
      send: (_chat, _priority, _send, signal) => wait(signal),
      pause: () => undefined,
    };
    const outcome = await publishNextPost({ ...app.outboxDeps, budget: held, budgetWaitMs: 20 });
    expect(outcome).toMatchObject({ kind: "not-sent", action: "retry" });
    await recoverOutbox(app.outboxDeps);
    expect(await app.services.db.prisma.channelPost.findMany({ select: { status: true, leaseOwner: true, lastError: true } })).toEqual([
      {
        status: "queued",
        leaseOwner: null,
        lastError: '{"code":"budget-wait"}',
      },
    ]);
    expect(channelSends()).toEqual([]);
    expect(adminSends()).toEqual([]);
    expect(await publishNextPost(app.outboxDeps)).toMatchObject({ kind: "sent" });
  });

  it("overlapping ticks (and, on PostgreSQL, two instances) send a story once", async () => {
    const a = await startApp();
    // Two SQLite clients in one process would block each other's synchronous busy wait;
    // SQLite runs one instance, so there the overlap is between ticks of one instance.
    const b = provider === "postgresql" ? await startApp() : a;
    await a.services.articles.storeBatch([article(1)]);
    const outcomes = await Promise.all([
      publishNextPost(a.outboxDeps),
      publishNextPost(b.outboxDeps),
      publishNextPost(a.outboxDeps),
      publishNextPost(b.outboxDeps),
    ]);
    expect(outcomes.filter((o) => o.kind === "sent")).toHaveLength(1);
    expect(channelSends()).toHaveLength(1);
    expect(await a.services.db.prisma.channelPost.count()).toBe(1);
  });

  it("a post left mid-send by a dead process becomes uncertain, is reported once by headline, and is not resent", async () => {
    const app = await startApp();
    const [stored] = await app.services.articles.storeBatch([article(1, { headline: "Kim & Putin meet" })]);
    const post = await app.services.posts.create({ articleId: stored!.id, origin: "auto" });
    expect(await app.services.posts.claim(post!.id, "a-process-that-died", T0, 90_000)).toBe(true);

    clock = new Date(T0.getTime() + 60_000);
    await recoverOutbox(app.outboxDeps);
    expect(adminSends()).toHaveLength(0);

    clock = new Date(T0.getTime() + 120_000);
    // The publish tick and the watchdog may look at the same moment: the editors hear it once.
    await Promise.all([recoverOutbox(app.outboxDeps), recoverOutbox(app.outboxDeps)]);
    expect(adminSends().map((c) => c.payload.text)).toEqual([
      `⚠️ Post #${post!.id} “Kim &amp; Putin meet” may already be in the channel (the send was interrupted at Sat 28 Nov 12:00: the sending process stopped before Telegram answered). Check the channel first.`,
    ]);
    expect(adminSends()[0]!.payload.reply_markup).toEqual({
      inline_keyboard: [
        [
          { text: "Send anyway", callback_data: `ed:resend:${post!.id}` },
          { text: "Mark as sent", callback_data: `ed:marksent:${post!.id}` },
          { text: "Cancel", callback_data: `ed:leave:${post!.id}` },
        ],
      ],
    });
    expect(await publishNextPost(app.outboxDeps)).toEqual({ kind: "idle", reason: { code: "nothing-new" } });
    await recoverOutbox(app.outboxDeps);
    expect(adminSends()).toHaveLength(1);
    expect(channelSends()).toHaveLength(0);
    expect(await app.services.posts.get(post!.id)).toMatchObject({ status: "uncertain" });
  });

  it("a flood wait puts the post back until Telegram's retry_after has passed", async () => {
    const app = await startApp({}, createSendBudget({ now: () => clock.getTime() }));
    await app.services.articles.storeBatch([article(1)]);
    telegram.answer("sendMessage", () => ({ error_code: 429, description: "Too Many Requests: retry after 30", parameters: { retry_after: 30 } }));
    expect(await publishNextPost(app.outboxDeps)).toMatchObject({ kind: "not-sent", action: "retry" });
    telegram.reset();
    telegram.answer("sendMessage", () => ({ result: { message_id: 7, date: 0, chat: { id: CHANNEL_ID, type: "channel" } } }));

    clock = new Date(T0.getTime() + 10_000);
    expect(await publishNextPost(app.outboxDeps)).toEqual({ kind: "idle", reason: { code: "nothing-new" } });
    clock = new Date(T0.getTime() + 31_000);
    expect(await publishNextPost(app.outboxDeps)).toEqual({ kind: "sent", postId: 1, messageId: 7 });
    expect(channelSends()).toHaveLength(1);
    expect(await app.services.posts.get(1)).toMatchObject({ status: "sent", attempts: 2, telegramMessageId: 7n });
  });

  it("a post Telegram rejects is marked failed and reported, and the next story goes on", async () => {
    const app = await startApp();
    await app.services.articles.storeBatch([article(1, { headline: "Bad one" }), article(2)]);
    telegram.answer("sendMessage", (payload) =>
      payload.chat_id === CHANNEL_ID && String(payload.text).includes("Bad one")
        ? { error_code: 400, description: "Bad Request: can't parse entities" }
        : { result: { message_id: 9, date: 0, chat: { id: Number(payload.chat_id), type: "channel" } } },
    );
    expect(await publishNextPost(app.outboxDeps)).toMatchObject({ kind: "not-sent", action: "fail" });
    expect(adminSends().map((c) => c.payload.text)).toEqual([
      "❌ Post #1 “Bad one” could not be sent: Telegram refused the post: “Bad Request: can't parse entities”.",
    ]);
    expect(await publishNextPost(app.outboxDeps)).toMatchObject({ kind: "sent" });
    expect(await app.services.posts.get(1)).toMatchObject({ status: "failed", lastError: '{"code":"refused","description":"Bad Request: can\'t parse entities"}' });
  });

  it("when the bot may no longer post, posting pauses and the editors are told once", async () => {
    const app = await startApp();
    await app.services.articles.storeBatch([article(1), article(2)]);
    telegram.answer("sendMessage", (payload) =>
      payload.chat_id === CHANNEL_ID
        ? { error_code: 403, description: "Forbidden: bot is not a member of the channel chat" }
        : { result: { message_id: 1, date: 0, chat: { id: Number(payload.chat_id), type: "supergroup" } } },
    );
    expect(await publishNextPost(app.outboxDeps)).toMatchObject({ kind: "not-sent", action: "forbidden" });
    expect(await publishNextPost(app.outboxDeps)).toEqual({ kind: "idle", reason: { code: "posting-forbidden" } });
    expect(adminSends()).toHaveLength(1);
    expect(String(adminSends()[0]!.payload.text)).toMatch(
      /^⛔ I can no longer post in the channel \(Telegram refused the post: “Forbidden: bot is not a member of the channel chat”\)\. Posting is paused\./,
    );
    expect(await app.services.settings.get(OUTBOX_FORBIDDEN)).toBe('{"code":"telegram-refused","description":"Forbidden: bot is not a member of the channel chat"}');
    expect(await app.services.posts.get(1)).toMatchObject({ status: "queued" });
  });

  it("a connection that breaks during the call leaves the post uncertain rather than risking a double post", async () => {
    const app = await startApp();
    await app.services.articles.storeBatch([article(1)]);
    server.use(
      http.post(`${TEST_API_ROOT}/bot${TEST_TOKEN}/sendMessage`, async ({ request }) => {
        const body = (await request.clone().json()) as { chat_id: number };
        if (body.chat_id === CHANNEL_ID) return HttpResponse.error();
        return HttpResponse.json({ ok: true, result: { message_id: 1, date: 0, chat: { id: body.chat_id, type: "supergroup" } } });
      }),
    );
    expect(await publishNextPost(app.outboxDeps)).toMatchObject({ kind: "not-sent", action: "uncertain" });
    expect(await app.services.posts.get(1)).toMatchObject({ status: "uncertain" });
    expect(await publishNextPost(app.outboxDeps)).toEqual({ kind: "idle", reason: { code: "nothing-new" } });
  });

  it("no automatic posts in quiet hours or while paused, but an editor's post still goes", async () => {
    const app = await startApp({ QUIET_HOURS: "11:00-13:00", TIMEZONE: "UTC" });
    const [auto, editors] = await app.services.articles.storeBatch([article(1), article(2, { autoPost: false, source: "page" })]);
    expect(await publishNextPost(app.outboxDeps)).toEqual({ kind: "idle", reason: { code: "auto-held", block: { code: "quiet-hours", start: "11:00", end: "13:00" } } });
    await app.services.posts.create({ articleId: editors!.id, origin: "editor", queuedById: 5n, queuedByName: "Ed" });
    expect(await publishNextPost(app.outboxDeps)).toMatchObject({ kind: "sent" });
    expect(String(channelSends()[0]!.payload.text)).toContain("Story number 2");

    clock = new Date("2026-11-28T14:00:00Z");
    await app.services.settings.set(OUTBOX_PAUSED, "editor 5");
    expect(await publishNextPost(app.outboxDeps)).toEqual({ kind: "idle", reason: { code: "auto-held", block: { code: "paused" } } });
    await app.services.settings.delete(OUTBOX_PAUSED);
    expect(await publishNextPost(app.outboxDeps)).toMatchObject({ kind: "sent" });
    expect((await app.services.posts.findByArticle(auto!.id))?.status).toBe("sent");
  });
});
