/**
 * Several instances on one PostgreSQL database stay within Telegram's limits together:
 * only the instance holding the sender lease sends channel posts and alerts, through one
 * budget (channel posts first); when it stops or dies, another takes over. Telegram is
 * faked with a rate checker that records when each message arrived, per chat.
 */
import { monitorEventLoopDelay } from "node:perf_hooks";

import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";

import { ALERT_JOBS } from "../../src/app/alert-jobs.js";
import { createApp, type App } from "../../src/app/create-app.js";
import { createSendBudget, type ReplyBudget } from "../../src/publish/send-budget.js";
import { SENDER_LEASE, SENDER_LEASE_MS } from "../../src/publish/sender-lease.js";
import { storyArticle } from "../support/articles.js";
import { CHANNEL_ID, memoryLogger, testConfig } from "../support/config.js";
import { createTestDatabase, type TestDatabase } from "../support/database.js";
import { BOT_INFO, installFakeTelegram, type FakeTelegram } from "../support/telegram.js";
import { publicLookup } from "../support/web.js";

const HOUR = 3_600_000;

/**
 * The real send budget, which the test can hold (as a long flood wait would) and release
 * once everyone is waiting, so who goes first does not depend on who asked first.
 */
function holdableBudget() {
  let offset = 0;
  let asked = 0;
  let granted = 0;
  const inner = createSendBudget({
    now: () => Date.now() + offset,
    sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms).unref()),
  });
  const budget: ReplyBudget = {
    ...inner,
    async take(chatId, priority, signal) {
      asked++;
      await inner.take(chatId, priority, signal);
      granted++;
    },
    send(chatId, priority, send, signal) {
      asked++;
      return inner.send(
        chatId,
        priority,
        () => {
          granted++;
          return send();
        },
        signal,
      );
    },
  };
  return {
    budget,
    waiting: () => asked - granted,
    granted: () => granted,
    hold: () => inner.pause(HOUR),
    // The budget's clock jumps past the hold: every rule after it is kept as before.
    release() {
      offset += HOUR;
      inner.pause(0);
    },
  };
}

/**
 * Fails with what was wrong when the arrivals break one of Telegram's limits. `stallMs` is the
 * longest the test process's event loop stood still meanwhile (a busy CI machine): sends the
 * budget spaced correctly but that a stall held back arrive together, so the windows are
 * shortened by exactly that much — a bunching that a stall cannot explain still fails.
 */
function checkTelegramLimits(arrivals: { chatId: number; at: number }[], stallMs = 0): void {
  const second = 1000 - stallMs;
  const times = arrivals.map((a) => a.at).sort((a, b) => a - b);
  for (let i = 0; i < times.length; i++) {
    const inSecond = times.filter((t) => t >= times[i]! && t < times[i]! + second).length;
    expect(inSecond, `messages in the second from ${times[i]!.toFixed(0)} ms`).toBeLessThanOrEqual(30);
  }
  const byChat = new Map<number, number[]>();
  for (const { chatId, at } of arrivals) byChat.set(chatId, [...(byChat.get(chatId) ?? []), at]);
  for (const [chatId, chatTimes] of byChat) {
    chatTimes.sort((a, b) => a - b);
    for (let i = 1; i < chatTimes.length; i++) {
      expect(chatTimes[i]! - chatTimes[i - 1]!, `gap between two messages to chat ${chatId}`).toBeGreaterThanOrEqual(second);
    }
    if (chatId < 0) {
      for (let i = 0; i < chatTimes.length; i++) {
        const inMinute = chatTimes.filter((t) => t >= chatTimes[i]! && t < chatTimes[i]! + 60_000).length;
        expect(inMinute, `messages to group ${chatId} in a minute`).toBeLessThanOrEqual(20);
      }
    }
  }
}

