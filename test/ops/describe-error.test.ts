/**
 * Which failures are expected (one line, no stack) and which are bugs (the stack):
 * the errors Newsdesk really meets, built by the libraries that throw them.
 */
import { setTimeout as sleep } from "node:timers/promises";

import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import Sqlite from "better-sqlite3";
import { GrammyError, HttpError } from "grammy";
import { describe, expect, it } from "vitest";

import { PrismaClient } from "../../src/generated/sqlite/client.js";
import { FetchError } from "../../src/ingest/fetch/fetch-error.js";
import { FeedParseError } from "../../src/ingest/feeds/feed-parse-error.js";
import { describeError } from "../../src/ops/describe-error.js";
import { createTestDatabase } from "../support/database.js";

const networkError = (code: string, message: string) => Object.assign(new Error(message), { code });

describe("describing a failure for the log", () => {
  it("gives the reason of a feed's 404, a refused address and an unreadable feed", () => {
    expect(describeError(new FetchError("http_status", "https://news.example.com/rss.xml", "https://news.example.com/rss.xml answered 404 Not Found", { status: 404 }))).toEqual({
      reason: "https://news.example.com/rss.xml answered 404 Not Found",
    });
    expect(describeError(new FetchError("timeout", "https://slow.example.com/", "https://slow.example.com/ did not answer within 30000 ms"))).toEqual({
      reason: "https://slow.example.com/ did not answer within 30000 ms",
    });
    expect(describeError(new FeedParseError("the document is HTML, not a feed"))).toEqual({ reason: "the document is HTML, not a feed" });
  });

  it("gives Telegram's answer, and the network's when Telegram could not be reached", () => {
    const flood = new GrammyError(
      "Call to 'sendMessage' failed!",
      { ok: false, error_code: 429, description: "Too Many Requests: retry after 5", parameters: { retry_after: 5 } },
      "sendMessage",
      {},
    );
    expect(describeError(flood)).toEqual({ reason: "Call to 'sendMessage' failed! (429: Too Many Requests: retry after 5)" });
    const unreachable = new HttpError("Network request for 'sendMessage' failed!", networkError("ECONNRESET", "read ECONNRESET"));
    expect(describeError(unreachable)).toEqual({ reason: "Network request for 'sendMessage' failed! (ECONNRESET)" });
  });

  it("gives the code of a refused connection or a timeout, even wrapped in fetch's TypeError", () => {
    const refused = new TypeError("fetch failed", { cause: networkError("ECONNREFUSED", "connect ECONNREFUSED 10.0.0.5:443") });
    expect(describeError(refused)).toEqual({ reason: "fetch failed (ECONNREFUSED)" });
    expect(describeError(networkError("ETIMEDOUT", "connect ETIMEDOUT 10.0.0.5:443"))).toEqual({ reason: "connect ETIMEDOUT 10.0.0.5:443" });
  });

  it("gives the reason of an aborted or timed-out call", async () => {
    const signal = AbortSignal.timeout(1);
    await sleep(20);
    expect(describeError(signal.reason)).toEqual({ reason: "The operation was aborted due to timeout" });
  });

  it("gives one line for a database that stays locked", async () => {
    const database = await createTestDatabase("sqlite");
    await (await database.open()).close();
    const path = database.url.slice("file:".length);
    const holder = new Sqlite(path);
    holder.exec("BEGIN EXCLUSIVE");
    const prisma = new PrismaClient({ adapter: new PrismaBetterSqlite3({ url: path, timeout: 20 }) });
    try {
      const error = await prisma.feed.create({ data: { url: "https://news.example.com/rss.xml" } }).then(() => null, (e: unknown) => e);
      expect(describeError(error)).toEqual({ reason: "database: Operation has timed out (SQLITE_BUSY: database is locked)" });
    } finally {
      holder.exec("ROLLBACK");
      holder.close();
      await prisma.$disconnect();
      await database.drop();
    }
  });

  it("keeps the stack of a bug: a TypeError, a unique key broken by code, something thrown that is not an Error", () => {
    const bug = new TypeError("Cannot read properties of undefined (reading 'url')");
    expect(describeError(bug)).toEqual({ err: bug });
    const duplicate = Object.assign(new Error("Unique constraint failed on the fields: (`url`)"), { name: "PrismaClientKnownRequestError", code: "P2002", meta: {} });
    expect(describeError(duplicate)).toEqual({ err: duplicate });
    expect(describeError("a string")).toEqual({ err: "a string" });
  });

  it("keeps a reason to one line of at most 500 characters", () => {
    const described = describeError(new FeedParseError(`the feed could not be read:\n  ${"x".repeat(600)}`));
    expect("reason" in described && described.reason).toBe(`the feed could not be read: ${"x".repeat(471)}…`);
  });
});
