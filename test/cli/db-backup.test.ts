/**
 * `npm run cli -- db backup <file>`: an operator copies the database while the bot
 * keeps working; on PostgreSQL they are told the pg_dump command to use instead.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

import Sqlite from "better-sqlite3";
import { afterEach, beforeEach, describe, expect, it } from "vitest";

import { runCli } from "../../src/cli/run-cli.js";
import { parseDatabaseUrl } from "../../src/db/database-url.js";
import { createCliHarness, type CliHarness } from "./cli-harness.js";

const nextTurn = () => new Promise((resolve) => setImmediate(resolve));

describe("db backup on SQLite", () => {
  let harness: CliHarness;
  let folder: string;
  let filePath: string;

  beforeEach(async () => {
    harness = await createCliHarness("sqlite");
    folder = mkdtempSync(join(tmpdir(), "newsdesk-backups-"));
    const target = parseDatabaseUrl(harness.database.url);
    filePath = target.provider === "sqlite" ? target.filePath : "";
  });

  afterEach(async () => {
    await harness.close();
    rmSync(folder, { recursive: true, force: true });
  });

  it("copies the database while the bot writes to it: every row written before, never half a change", async () => {
    const db = await harness.db();
    // The bot at work: a feed and its filter are written together, in one transaction,
    // one change per turn of the event loop, as updates and ticks come in.
    let written = 0;
    let writing = true;
    const writer = (async () => {
      while (writing && written < 10_000) {
        await db.prisma.feed.create({
          data: { url: `https://news${written + 1}.example.com/rss.xml`, filters: { create: { kind: "exclude", phrase: `sport ${written + 1}` } } },
        });
        written++;
        await nextTurn();
      }
    })();
    while (written < 50) await nextTurn();
    const before = await db.prisma.feed.count();

    const copy = join(folder, "nightly", "newsdesk-copy.db");
    const run = await harness.cli(["db", "backup", copy]);
    const writtenDuringBackup = written;
    while (written < writtenDuringBackup + 10) await nextTurn();
    writing = false;
    await writer;

    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(new RegExp(`^backed up ${filePath} to ${copy} \\(\\d+\\.\\d MB\\)\\n$`));
    const opened = new Sqlite(copy, { readonly: true });
    try {
      expect(opened.pragma("integrity_check", { simple: true })).toBe("ok");
      const feeds = Number(opened.prepare('SELECT count(*) FROM "Feed"').pluck().get());
      const filters = Number(opened.prepare('SELECT count(*) FROM "FeedFilter"').pluck().get());
      expect(feeds).toBeGreaterThanOrEqual(before);
      expect(feeds).toBeLessThan(written);
      expect(filters).toBe(feeds);
    } finally {
      opened.close();
    }
    // The bot was not held up: it went on writing once the copy was done.
    expect(await db.prisma.feed.count()).toBe(written);
    expect(readFileSync(copy).subarray(0, 15).toString()).toBe("SQLite format 3");
    expect(existsSync(join(folder, "nightly", ".newsdesk-copy.db.partial"))).toBe(false);
  });

  it("never overwrites a file, and says so", async () => {
    await harness.db();
    const copy = join(folder, "copy.db");
    expect((await harness.cli(["db", "backup", copy])).code).toBe(0);
    const first = readFileSync(copy);

    expect(await harness.cli(["db", "backup", copy])).toEqual({
      code: 1,
      stdout: "",
      stderr: `${copy} already exists: a backup never overwrites a file; give a new name\n`,
    });
    expect(readFileSync(copy).equals(first)).toBe(true);
  });

  it("says there is nothing to back up before the database exists", async () => {
    expect(await harness.cli(["db", "backup", join(folder, "copy.db")])).toEqual({
      code: 1,
      stdout: "",
      stderr: `there is no database at ${filePath} yet: nothing to back up\n`,
    });
    expect(existsSync(filePath)).toBe(false);
  });
});

describe("db backup on PostgreSQL", () => {
  it("makes no copy and prints the pg_dump and pg_restore commands, without the password", async () => {
    let stdout = "";
    let stderr = "";
    const code = await runCli(["db", "backup", "backups/newsroom 2026-12-01.dump"], {
      env: { DATABASE_URL: "postgresql://newsdesk:s3cret-pa55@db.internal:6432/newsroom?sslmode=require", LOG_LEVEL: "silent" },
      stdout: (text) => (stdout += text),
      stderr: (text) => (stderr += text),
    });

    expect(code).toBe(1);
    expect(stdout).toBe("");
    expect(stderr).toBe(
      [
        "Newsdesk copies SQLite databases only; nothing was copied. Back up PostgreSQL with pg_dump, which is consistent while the bot runs:",
        "  PGSSLMODE=require pg_dump --format=custom --host=db.internal --port=6432 --username=newsdesk --dbname=newsroom --file='backups/newsroom 2026-12-01.dump'",
        "It asks for the password, or reads PGPASSWORD or ~/.pgpass (the password in DATABASE_URL is not shown here). To restore, stop the bot, then:",
        "  PGSSLMODE=require pg_restore --clean --if-exists --no-owner --host=db.internal --port=6432 --username=newsdesk --dbname=newsroom 'backups/newsroom 2026-12-01.dump'",
        "",
      ].join("\n"),
    );
    expect(stderr).not.toContain("s3cret");
  });
});
