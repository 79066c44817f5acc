/**
 * Backups as an operator lives them: a copy taken while the bot runs, a bad day
 * that loses data, and the README's restore procedure (stop the bot, put the copy in
 * place of the database file, start again) bringing every row back. Scheduled copies
 * on BACKUP_CRON, rotated to BACKUP_KEEP; on PostgreSQL, a pointer to pg_dump.
 */
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, renameSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, dirname, join } from "node:path";

import Sqlite from "better-sqlite3";
import { afterEach, beforeEach, describe, expect, it } from "vitest";

import { createApp, type App } from "../../src/app/create-app.js";
import { runCli } from "../../src/cli/run-cli.js";
import { OPERATIONS_JOBS } from "../../src/app/operations-jobs.js";
import { memoryLogger, testConfig } from "../support/config.js";
import { createTestDatabase, type TestDatabase } from "../support/database.js";
import { BOT_INFO, installFakeTelegram } from "../support/telegram.js";
import { publicLookup } from "../support/web.js";

describe("backing up and restoring a SQLite newsroom", () => {
  let database: TestDatabase;
  let filePath: string;
  let folder: string;
  const apps: App[] = [];

  const startApp = async (env: Record<string, string> = {}, now?: () => Date) => {
    const log = memoryLogger();
    const app = await createApp({
      config: testConfig(database.url, env),
      logger: log.logger,
      botInfo: BOT_INFO,
      fetcherDeps: { lookup: publicLookup },
      ...(now ? { now } : {}),
    });
    apps.push(app);
    await app.start({ listen: false, receiveUpdates: false });
    return { app, lines: log.lines };
  };

  beforeEach(async () => {
    installFakeTelegram();
    database = await createTestDatabase("sqlite");
    const target = testConfig(database.url).database;
    filePath = target.provider === "sqlite" ? target.filePath : "";
    folder = mkdtempSync(join(tmpdir(), "newsdesk-backups-"));
  });

  afterEach(async () => {
    for (const app of apps.splice(0)) await app.stop();
    await database.drop();
    rmSync(folder, { recursive: true, force: true });
  });

  it("brings back every row of the copy: stop the bot, move the damaged files aside, copy the backup in, start again", async () => {
    const { app } = await startApp();
    const asia = await app.services.feeds.add({ url: "https://news.example.com/asia/rss.xml", defaultTopic: "asia" });
    await app.services.feeds.add({ url: "https://news.example.com/world/rss.xml" });
    await app.services.audit.record({ actorId: 42, actorName: "Editor", action: "pause" });

    // Taken while the bot runs, as a nightly cron job would.
    const copy = join(folder, "newsdesk-2026-12-01.db");
    let stderr = "";
    const backup = await runCli(["db", "backup", copy], { env: { DATABASE_URL: database.url, LOG_LEVEL: "silent" }, stdout: () => {}, stderr: (t) => (stderr += t) });
    expect([backup, stderr]).toEqual([0, ""]);

    // A bad day: a feed is removed by mistake, another is added.
    await app.services.feeds.remove(asia.id);
    await app.services.feeds.add({ url: "https://news.example.com/sport/rss.xml" });

    // The README's procedure, step by step.
    await app.stop();
    apps.splice(0);
    const replaced = join(dirname(filePath), "replaced");
    mkdirSync(replaced);
    for (const file of [filePath, `${filePath}-wal`, `${filePath}-shm`]) {
      if (existsSync(file)) renameSync(file, join(replaced, basename(file)));
    }
    copyFileSync(copy, filePath);
    const { app: restored } = await startApp();

    expect((await restored.services.feeds.list()).map((f) => [f.url, f.defaultTopic])).toEqual([
      ["https://news.example.com/asia/rss.xml", "asia"],
      ["https://news.example.com/world/rss.xml", null],
    ]);
    expect((await restored.services.audit.latest(5)).map((e) => e.action)).toEqual(["pause"]);
    // The restored bot writes as before.
    await restored.services.feeds.add({ url: "https://news.example.com/sport/rss.xml" });
    expect(await restored.services.feeds.list()).toHaveLength(3);
  });

  it("copies the database into BACKUP_DIR on BACKUP_CRON and keeps the newest BACKUP_KEEP copies", async () => {
    let now = new Date("2026-12-01T02:00:00Z");
    const { app, lines } = await startApp({ BACKUP_CRON: "0 2 * * *", BACKUP_DIR: folder, BACKUP_KEEP: "2" }, () => now);
    const stem = basename(filePath, ".db");
    for (const day of ["01", "02", "03"]) {
      now = new Date(`2026-12-${day}T02:00:00Z`);
      await app.services.feeds.add({ url: `https://news.example.com/${day}/rss.xml` });
      expect(await app.scheduler.runNow(OPERATIONS_JOBS.backup)).toBe(true);
    }

    expect(readdirSync(folder).sort()).toEqual([`${stem}-20261202T020000000Z.db`, `${stem}-20261203T020000000Z.db`]);
    const newest = new Sqlite(join(folder, `${stem}-20261203T020000000Z.db`), { readonly: true });
    try {
      expect(newest.prepare('SELECT "url" FROM "Feed" ORDER BY "id"').pluck().all()).toEqual([
        "https://news.example.com/01/rss.xml",
        "https://news.example.com/02/rss.xml",
        "https://news.example.com/03/rss.xml",
      ]);
    } finally {
      newest.close();
    }
    expect(lines.filter((l) => l.job === OPERATIONS_JOBS.backup).map((l) => l.msg)).toEqual([
      `database backed up to ${join(folder, `${stem}-20261201T020000000Z.db`)}`,
      `database backed up to ${join(folder, `${stem}-20261202T020000000Z.db`)}`,
      `database backed up to ${join(folder, `${stem}-20261203T020000000Z.db`)}`,
    ]);
  });
});

describe("scheduled backups on PostgreSQL", () => {
  let database: TestDatabase;
  let app: App | null = null;

  afterEach(async () => {
    await app?.stop();
    await database.drop();
  });

  it("are not taken: the log says once, at start, to use pg_dump", async () => {
    installFakeTelegram();
    database = await createTestDatabase("postgresql");
    const log = memoryLogger();
    app = await createApp({ config: testConfig(database.url, { BACKUP_CRON: "0 2 * * *" }), logger: log.logger, botInfo: BOT_INFO });

    expect(log.lines.filter((l) => l.level === 40).map((l) => l.msg)).toEqual([
      "BACKUP_CRON is set, but scheduled backups copy SQLite databases only: back up PostgreSQL with pg_dump (`npm run cli -- db backup <file>` prints the command)",
    ]);
    await expect(app.scheduler.runNow(OPERATIONS_JOBS.backup)).rejects.toThrow("no job named backup");
  });
});
