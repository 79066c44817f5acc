/**
 * Upgrading Newsdesk on SQLite: before a new migration touches a database that
 * already holds a newsroom's data, the file is copied aside (the last 3 such copies
 * are kept), so a bad upgrade can be undone by restoring the copy.
 */
import { existsSync, readdirSync } from "node:fs";
import { basename, dirname, join } from "node:path";

import Sqlite from "better-sqlite3";
import { afterEach, beforeEach, describe, expect, it } from "vitest";

import { parseDatabaseUrl } from "../../src/db/database-url.js";
import { migrateDatabase, readMigrations, type MigrationSource } from "../../src/db/migrations.js";
import { memoryLogger } from "../support/config.js";
import { createTestDatabase, type TestDatabase } from "../support/database.js";

/** The committed migrations plus `count` new ones, as a release with new migrations would bring. */
function withNewMigrations(count: number): MigrationSource {
  const committed = readMigrations("sqlite");
  const added = Array.from({ length: count }, (_, i) => ({
    name: `2099010${i + 1}000000_add_scratch_${i + 1}`,
    sql: `CREATE TABLE "Scratch${i + 1}" ("id" INTEGER NOT NULL PRIMARY KEY);\n`,
  }));
  return { ...committed, migrations: [...committed.migrations, ...added] };
}

/** The first column of every row `sql` finds in the database file. */
function columnIn(file: string, sql: string): unknown[] {
  const db = new Sqlite(file, { readonly: true });
  try {
    return db.prepare(sql).pluck().all();
  } finally {
    db.close();
  }
}

const tablesIn = (file: string) => columnIn(file, "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name");
const feedUrlsIn = (file: string) => columnIn(file, 'SELECT "url" FROM "Feed" ORDER BY "id"');

describe("upgrading a SQLite database", () => {
  let database: TestDatabase;
  let filePath: string;
  let backups: string;
  /** The test database's file name without `.db`, which backups start with. */
  let stem: string;

  beforeEach(async () => {
    database = await createTestDatabase("sqlite");
    const target = parseDatabaseUrl(database.url);
    if (target.provider !== "sqlite") throw new Error("expected SQLite");
    filePath = target.filePath;
    backups = join(dirname(filePath), "backups");
    stem = basename(filePath, ".db");
  });

  afterEach(() => database.drop());

  it("copies nothing when the database is new or already up to date", async () => {
    const db = await database.open();
    await db.prisma.feed.create({ data: { url: "https://news.example.com/rss.xml" } });
    await db.close();
    expect(await migrateDatabase(parseDatabaseUrl(database.url))).toEqual([]);
    expect(existsSync(backups)).toBe(false);
  });

  it("copies the newsroom's data aside before applying a new migration, and says where", async () => {
    const db = await database.open();
    await db.prisma.feed.create({ data: { url: "https://news.example.com/rss.xml" } });
    await db.close();

    const { logger, lines } = memoryLogger();
    const applied = await migrateDatabase(parseDatabaseUrl(database.url), {
      source: withNewMigrations(1),
      logger,
      now: () => new Date("2099-01-01T09:30:00Z"),
    });

    expect(applied).toEqual(["20990101000000_add_scratch_1"]);
    const name = `${stem}-before-20990101000000_add_scratch_1-20990101T093000000Z.db`;
    const copy = join(backups, name);
    expect(readdirSync(backups)).toEqual([name]);
    // The copy is the database as it was: the feed, and not yet the new table.
    expect(feedUrlsIn(copy)).toEqual(["https://news.example.com/rss.xml"]);
    expect(tablesIn(copy)).not.toContain("Scratch1");
    expect(tablesIn(filePath)).toContain("Scratch1");
    expect(lines).toContainEqual(expect.objectContaining({ msg: "database backed up before migrating", path: copy, removed: [] }));
  });

  it("refuses to migrate, in one line, while another process writes to the database, and changes nothing", async () => {
    const db = await database.open();
    await db.prisma.feed.create({ data: { url: "https://news.example.com/rss.xml" } });
    await db.close();
    // Another process (an older bot still running) holds the write lock for longer than the busy timeout.
    const other = new Sqlite(filePath);
    other.exec("BEGIN IMMEDIATE");
    try {
      await expect(migrateDatabase(parseDatabaseUrl(database.url), { source: withNewMigrations(1) })).rejects.toThrow(
        `cannot migrate ${filePath}: another process is writing to it (is Newsdesk still running? stop it, then start again); nothing was changed`,
      );
    } finally {
      other.exec("ROLLBACK");
      other.close();
    }
    expect(tablesIn(filePath)).not.toContain("Scratch1");
    expect(feedUrlsIn(filePath)).toEqual(["https://news.example.com/rss.xml"]);
  });

  it("keeps only the copies of the last 3 upgrades, in BACKUP_DIR when it is set", async () => {
    const db = await database.open();
    await db.prisma.feed.create({ data: { url: "https://news.example.com/rss.xml" } });
    await db.close();
    const elsewhere = join(dirname(filePath), "elsewhere");

    for (let release = 1; release <= 4; release++) {
      await migrateDatabase(parseDatabaseUrl(database.url), {
        source: withNewMigrations(release),
        backupDir: elsewhere,
        now: () => new Date(`2099-01-0${release}T09:30:00Z`),
      });
    }

    expect(readdirSync(elsewhere).sort()).toEqual([
      `${stem}-before-20990102000000_add_scratch_2-20990102T093000000Z.db`,
      `${stem}-before-20990103000000_add_scratch_3-20990103T093000000Z.db`,
      `${stem}-before-20990104000000_add_scratch_4-20990104T093000000Z.db`,
    ]);
    expect(tablesIn(join(elsewhere, `${stem}-before-20990104000000_add_scratch_4-20990104T093000000Z.db`))).toContain("Scratch3");
    expect(existsSync(backups)).toBe(false);
  });

  it("creates new databases so that retention can give freed space back to the disk", async () => {
    await (await database.open()).close();
    const db = new Sqlite(filePath, { readonly: true });
    try {
      // 2 = incremental.
      expect(db.pragma("auto_vacuum", { simple: true })).toBe(2);
    } finally {
      db.close();
    }
  });
});