describe("several instances on one PostgreSQL database", () => {
  let database: TestDatabase;
  let telegram: FakeTelegram;
  let arrivals: { chatId: number; at: number }[];
  const apps: App[] = [];

  const startInstance = async (options: { budget?: ReplyBudget; now?: () => Date } = {}) => {
    const app = await createApp({
      config: testConfig(database.url),
      logger: memoryLogger().logger,
      botInfo: BOT_INFO,
      fetcherDeps: { lookup: publicLookup },
      ...(options.budget ? { sendBudget: options.budget } : {}),
      ...(options.now ? { now: options.now } : {}),
    });
    apps.push(app);
    return app;
  };

  beforeEach(async () => {
    database = await createTestDatabase("postgresql");
    telegram = installFakeTelegram();
    arrivals = [];
    telegram.answer("sendMessage", (payload) => {
      arrivals.push({ chatId: Number(payload.chat_id), at: performance.now() });
      return { result: { message_id: 2000 + arrivals.length, date: 0, chat: { id: Number(payload.chat_id), type: "private" }, text: payload.text } };
    });
  });
  afterEach(async () => {
    for (const app of apps.splice(0)) await app.stop();
    await database.drop();
  });

  /** `count` stories an editor queued (channel posts waiting to go out). */
  const queueStories = async (app: App, count: number, from = 1) => {
    for (let n = from; n < from + count; n++) {
      const [article] = await app.services.articles.storeBatch([storyArticle(n, { autoPost: false, source: "page" })]);
      await app.services.posts.create({ articleId: article!.id, origin: "editor", queuedById: 1n, queuedByName: "Ed" });
    }
  };

  it("send a burst of channel posts and alerts within Telegram's limits together, channel posts first", async () => {
    const a = holdableBudget();
    const b = holdableBudget();
    const first = await startInstance({ budget: a.budget });
    const second = await startInstance({ budget: b.budget });
    expect(await first.sender.refresh()).toBe(true);
    expect(await second.sender.refresh()).toBe(false);

    // 45 readers, each due two alerts (of two earlier posts), and two stories queued for the channel.
    await queueStories(first, 2, 1);
    await queueStories(first, 2, 10);
    const prisma = first.services.db.prisma;
    await prisma.channelPost.updateMany({ where: { id: { in: [3, 4] } }, data: { status: "sent", sentAt: new Date() } });
    const alerts = [];
    for (let reader = 1; reader <= 45; reader++) {
      const { id } = await first.services.subscribers.register({ telegramId: 9000 + reader, chatId: 9000 + reader, firstName: "Reader" });
      for (const postId of [3, 4]) alerts.push({ subscriberId: id, kind: "instant" as const, postId, text: `Alert ${postId} for reader ${reader}` });
    }
    expect(await first.services.alerts.enqueue(alerts, new Date())).toBe(90);

    // Everything becomes due at once, on both instances.
    a.hold();
    b.hold();
    const stalls = monitorEventLoopDelay({ resolution: 5 });
    stalls.enable();
    const runs = [ALERT_JOBS.send, "publish"].flatMap((job) => [first.scheduler.runNow(job), second.scheduler.runNow(job)]);
    // The sender's alert run has claimed a batch and its publish tick a post; all wait for the one budget.
    await vi.waitFor(() => expect(a.waiting()).toBe(31));
    a.release();
    b.release();
    expect(await Promise.all(runs)).toEqual([true, false, true, false]);
    expect(await first.scheduler.runNow("publish")).toBe(true);
    for (let run = 0; run < 5 && (await prisma.alertDelivery.count({ where: { status: "pending" } })) > 0; run++) {
      await first.scheduler.runNow(ALERT_JOBS.send);
    }

    expect(arrivals).toHaveLength(92);
    expect(arrivals[0]!.chatId).toBe(CHANNEL_ID);
    expect(arrivals.filter((m) => m.chatId === CHANNEL_ID)).toHaveLength(2);
    expect(await prisma.alertDelivery.count({ where: { status: "sent" } })).toBe(90);
    expect(await prisma.channelPost.count({ where: { status: "sent" } })).toBe(4);
    // The other instance sent nothing.
    expect(b.granted()).toBe(0);
    stalls.disable();
    checkTelegramLimits(arrivals, stalls.max / 1e6);
  });

  it("another instance takes over when the sender stops, and within a minute when it dies", async () => {
    let clock = new Date("2026-11-28T12:00:00Z");
    const now = () => clock;
    const first = await startInstance({ now });
    const second = await startInstance({ now });
    await queueStories(first, 3);

    expect(await first.sender.refresh()).toBe(true);
    expect(await second.sender.refresh()).toBe(false);
    expect(await second.scheduler.runNow("publish")).toBe(false);
    expect(arrivals).toEqual([]);

    // A clean stop gives the lease up: the other instance takes it at its next try.
    await first.stop();
    apps.splice(apps.indexOf(first), 1);
    expect(await second.sender.refresh()).toBe(true);
    expect(await second.scheduler.runNow("publish")).toBe(true);
    expect(arrivals.map((m) => m.chatId)).toEqual([CHANNEL_ID]);

    // The second instance dies: it stops renewing, and its lease is left behind.
    const third = await startInstance({ now });
    expect(await third.sender.refresh()).toBe(false);
    clock = new Date(clock.getTime() + SENDER_LEASE_MS - 1000);
    expect(await third.sender.refresh()).toBe(false);
    clock = new Date(clock.getTime() + 2000);
    expect(await third.sender.refresh()).toBe(true);
    expect(await third.scheduler.runNow("publish")).toBe(true);
    expect(arrivals.map((m) => m.chatId)).toEqual([CHANNEL_ID, CHANNEL_ID]);
    expect(await third.services.db.prisma.jobLease.findUnique({ where: { name: SENDER_LEASE }, select: { owner: true } })).toEqual({
      owner: third.services.instanceId,
    });

    // Were the second instance only stalled, its next renewal finds the lease taken, and it stops sending.
    expect(await second.sender.refresh()).toBe(false);
    expect(second.sender.holds()).toBe(false);
    expect(await second.scheduler.runNow("publish")).toBe(false);
    expect(arrivals).toHaveLength(2);
  });
});
