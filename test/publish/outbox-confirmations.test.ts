/**
 * Once Telegram has a channel post, the outbox never loses its message id and never calls
 * the post "uncertain" while it is still going: the id is logged before it is recorded, a
 * database that fails the write is retried until it answers, a slow send keeps its lease,
 * and what cannot be recorded by shutdown is logged for an operator. On SQLite and PostgreSQL.
 */
import { delay, http, HttpResponse } from "msw";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";

import { createApp, type App } from "../../src/app/create-app.js";
import type { ChannelPostsRepository } from "../../src/db/channel-posts.js";
import { publishNextPost, recoverOutbox, SEND_LEASE_MS, type OutboxDeps } from "../../src/publish/outbox.js";
import { createSendConfirmations } from "../../src/publish/send-confirmations.js";
import { storyArticle } from "../support/articles.js";
import { ADMIN_CHAT_ID, CHANNEL_ID, memoryLogger, testConfig } from "../support/config.js";
import { createTestDatabase, TEST_PROVIDERS, type TestDatabase } from "../support/database.js";
import { server } from "../support/msw.js";
import { BOT_INFO, installFakeTelegram, TEST_API_ROOT, TEST_TOKEN, type FakeTelegram } from "../support/telegram.js";
import { publicLookup } from "../support/web.js";

const T0 = new Date("2026-11-28T12:00:00Z");

