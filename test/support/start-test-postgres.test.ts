/**
 * `npm install && npm test` passes on a machine that has only Node: with TEST_POSTGRES_URL
 * unset and nothing answering at the local address, the tests start a real PostgreSQL
 * themselves (never a mock, never a skip) and remove it afterwards.
 */
import { describe, expect, inject, it } from "vitest";

import { execFile } from "node:child_process";
import { readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";

import pg from "pg";

import { createFeedsRepository } from "../../src/db/feeds.js";
import { createTestDatabase } from "./database.js";
import { LOCAL_POSTGRES_URL_OVERRIDE } from "./global-setup.js";
import { findUnusedPort, startTestPostgres } from "./start-test-postgres.js";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));

async function closedLocalUrl(): Promise<string> {
  return `postgresql://postgres@127.0.0.1:${await findUnusedPort()}/postgres`;
}

/** Stores a feed through the app's repository on a fresh, migrated database and reads the feeds back. */
async function storeAndListFeeds(postgresUrl?: string): Promise<[string, string | null][]> {
  const database = await createTestDatabase("postgresql", postgresUrl);
  try {
    const db = await database.open();
    try {
      const feeds = createFeedsRepository(db.prisma);
      await feeds.add({ url: "https://news.example/rss.xml", title: "Example News" });
      return (await feeds.list()).map((feed) => [feed.url, feed.title]);
    } finally {
      await db.close();
    }
  } finally {
    await database.drop();
  }
}

async function connectionError(url: string): Promise<string | undefined> {
  const client = new pg.Client({ connectionString: url });
  try {
    await client.connect();
    await client.end();
    return undefined;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code;
  }
}

function serverDirsOf(pid: number | undefined): string[] {
  return readdirSync(tmpdir()).filter((name) => name.startsWith(`newsdesk-test-postgres-${pid}-`));
}

describe("the PostgreSQL server the tests run against", () => {
  it("is started by the tests themselves when TEST_POSTGRES_URL is unset and nothing answers locally: a real PostgreSQL the app migrates and stores rows in, gone once stopped", async () => {
    const localUrl = await closedLocalUrl();
    const postgres = await startTestPostgres({ localUrl });
    try {
      expect(postgres.description).toMatch(
        /^PostgreSQL for tests: nothing usable at 127\.0\.0\.1:\d+ \(ECONNREFUSED\), so an embedded PostgreSQL was started on 127\.0\.0\.1:\d+ in [\d.]+ s$/,
      );
      expect(postgres.description).toContain(new URL(localUrl).port);
      expect(await storeAndListFeeds(postgres.url)).toEqual([["https://news.example/rss.xml", "Example News"]]);
      expect(serverDirsOf(process.pid)).toHaveLength(1);
    } finally {
      await postgres.stop();
    }
    expect(await connectionError(postgres.url)).toBe("ECONNREFUSED");
    expect(serverDirsOf(process.pid)).toEqual([]);
  });

  it("is the one at the local address when it answers, used as it is and left running", async () => {
    const running = inject("testPostgresUrl");
    const postgres = await startTestPostgres({ localUrl: running });
    await postgres.stop();
    const { hostname, port } = new URL(running);
    expect(postgres.description).toBe(`PostgreSQL for tests: the local server at ${hostname}:${port || 5432}`);
    expect(postgres.url).toBe(running);
    expect(await connectionError(running)).toBeUndefined();
  });

  it("is the one in TEST_POSTGRES_URL when set: when that does not answer, the run stops with a line naming it instead of quietly using another", async () => {
    const configuredUrl = await closedLocalUrl();
    await expect(startTestPostgres({ configuredUrl })).rejects.toThrow(
      new Error(`TEST_POSTGRES_URL (127.0.0.1:${new URL(configuredUrl).port}) cannot be used: ECONNREFUSED`),
    );
  });

  it("is handed to every test file: a database made for this run is migrated and stores rows", async () => {
    expect(await storeAndListFeeds()).toEqual([["https://news.example/rss.xml", "Example News"]]);
  });

  it("is found the same way by a real `vitest run` on a machine with none: the run says it started one, passes, and leaves nothing behind", { timeout: 180_000 }, async () => {
    const { PATH, HOME, TMPDIR } = process.env;
    const env = { PATH, HOME, TMPDIR, NO_COLOR: "1", [LOCAL_POSTGRES_URL_OVERRIDE]: await closedLocalUrl() };
    const run = promisify(execFile)(
      process.execPath,
      ["node_modules/vitest/vitest.mjs", "run", "test/support/start-test-postgres.test.ts", "-t", "is handed to every test file"],
      { cwd: ROOT, env },
    );
    const { stdout } = await run;

    const announced = /PostgreSQL for tests: nothing usable at 127\.0\.0\.1:\d+ \(ECONNREFUSED\), so an embedded PostgreSQL was started on 127\.0\.0\.1:(\d+)/.exec(stdout);
    expect(announced, stdout).not.toBeNull();
    expect(stdout).toMatch(/Tests\s+1 passed/);
    expect(await connectionError(`postgresql://postgres@127.0.0.1:${announced![1]}/postgres`)).toBe("ECONNREFUSED");
    expect(serverDirsOf(run.child.pid)).toEqual([]);
  });
});
