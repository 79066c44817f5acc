/**
 * `cli status`: the operator, in another process than the bot, sees the same status as the
 * editors' /status — which bot is running, its version and uptime (from its heartbeat), or
 * that none has been seen for a while — and the problems the bot reported, also as JSON.
 */
import { hostname } from "node:os";

import { http, HttpResponse } from "msw";
import { afterEach, beforeEach, describe, expect, it } from "vitest";

import { createApp, type App } from "../../src/app/create-app.js";
import { createArticlesRepository } from "../../src/db/articles.js";
import { seedNotPostedStories } from "../support/articles.js";
import { memoryLogger, testConfig } from "../support/config.js";
import { TEST_PROVIDERS } from "../support/database.js";
import { server } from "../support/msw.js";
import { BOT_INFO, TEST_API_ROOT, TEST_TOKEN } from "../support/telegram.js";
import { createCliHarness, createClock, type CliHarness } from "./cli-harness.js";

const START = new Date("2026-11-30T10:00:00Z");
const TZ = { TIMEZONE: "Europe/London" };

describe.each(TEST_PROVIDERS)("cli status on %s", (provider) => {
  let h: CliHarness;
  let bot: App | null = null;
  const clock = createClock(START);

  beforeEach(async () => {
    clock.set(START);
    h = await createCliHarness(provider, TZ);
  });
  afterEach(async () => {
    await bot?.stop();
    bot = null;
    await h.close();
  });

  /** A bot on the same database that has written its first heartbeat. */
  const startBot = async () => {
    bot = await createApp({ config: testConfig(h.database.url, TZ), logger: memoryLogger().logger, botInfo: BOT_INFO, now: clock.now });
    expect(await bot.scheduler.runNow(`heartbeat:${bot.services.instanceId}`)).toBe(true);
    return bot;
  };

  it("says when no bot has ever run", async () => {
    expect(await h.cli(["status"], { now: clock.now })).toEqual({
      code: 0,
      stderr: "",
      stdout: [
        "Newsdesk status at Mon 30 Nov 10:00 (Europe/London)",
        "Problems: none",
        "Posting: on",
        "Channel: the bot may post",
        "Next posts: none waiting",
        "Waiting for review: none",
        "Last post: none yet",
        "Last successful ingest: never",
        "Feeds: 0 (0 failing, 0 paused)",
        "Alerts waiting: 0",
        "Not posted: 0 (stories that outlived the 24-hour auto-post window in the last 7 days)",
        "Failed or uncertain posts: none",
        "Bot: no bot has been seen running",
        "",
      ].join("\n"),
    });
  });

  it("shows the running bot and the problems it reported, and later that it is gone", async () => {
    const app = await startBot();
    // The bot cannot reach Telegram; its heartbeat says so.
    server.use(http.post(`${TEST_API_ROOT}/bot${TEST_TOKEN}/:method`, () => HttpResponse.error()));
    expect(await app.admin.notify("Anyone?")).toBe(false);
    clock.advance(20_000);
    await app.scheduler.runNow(`heartbeat:${app.services.instanceId}`);
    clock.advance(100_000);

    const running = await h.cli(["status"], { now: clock.now });
    expect(running.stdout.split("\n").slice(0, 3)).toEqual([
      "Newsdesk status at Mon 30 Nov 10:02 (Europe/London)",
      "Problems (1):",
      "• Telegram has not answered for 2 minutes (Network error at https://telegram.test).",
    ]);
    expect(running.stdout.split("\n").at(-2)).toBe(`Bot: version 0.1.0 on ${hostname()} (pid ${process.pid}), up 2 minutes, last seen 100 seconds ago`);

    const json = JSON.parse((await h.cli(["status", "--json"], { now: clock.now })).stdout) as Record<string, unknown>;
    expect(json).toMatchObject({
      ready: false,
      checkedAt: "2026-11-30T10:02:00.000Z",
      problems: [{ key: "telegram", sentence: "Telegram has not answered for 2 minutes (Network error at https://telegram.test)." }],
      waitingCount: 0,
      alertsWaiting: 0,
      bots: [{ instanceId: app.services.instanceId, version: "0.1.0", startedAt: "2026-11-30T10:00:00.000Z", lastSeenAt: "2026-11-30T10:00:20.000Z", pid: process.pid }],
    });

    await app.stop();
    bot = null;
    clock.advance(14 * 60_000);
    const gone = await h.cli(["status"], { now: clock.now });
    expect(gone.stdout.split("\n").slice(1, 2)).toEqual(["Problems: none"]);
    expect(gone.stdout.split("\n").at(-2)).toBe(`Bot: none seen for 15 minutes (the last was version 0.1.0 on ${hostname()}, pid ${process.pid})`);
  });

  it("counts the stories that outlived the auto-post window as not posted, in text and JSON", async () => {
    const db = await h.db();
    await seedNotPostedStories(db, createArticlesRepository(db.prisma), START);
    const text = await h.cli(["status"], { now: clock.now });
    expect(text.stdout.split("\n").filter((line) => line.startsWith("Not posted"))).toEqual([
      "Not posted: 2 (stories that outlived the 24-hour auto-post window in the last 7 days)",
    ]);
    const json = JSON.parse((await h.cli(["status", "--json"], { now: clock.now })).stdout) as Record<string, unknown>;
    expect(json.notPosted).toBe(2);
  });
});