describe.each(TEST_PROVIDERS)("recording what Telegram took, on %s", (provider) => {
  let database: TestDatabase;
  let telegram: FakeTelegram;
  let clock: Date;
  let app: App;
  let log: ReturnType<typeof memoryLogger>;

  beforeEach(async () => {
    database = await createTestDatabase(provider);
    telegram = installFakeTelegram();
    clock = T0;
    log = memoryLogger();
    app = await createApp({
      config: testConfig(database.url),
      logger: log.logger,
      botInfo: BOT_INFO,
      fetcherDeps: { lookup: publicLookup },
      now: () => clock,
    });
    await app.services.articles.storeBatch([storyArticle(1, { publishedAt: T0, sortAt: T0 })]);
  });
  afterEach(async () => {
    await app.stop();
    await database.drop();
  });

  const channelSends = () => telegram.callsTo("sendMessage").filter((c) => c.payload.chat_id === CHANNEL_ID);
  const adminSends = () => telegram.callsTo("sendMessage").filter((c) => c.payload.chat_id === ADMIN_CHAT_ID);
  const post = () => app.services.posts.get(1);

  /** The posts repository with a database that fails `markSent` the first `failures` times. */
  const failingWrites = (failures: number) => {
    const real = app.services.posts;
    const state = { left: failures, calls: 0, loggedBeforeFirstCall: null as boolean | null };
    const posts: ChannelPostsRepository = {
      ...real,
      markSent: (...args) => {
        state.calls++;
        state.loggedBeforeFirstCall ??= log.lines.some((line) => line.msg === "channel post sent" && line.messageId !== undefined);
        if (state.left-- > 0) return Promise.reject(new Error("Can't reach database server"));
        return real.markSent(...args);
      },
    };
    return { posts, state };
  };

  /** The outbox with quick retries (1 ms doubling to 4 ms) on the given repository. */
  const outboxWith = (posts: ChannelPostsRepository): OutboxDeps => ({
    ...app.outboxDeps,
    posts,
    logger: log.logger,
    confirmations: createSendConfirmations({ logger: log.logger, firstDelayMs: 1, maxDelayMs: 4 }),
  });

  it("logs the message id before recording it, and records it once the database answers again, never as uncertain", async () => {
    const { posts, state } = failingWrites(5);
    const outbox = outboxWith(posts);
    const outcome = await publishNextPost(outbox);
    expect(outcome).toEqual({ kind: "sent", postId: 1, messageId: 1001 });
    expect(state.loggedBeforeFirstCall).toBe(true);
    expect(log.lines.find((line) => line.msg === "channel post sent")).toMatchObject({ level: 30, postId: 1, messageId: 1001 });

    // Three quick tries failed; the rest go on in the background. Meanwhile its lease runs out,
    // and the watchdog of this process leaves it alone: it knows the post went out.
    clock = new Date(T0.getTime() + 2 * SEND_LEASE_MS);
    await recoverOutbox(outbox);
    expect((await post())?.status).not.toBe("uncertain");

    await vi.waitFor(async () => expect((await post())?.status).toBe("sent"));
    expect(await post()).toMatchObject({ status: "sent", chatId: String(CHANNEL_ID), telegramMessageId: 1001n, attempts: 1 });
    expect(state.calls).toBe(6);
    expect(outbox.confirmations.pendingPostIds()).toEqual([]);
    await recoverOutbox(outbox);
    expect(await publishNextPost(outbox)).toEqual({ kind: "idle", reason: { code: "nothing-new" } });
    expect(channelSends()).toHaveLength(1);
    expect(adminSends()).toEqual([]);
  });

  it("on shutdown tries once more, then logs loudly what could not be recorded", async () => {
    const { posts } = failingWrites(Number.POSITIVE_INFINITY);
    const outbox = outboxWith(posts);
    expect(await publishNextPost(outbox)).toEqual({ kind: "sent", postId: 1, messageId: 1001 });
    expect(outbox.confirmations.pendingPostIds()).toEqual([1]);

    await outbox.confirmations.stop();
    expect(log.lines.filter((line) => line.level === 50).at(-1)).toMatchObject({
      postId: 1,
      chatId: String(CHANNEL_ID),
      messageId: 1001,
      msg: "post #1 is in the channel as message 1001 but the database could not record it: set it to sent with that message id by hand, or it will be reported as uncertain",
    });
    expect(outbox.confirmations.pendingPostIds()).toEqual([]);
    expect(channelSends()).toHaveLength(1);
  });

  it("renews the lease of a send slower than the lease, so the watchdog never calls it uncertain, and sends it once", async () => {
    let reached!: () => void;
    const sendStarted = new Promise<void>((resolve) => (reached = resolve));
    let answer!: () => void;
    const telegramAnswers = new Promise<void>((resolve) => (answer = resolve));
    const channelCalls: unknown[] = [];
    server.use(
      http.post(`${TEST_API_ROOT}/bot${TEST_TOKEN}/sendMessage`, async ({ request }) => {
        const body = (await request.clone().json()) as { chat_id: number };
        if (body.chat_id !== CHANNEL_ID) return HttpResponse.json({ ok: true, result: { message_id: 1, date: 0, chat: { id: body.chat_id, type: "supergroup" } } });
        channelCalls.push(body);
        reached();
        await telegramAnswers;
        await delay(1);
        return HttpResponse.json({ ok: true, result: { message_id: 77, date: 0, chat: { id: CHANNEL_ID, type: "channel" } } });
      }),
    );
    // The renewal timer, driven by hand.
    const timers: { ms: number; tick: () => Promise<void>; stopped: boolean }[] = [];
    const outbox: OutboxDeps = {
      ...app.outboxDeps,
      repeat: (ms, tick) => {
        const timer = { ms, tick, stopped: false };
        timers.push(timer);
        return () => (timer.stopped = true);
      },
    };

    const sending = publishNextPost(outbox);
    await sendStarted;
    expect(timers.map((t) => t.ms)).toEqual([SEND_LEASE_MS / 3]);
    // Telegram takes its time; the renewal runs, then the watchdog looks after the first lease ran out.
    clock = new Date(T0.getTime() + 60_000);
    await timers[0]!.tick();
    clock = new Date(T0.getTime() + 120_000);
    await recoverOutbox(outbox);
    expect((await post())?.status).toBe("sending");
    expect((await app.services.db.prisma.channelPost.findUniqueOrThrow({ where: { id: 1 } })).leaseUntil).toEqual(new Date(T0.getTime() + 60_000 + SEND_LEASE_MS));
    expect(await publishNextPost(outbox, { postId: 1 })).toMatchObject({ kind: "idle" });

    answer();
    expect(await sending).toEqual({ kind: "sent", postId: 1, messageId: 77 });
    expect(timers[0]!.stopped).toBe(true);
    expect(await post()).toMatchObject({ status: "sent", telegramMessageId: 77n });
    expect(channelCalls).toHaveLength(1);
    expect(adminSends()).toEqual([]);
  });
});
