/**
 * What the operator's log says when a feed fails: an expected failure (the feed's
 * 404) is one line with its reason and no stack trace; a bug keeps its stack.
 */
import { http, HttpResponse } from "msw";
import { afterAll, afterEach, beforeEach, describe, expect, it } from "vitest";

import { createArticlesRepository } from "../../src/db/articles.js";
import type { Database } from "../../src/db/client.js";
import { createFeedsRepository } from "../../src/db/feeds.js";
import { createTopicsRepository } from "../../src/db/topics.js";
import type { Fetcher } from "../../src/ingest/fetch/create-fetcher.js";
import { ingestAllFeeds } from "../../src/ingest/ingest-feeds.js";
import { createExtractionPool } from "../../src/ingest/workers/create-extraction-pool.js";
import { createLogger } from "../../src/logger.js";
import { createTestDatabase, type TestDatabase } from "../support/database.js";
import { server } from "../support/msw.js";
import { createTestFetcher } from "../support/web.js";

/** One extraction pool for the file: a worker thread starts once. */
const extractor = createExtractionPool({ timeoutMs: 15_000, workers: 1 });
afterAll(() => extractor.close());

const NOW = new Date("2026-03-02T09:00:00.000Z");
const GONE_FEED = "https://gone.example.com/rss.xml";

describe("ingest logs", () => {
  let database: TestDatabase;
  let db: Database;
  let webFetcher: Fetcher;
  let written: string[];

  const ingest = (format: "pretty" | "json", fetcher: Fetcher = webFetcher) => {
    const logger = createLogger({ level: "info", format, destination: { write: (text: string) => void written.push(text) } });
    return ingestAllFeeds({
      feeds: createFeedsRepository(db.prisma),
      articles: createArticlesRepository(db.prisma),
      topics: createTopicsRepository(db.prisma),
      fetcher,
      extractor,
      admin: { notify: () => Promise.resolve(true) },
      logger: logger.child({ job: "ingest" }),
      now: () => NOW,
      summaryMaxChars: 400,
      feedMaxFailures: 10,
    });
  };
  const entries = (msg: string) => written.filter((text) => text.includes(msg));

  beforeEach(async () => {
    written = [];
    database = await createTestDatabase("sqlite");
    db = await database.open();
    webFetcher = createTestFetcher();
    server.use(http.get(GONE_FEED, () => new HttpResponse("no such page", { status: 404, statusText: "Not Found" })));
    await createFeedsRepository(db.prisma).add({ url: GONE_FEED });
  });
  afterEach(async () => {
    await webFetcher.close();
    await db.close();
    await database.drop();
  });

  it("a feed's 404 is one readable line with the reason and no stack trace", async () => {
    await ingest("pretty");
    const [failed, ...more] = entries("feed failed");
    expect(more).toEqual([]);
    expect(failed!.replace(/^\[[^\]]+\]/, "[time]")).toBe(
      `[time] WARN: feed failed {"job":"ingest","feedId":1,"feedUrl":"${GONE_FEED}",` +
        `"reason":"${GONE_FEED} answered 404 Not Found","nextFetchAt":"2026-03-02T09:05:00.000Z"}\n`,
    );
  });

  it("in JSON, the same failure has a reason and no err", async () => {
    await ingest("json");
    const [failed] = entries("feed failed").map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(failed).toMatchObject({ msg: "feed failed", feedId: 1, reason: `${GONE_FEED} answered 404 Not Found` });
    expect(failed).not.toHaveProperty("err");
  });

  it("a bug while reading a feed is logged with its stack", async () => {
    const broken: Fetcher = {
      fetch: () => Promise.reject(new TypeError("Cannot read properties of undefined (reading 'headers')")),
      postJson: () => Promise.reject(new Error("not used")),
      close: () => Promise.resolve(),
    };
    await ingest("json", broken);
    const [failed] = entries("feed failed").map((line) => JSON.parse(line) as { err?: { type: string; message: string; stack: string } });
    expect(failed?.err).toMatchObject({ type: "TypeError", message: "Cannot read properties of undefined (reading 'headers')" });
    expect(failed?.err?.stack).toMatch(/^TypeError: Cannot read properties of undefined \(reading 'headers'\)\n\s+at /);
  });
});
