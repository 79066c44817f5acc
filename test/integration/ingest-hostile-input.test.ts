/**
 * Hostile input cannot stall the bot: the worst pages and feed items we can build go through the
 * real ingest path (msw-served feeds and pages, the guarded fetcher, the extraction pool's
 * worker threads, the real repositories) and are stored cleanly, while a healthy feed in the same
 * run still stores its story; a page that outruns EXTRACT_TIMEOUT_MS falls back to the feed's
 * text with the reason logged once; and a reader's /latest is answered while a worker is busy.
 */
import { http, HttpResponse } from "msw";
import { afterEach, beforeEach, describe, expect, it } from "vitest";

import { HOSTILE_ITEMS, HOSTILE_PAGES } from "../../bench/lib/hostile-pages.js";
import type { AdminNotifier } from "../../src/ops/admin-notifier.js";
import { createIngestDeps } from "../../src/app/create-jobs.js";
import { ingestAllFeeds, type IngestReport } from "../../src/ingest/ingest-feeds.js";
import { createExtractionPool } from "../../src/ingest/workers/create-extraction-pool.js";
import { createServices } from "../../src/app/create-services.js";
import { createClock, startReaderApp } from "../bot/readers/reader-harness.js";
import { createCliHarness, type CliHarness } from "../cli/cli-harness.js";
import { memoryLogger, testConfig } from "../support/config.js";
import { createTestDatabase, TEST_PROVIDERS, type TestDatabase } from "../support/database.js";
import { server } from "../support/msw.js";
import { installFakeTelegram, privateMessage } from "../support/telegram.js";
import { publicLookup, rss, serve } from "../support/web.js";
import { HANG_MARKER } from "../ingest/workers/hanging-extraction-worker.js";

const START = new Date("2026-03-02T09:00:00.000Z");
const SITE = "https://hostile.example.org";
const WIRE_FEED = "https://wire.example.com/rss.xml";
const WIRE_STORY = "https://wire.example.com/world/ceasefire-talks";
const CEASEFIRE = "Negotiators returned to Cairo on Monday for a new round of ceasefire talks, mediators said, after a week-long pause.";
const HANGING_WORKER = new URL("../ingest/workers/hanging-extraction-worker.ts", import.meta.url);

const serveWire = () => serve(WIRE_FEED, rss([{ title: "Ceasefire talks resume in Cairo", link: WIRE_STORY, description: CEASEFIRE, pubDate: START }]));

describe("ingesting the worst pages we can build", () => {
  let h: CliHarness;
  beforeEach(async () => {
    // One provider: what is at stake is the reading, not the storing.
    h = await createCliHarness("sqlite");
  });
  afterEach(async () => {
    await h.close();
  });

  it("stores every pathological page and item, and the healthy feed's story, in one run", { timeout: 240_000 }, async () => {
    serve(`${SITE}/pages.xml`, rss(HOSTILE_PAGES.map((p) => ({ title: p.name, link: `${SITE}${p.path}` }))));
    for (const p of HOSTILE_PAGES) serve(`${SITE}${p.path}`, p.html(), "text/html; charset=utf-8");
    serve(
      `${SITE}/items.xml`,
      rss(HOSTILE_ITEMS.map((item, i) => ({ title: item.title, link: `${SITE}/item-${i}`, description: item.description }))),
    );
    server.use(http.get(`${SITE}/item-:n`, () => new HttpResponse(null, { status: 404 })));
    serveWire();
    for (const feed of [`${SITE}/pages.xml`, `${SITE}/items.xml`, WIRE_FEED]) expect((await h.cli(["feeds", "add", feed])).code).toBe(0);

    const run = await h.cli(["ingest"], { now: () => START });

    expect(run).toEqual({
      code: 0,
      stdout:
        `#1 first fetch: ${HOSTILE_PAGES.length} stories stored, not posted: only stories that arrive from now on are posted\n` +
        `#2 first fetch: ${HOSTILE_ITEMS.length} stories stored, not posted: only stories that arrive from now on are posted\n` +
        "#3 first fetch: 1 story stored, not posted: only stories that arrive from now on are posted\n3 feeds, 12 new articles, 0 failed\n",
      stderr: "",
    });
    const stored = await (await h.db()).prisma.article.findMany({ orderBy: { id: "asc" }, select: { url: true, headline: true, summary: true, body: true } });
    const summaryOf = (url: string) => stored.find((a) => a.url === url)?.summary;
    expect(stored.map((a) => a.url).sort()).toEqual(
      [...HOSTILE_PAGES.map((p) => `${SITE}${p.path}`), ...HOSTILE_ITEMS.map((_, i) => `${SITE}/item-${i}`), WIRE_STORY].sort(),
    );
    expect(stored.find((a) => a.url === `${SITE}/single-line`)?.body.length).toBeGreaterThan(5_000_000);
    expect(summaryOf(`${SITE}/single-line`)).toBe(
      "Talks went on into the night and nobody left the room. ".repeat(3).trim(),
    );
    expect(summaryOf(`${SITE}/unclosed-comment`)).toBe("The opening paragraph of a story.");
    expect(summaryOf(`${SITE}/unclosed-script`)).toBe("The opening paragraph of a story.");
    expect(summaryOf(WIRE_STORY)).toBe(CEASEFIRE);
  });
});

