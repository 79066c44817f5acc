/**
 * Giving freed space back to the disk never waits on the bot: when another write is
 * under way (an ingest batch holds SQLite's write lock), the pages stay free inside the
 * file for new rows, and the next nightly run gives them back.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

import Sqlite from "better-sqlite3";
import { afterEach, beforeEach, describe, expect, it } from "vitest";

import { reclaimSqliteSpace, sqliteDiskBytes } from "../../src/db/sqlite-space.js";

describe("reclaiming SQLite space", () => {
  let folder: string;
  let file: string;

  beforeEach(() => {
    folder = mkdtempSync(join(tmpdir(), "newsdesk-space-"));
    file = join(folder, "newsdesk.db");
    // As Newsdesk creates its databases (see migrations.ts).
    const db = new Sqlite(file);
    db.pragma("auto_vacuum = INCREMENTAL");
    db.pragma("journal_mode = WAL");
    db.exec('CREATE TABLE "Article" ("id" INTEGER PRIMARY KEY, "body" TEXT NOT NULL)');
    const insert = db.prepare('INSERT INTO "Article" ("body") VALUES (?)');
    db.transaction(() => {
      for (let i = 0; i < 500; i++) insert.run("The harbour board met again on Tuesday. ".repeat(120));
    })();
    db.exec(`UPDATE "Article" SET "body" = ''`);
    db.close();
  });

  afterEach(() => rmSync(folder, { recursive: true, force: true }));

  it("leaves the pages free while another writer holds the database, and gives them back once it is done", () => {
    const bot = new Sqlite(file);
    bot.exec("BEGIN IMMEDIATE");
    bot.prepare('INSERT INTO "Article" ("body") VALUES (?)').run("A story being stored.");

    const whileBusy = reclaimSqliteSpace(file);
    expect(whileBusy).toMatchObject({ reclaimedBytes: 0, incremental: true, busy: true });
    expect(whileBusy.freeBytes).toBeGreaterThan(2_000_000);

    bot.exec("COMMIT");
    bot.close();
    const sizeBefore = sqliteDiskBytes(file);
    const later = reclaimSqliteSpace(file);
    expect(later).toMatchObject({ freeBytes: 0, incremental: true, busy: false });
    expect(later.reclaimedBytes).toBe(whileBusy.freeBytes);
    expect(sizeBefore - sqliteDiskBytes(file)).toBeGreaterThanOrEqual(whileBusy.freeBytes);
  });
});
