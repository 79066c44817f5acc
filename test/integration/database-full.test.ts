/**
 * A full disk (SQLite's `PRAGMA max_page_count` plays it): ingestion's writes fail cleanly —
 * a feed's batch of new articles is stored whole or not at all — the health checks say why,
 * and when space returns the next run stores everything, by itself.
 */
import { http } from "msw";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";

import { ADMIN_CHAT_ID, CHANNEL_ID } from "../support/config.js";
import { server } from "../support/msw.js";
import { TEST_API_ROOT, TEST_TOKEN } from "../support/telegram.js";

import { fillDisk, freeDisk } from "../support/full-disk.js";
import { createTestDatabase, type TestDatabase } from "../support/database.js";
import { installFakeTelegram } from "../support/telegram.js";
import { rss, serve } from "../support/web.js";
import { queueEditorPost, START, startHarness, type Harness } from "../bot/editors/editor-harness.js";

const FEED_URL = "https://news.example.com/world/rss.xml";
const WORDS = (
  "harbour council bridge ferry library school hospital museum market station airport stadium theatre river forest castle " +
  "orchard vineyard brewery factory tunnel canal lighthouse reservoir railway garden quarry mill bakery chapel gallery " +
  "observatory aquarium zoo harbourmaster lifeboat pier marina cathedral barracks"
).split(" ");
/** Forty headlines with no two about the same story. */
const headline = (i: number) => `${WORDS[i]} ${WORDS[(i + 7) % 40]} ${WORDS[(i + 19) % 40]} ${WORDS[(i + 31) % 40]} report`;
const PARAGRAPH =
  "The harbour authority said on Monday that repairs to the sea wall would take most of the winter, and that the ferries would keep running on the reduced timetable until the work was done. ";

describe("a SQLite database that takes no writes", () => {
  let database: TestDatabase;
  let harness: Harness;

  beforeEach(async () => {
    database = await createTestDatabase("sqlite");
    harness = await startHarness(database, installFakeTelegram(), { clock: { now: START } });
  });
  afterEach(async () => {
    await harness.app.stop();
    await database.drop();
  });

  it("(a full disk) stores nothing of a batch that does not fit, says so, and stores it all once there is room", async () => {
    const { app, clock } = harness;
    const prisma = app.services.db.prisma;
    await app.newsroom.feeds.add({ url: FEED_URL, topic: "world", fullPage: false, force: true, actor: { id: 0, name: null } });
    // The feed's first fetch is stored (never posted): its back catalogue, 40 stories.
    serve(
      FEED_URL,
      rss(
        Array.from({ length: 40 }, (_, i) => ({
          title: headline(i),
          link: `https://news.example.com/world/harbour-${i + 1}`,
          description: PARAGRAPH.repeat(3),
          pubDate: new Date(START.getTime() - (i + 1) * 3_600_000),
        })),
      ),
    );
    await fillDisk(prisma);

    await app.scheduler.runNow("ingest");
    expect([await prisma.article.count(), await prisma.articleAlias.count(), await prisma.articleTopic.count()]).toEqual([0, 0, 0]);
    // The feed's row still had room for the reason (an update in place), in words an editor can read.
    expect((await app.newsroom.feeds.list()).map((f) => f.lastError)).toEqual(["the disk is full (SQLITE_FULL)"]);
    clock.now = new Date(START.getTime() + 10_000);
    const full = await app.health.monitor.evaluate({ fresh: true });
    expect(full.problems.map((p) => p.sentence)).toContain("The database is not writable: the disk is full (SQLITE_FULL).");

    await freeDisk(prisma);
    // After the failed run the feed may back off; the next runs find it due again.
    clock.now = new Date(START.getTime() + 3 * 3_600_000);
    await app.scheduler.runNow("ingest");
    expect(await prisma.article.count()).toBe(40);
    expect(await prisma.articleTopic.count()).toBe(40);
    expect((await app.health.monitor.evaluate({ fresh: true })).problems).toEqual([]);
  });

  it("tells an editor whose command failed why, and works again once the database does", async () => {
    const prisma = harness.app.services.db.prisma;
    await prisma.$queryRawUnsafe("PRAGMA query_only = 1");
    await harness.say("/pause");
    expect(harness.sent()).toEqual([
      "Sorry, that could not be saved: the database file is read-only (SQLITE_READONLY). /status shows when the database takes writes again.",
    ]);
    await prisma.$queryRawUnsafe("PRAGMA query_only = 0");
    await harness.say("/pause");
    expect(harness.sent().at(-1)).toMatch(/^Automatic posting is paused\./);
  });

  it("never loses or doubles a post whose sending cannot be recorded at once: it is recorded when writes return", async () => {
    const { app, clock } = harness;
    const prisma = app.services.db.prisma;
    const postId = await queueEditorPost(app, "Ferry line to link the islands", null);
    // Telegram takes the post; at that moment the database stops taking writes, so markSent fails.
    server.use(
      http.post(`${TEST_API_ROOT}/bot${TEST_TOKEN}/sendMessage`, async ({ request }) => {
        if ((JSON.parse(await request.clone().text()) as { chat_id: number }).chat_id === CHANNEL_ID) await prisma.$queryRawUnsafe("PRAGMA query_only = 1");
        return undefined;
      }),
    );
    clock.now = new Date(START.getTime() + 10 * 60_000);
    expect(await app.scheduler.runNow("publish")).toBe(true);
    expect((await prisma.channelPost.findUniqueOrThrow({ where: { id: postId } })).status).toBe("sending");

    await prisma.$queryRawUnsafe("PRAGMA query_only = 0");
    clock.now = new Date(clock.now.getTime() + 2 * 60_000);
    await app.scheduler.runNow("outbox-watchdog");
    await app.scheduler.runNow("publish");
    await vi.waitFor(async () => expect((await prisma.channelPost.findUniqueOrThrow({ where: { id: postId } })).status).toBe("sent"), { timeout: 15_000 });
    expect((await prisma.channelPost.findUniqueOrThrow({ where: { id: postId } })).telegramMessageId).not.toBeNull();
    expect(harness.sent(CHANNEL_ID)).toHaveLength(1);
    expect(harness.sent(ADMIN_CHAT_ID).some((text) => text.includes("may or may not be in the channel"))).toBe(false);
  });
});