describe.each(TEST_PROVIDERS)("a page past EXTRACT_TIMEOUT_MS on %s", (provider) => {
  let database: TestDatabase;
  beforeEach(async () => {
    database = await createTestDatabase(provider);
  });
  afterEach(async () => {
    await database.drop();
  });

  /** One ingest run through the real path, with a worker that never finishes a page holding HANG_MARKER. */
  const ingestWithHangingPage = async (): Promise<{ report: IngestReport; logged: Record<string, unknown>[] }> => {
    const db = await database.open();
    const { logger, lines } = memoryLogger("warn");
    const services = createServices({ config: testConfig(database.url), logger, db, fetcherDeps: { lookup: publicLookup }, now: () => START });
    const extractor = createExtractionPool({ timeoutMs: 1_000, workers: 1, workerUrl: HANGING_WORKER });
    const admin: AdminNotifier = { notify: () => Promise.resolve(true) };
    try {
      for (const feed of [`${SITE}/rss.xml`, WIRE_FEED]) await services.feeds.add({ url: feed });
      const report = await ingestAllFeeds({ ...createIngestDeps({ services, admin, logger }), extractor });
      return { report, logged: lines };
    } finally {
      await extractor.close();
      await services.extractor.close();
      await services.fetcher.close();
      await db.close();
    }
  };

  it("counts the page as failed, stores the story from the feed's text, and logs why once", async () => {
    serve(
      `${SITE}/rss.xml`,
      rss([{ title: "Kim to visit Russia", link: `${SITE}/kim`, description: "Kim will visit Russia, officials say. Read more…", pubDate: START }]),
    );
    serve(`${SITE}/kim`, `<html><body>${HANG_MARKER}<p>Never read.</p></body></html>`, "text/html");
    serveWire();

    const { report, logged } = await ingestWithHangingPage();

    expect(report).toMatchObject({ feeds: 2, failed: 0, stored: 2 });
    const check = await database.open();
    try {
      const articles = await check.prisma.article.findMany({ orderBy: { url: "asc" }, select: { url: true, headline: true, summary: true } });
      expect(articles).toEqual([
        { url: `${SITE}/kim`, headline: "Kim to visit Russia", summary: "Kim will visit Russia, officials say." },
        { url: WIRE_STORY, headline: "Ceasefire talks resume in Cairo", summary: CEASEFIRE },
      ]);
    } finally {
      await check.close();
    }
    expect(logged.map(({ msg, url, reason }) => ({ msg, url, reason }))).toEqual([
      {
        msg: "article page could not be read; using the feed's text",
        url: `${SITE}/kim`,
        reason: "extraction took longer than EXTRACT_TIMEOUT_MS (1000 ms)",
      },
    ]);
  });
});

describe("a reader during a heavy ingest", () => {
  let database: TestDatabase;
  let telegram: ReturnType<typeof installFakeTelegram>;
  beforeEach(async () => {
    database = await createTestDatabase("sqlite");
    telegram = installFakeTelegram();
  });
  afterEach(async () => {
    await database.drop();
  });

  it("gets /latest answered while a worker is stuck on a page, before the ingest run ends", async () => {
    const db = await database.open();
    const clock = createClock(START);
    const { app } = await startReaderApp(database, db, clock);
    const extractor = createExtractionPool({ timeoutMs: 5_000, workers: 1, workerUrl: HANGING_WORKER });
    let servePage = () => {};
    const pageServed = new Promise<void>((resolve) => (servePage = resolve));
    serve(`${SITE}/rss.xml`, rss([{ title: "Kim to visit Russia", link: `${SITE}/kim`, pubDate: START }]));
    server.use(
      http.get(`${SITE}/kim`, () => {
        servePage();
        return new HttpResponse(`<html><body>${HANG_MARKER}</body></html>`, { headers: { "content-type": "text/html" } });
      }),
    );
    try {
      await app.services.articles.storeBatch([
        {
          url: WIRE_STORY, guid: null, feedId: null, headline: "Ceasefire talks resume in Cairo", summary: CEASEFIRE, body: CEASEFIRE,
          section: null, author: null, language: null, imageUrl: null, publishedAt: START, modifiedAt: null, sortAt: START,
          headlineKey: "cairo ceasefire resume talk", autoPost: false, source: "feed", topics: [], otherUrls: [],
        },
      ]);
      await app.services.feeds.add({ url: `${SITE}/rss.xml` });
      const events: string[] = [];
      const admin: AdminNotifier = { notify: () => Promise.resolve(true) };
      const ingest = ingestAllFeeds({ ...createIngestDeps({ services: app.services, admin, logger: memoryLogger("silent").logger }), extractor }).then(
        (report) => {
          events.push("ingest finished");
          return report;
        },
      );
      await pageServed;

      await app.bot.handleUpdate(privateMessage("/latest"));
      events.push("/latest answered");

      const [reply] = telegram.callsTo("sendMessage");
      expect(reply?.payload.text).toMatch(/^<b>Latest stories<\/b>\n.*Ceasefire talks resume in Cairo/s);
      expect((await ingest).stored).toBe(1);
      expect(events).toEqual(["/latest answered", "ingest finished"]);
    } finally {
      await extractor.close();
      await app.services.extractor.close();
      await app.services.fetcher.close();
      await db.close();
    }
  }, 60_000);
});
