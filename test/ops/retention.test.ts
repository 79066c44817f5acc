/**
 * The nightly retention run, as a newsroom sees it: old article bodies are emptied
 * but every article, link, alias, topic and post stays; finished alerts, idle
 * sessions and dead leases go; the audit log keeps a year. On SQLite and PostgreSQL.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";

import type { Database } from "../../src/db/client.js";
import { sqliteDiskBytes } from "../../src/db/sqlite-space.js";
import { createOperationsJobs, OPERATIONS_JOBS, RETENTION_CRON } from "../../src/app/operations-jobs.js";
import { createServices, type Services } from "../../src/app/create-services.js";
import { memoryLogger, testConfig } from "../support/config.js";
import { createTestDatabase, TEST_PROVIDERS, type TestDatabase } from "../support/database.js";

const NOW = new Date("2026-12-01T03:17:00Z");
const DAY = 24 * 60 * 60_000;
const HOUR = 60 * 60_000;
const ago = (ms: number) => new Date(NOW.getTime() - ms);

describe.each(TEST_PROVIDERS)("retention on %s", (provider) => {
  let database: TestDatabase;
  let db: Database;
  let services: Services;
  let log: ReturnType<typeof memoryLogger>;

  beforeEach(async () => {
    database = await createTestDatabase(provider);
    db = await database.open();
    log = memoryLogger();
    services = createServices({ config: testConfig(database.url), logger: log.logger, db, now: () => NOW });
  });

  afterEach(async () => {
    await db.close();
    await database.drop();
  });

  const runRetention = async () => {
    const job = createOperationsJobs({ services, logger: log.logger }).find((j) => j.name === OPERATIONS_JOBS.retention);
    if (!job) throw new Error("no retention job");
    expect(job.cron).toBe(RETENTION_CRON);
    return job.run(new AbortController().signal);
  };

  const article = (slug: string, storedAgo: number, body = `The full text of ${slug}.`) =>
    db.prisma.article.create({
      data: {
        url: `https://news.example.com/${slug}`,
        headline: `Headline of ${slug}`,
        headlineKey: `headline ${slug}`,
        summary: `Summary of ${slug}.`,
        body,
        imageUrl: `https://news.example.com/${slug}.jpg`,
        sortAt: ago(storedAgo),
        createdAt: ago(storedAgo),
      },
    });

  it("empties the bodies of articles stored more than 90 days ago, and keeps everything links, dedupe and search use", async () => {
    const topic = await db.prisma.topic.create({ data: { slug: "asia", name: "Asia" } });
    const old = await article("old-story", 91 * DAY);
    await db.prisma.articleTopic.create({ data: { articleId: old.id, topicId: topic.id } });
    await db.prisma.articleAlias.create({ data: { url: "https://amp.news.example.com/old-story", articleId: old.id } });
    const post = await db.prisma.channelPost.create({
      data: { articleId: old.id, status: "sent", sentAt: ago(91 * DAY), chatId: "-1001111111111", telegramMessageId: 77n, clickCount: 12 },
    });
    await article("older-story", 400 * DAY);
    const recent = await article("recent-story", 89 * DAY);

    await runRetention();

    const rows = await db.prisma.article.findMany({
      orderBy: { id: "asc" },
      select: { url: true, headline: true, headlineKey: true, summary: true, body: true, imageUrl: true, sortAt: true },
    });
    expect(rows).toEqual([
      {
        url: "https://news.example.com/old-story",
        headline: "Headline of old-story",
        headlineKey: "headline old-story",
        summary: "Summary of old-story.",
        body: "",
        imageUrl: "https://news.example.com/old-story.jpg",
        sortAt: ago(91 * DAY),
      },
      expect.objectContaining({ url: "https://news.example.com/older-story", summary: "Summary of older-story.", body: "" }),
      expect.objectContaining({ url: "https://news.example.com/recent-story", body: "The full text of recent-story." }),
    ]);
    // /r/<id>, /latest by topic, the same story under its AMP URL: all still there.
    expect(await db.prisma.channelPost.findUnique({ where: { id: post.id }, select: { status: true, telegramMessageId: true, clickCount: true } })).toEqual({
      status: "sent",
      telegramMessageId: 77n,
      clickCount: 12,
    });
    expect((await services.articles.latest({ limit: 5, topicSlug: "asia" })).map((a) => a.url)).toEqual(["https://news.example.com/old-story"]);
    expect((await services.articles.findByUrl("https://amp.news.example.com/old-story"))?.id).toBe(old.id);
    expect((await services.search.search(["old-story"], 5)).map((hit) => hit.id)).toEqual([old.id]);
    expect(await db.prisma.article.count({ where: { id: recent.id, body: { not: "" } } })).toBe(1);
  });

  it("deletes finished alerts after 90 days and never one still waiting to be sent", async () => {
    const reader = await db.prisma.subscriber.create({ data: { telegramId: 5001n, chatId: 5001n } });
    const story = await article("story", 100 * DAY);
    const post = await db.prisma.channelPost.create({ data: { articleId: story.id, status: "sent", sentAt: ago(100 * DAY) } });
    const delivery = (status: string, queuedAgo: number, digestKey: string) =>
      db.prisma.alertDelivery.create({
        data: { subscriberId: reader.id, kind: "digest", digestKey, text: `digest ${digestKey}`, status, createdAt: ago(queuedAgo) },
      });
    await db.prisma.alertDelivery.create({
      data: { subscriberId: reader.id, postId: post.id, kind: "instant", text: "instant", status: "sent", sentAt: ago(100 * DAY), createdAt: ago(100 * DAY) },
    });
    await delivery("failed", 95 * DAY, "2026-08-28");
    await delivery("skipped", 91 * DAY, "2026-09-01");
    await delivery("pending", 91 * DAY, "2026-09-01b");
    await delivery("sending", 91 * DAY, "2026-09-01c");
    await delivery("sent", 89 * DAY, "2026-09-03");

    await runRetention();

    const left = await db.prisma.alertDelivery.findMany({ orderBy: { id: "asc" }, select: { status: true, digestKey: true } });
    expect(left).toEqual([
      { status: "pending", digestKey: "2026-09-01b" },
      { status: "sending", digestKey: "2026-09-01c" },
      { status: "sent", digestKey: "2026-09-03" },
    ]);
    expect(await db.prisma.channelPost.count()).toBe(1);
    expect(await db.prisma.subscriber.count()).toBe(1);
  });

  it("deletes sessions idle for a day, leases that ran out a day ago, and audit entries older than a year, then says what went", async () => {
    await db.prisma.session.create({ data: { key: "conversation:-1002222222222", value: "{}", updatedAt: ago(25 * HOUR) } });
    await db.prisma.session.create({ data: { key: "conversation:-1003333333333", value: "{}", updatedAt: ago(HOUR) } });
    await db.prisma.jobLease.create({ data: { name: "ingest", owner: "crashed-1", leaseUntil: ago(2 * DAY) } });
    await db.prisma.jobLease.create({ data: { name: "publish", owner: "crashed-2", leaseUntil: ago(HOUR) } });
    await db.prisma.jobLease.create({ data: { name: "alerts-send", owner: "running", leaseUntil: new Date(NOW.getTime() + HOUR) } });
    for (const [action, daysAgo] of [["queue", 366], ["edit", 364], ["pause", 1]] as const) {
      await db.prisma.auditLog.create({ data: { actorId: 42n, action, createdAt: ago(daysAgo * DAY) } });
    }
    await article("old-story", 91 * DAY);

    const report = await runRetention();

    expect((await db.prisma.session.findMany({ select: { key: true } })).map((s) => s.key)).toEqual(["conversation:-1003333333333"]);
    expect((await db.prisma.jobLease.findMany({ orderBy: { name: "asc" }, select: { name: true } })).map((l) => l.name)).toEqual(["alerts-send", "publish"]);
    expect((await services.audit.latest(10)).map((e) => e.action)).toEqual(["pause", "edit"]);
    expect(report).toMatchObject({ articleBodies: 1, alerts: 0, sessions: 1, leases: 1, auditEntries: 1 });
    const line = log.lines.find((l) => l.job === OPERATIONS_JOBS.retention);
    expect(line?.msg).toMatch(
      /^retention: emptied 1 article bodies; deleted 0 finished alerts, 1 idle sessions, 1 expired job leases, 1 audit entries; gave \d+\.\d MB back to the disk$/,
    );
  });

  it("changes nothing on a second run the same night", async () => {
    await article("old-story", 91 * DAY);
    await runRetention();
    expect(await runRetention()).toEqual({ articleBodies: 0, alerts: 0, sessions: 0, leases: 0, auditEntries: 0, reclaimedBytes: 0, reclaimPostponed: false });
  });
});

describe("retention on a SQLite file", () => {
  let database: TestDatabase;

  afterEach(() => database.drop());

  it("gives the space of emptied bodies back to the disk", async () => {
    database = await createTestDatabase("sqlite");
    const db = await database.open();
    const target = testConfig(database.url).database;
    if (target.provider !== "sqlite") throw new Error("expected SQLite");
    try {
      const body = "The council met on Tuesday to discuss the harbour. ".repeat(100);
      await db.prisma.article.createMany({
        data: Array.from({ length: 400 }, (_, i) => ({ url: `https://news.example.com/${i}`, headline: `Story ${i}`, body, createdAt: ago(120 * DAY) })),
      });
      const services = createServices({ config: testConfig(database.url), logger: memoryLogger().logger, db, now: () => NOW });
      const job = createOperationsJobs({ services, logger: memoryLogger().logger }).find((j) => j.name === OPERATIONS_JOBS.retention)!;
      await db.prisma.$queryRawUnsafe("PRAGMA wal_checkpoint(TRUNCATE)");
      const before = sqliteDiskBytes(target.filePath);

      const report = (await job.run(new AbortController().signal)) as { reclaimedBytes: number };

      const after = sqliteDiskBytes(target.filePath);
      // 400 bodies of about 5 KB.
      expect(report.reclaimedBytes).toBeGreaterThan(1_500_000);
      expect(before - after).toBeGreaterThan(1_500_000);
      expect(await db.prisma.article.count({ where: { body: "" } })).toBe(400);
    } finally {
      await db.close();
    }
  });
});
